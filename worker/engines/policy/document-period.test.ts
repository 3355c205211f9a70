/**
 * A programme's effective period comes from its document's validity (decision
 * 0013): the printed `until`, or the zone's published extension, ends it; a
 * printed `from` starts it. The engine's "effective" condition then refuses an
 * expired plan in every evaluation, naming the document and its end date.
 */
import { describe, expect, it } from "vitest";
import { outsideEffectivePeriod } from "./evaluate";
import { compileSet, conditionOf, DOC, programmeInput, run } from "./test-support";

const withDoc = (over: Record<string, unknown>) =>
  compileSet([programmeInput()], { documents: [{ ...DOC, docNumber: "测发〔2020〕1号", ...over }] }).list[0]!;
const dated = withDoc({ validity: { until: "2023-12-31", source: "2021—2023年" } });
const extended = withDoc({
  validity: { until: "2023-12-31", source: "2021—2023年" },
  extension: { until: "2026-12-31", by: "关于延长有效期的通知(测发〔2024〕1号)" },
});

describe("a document's validity sets the programme's effective period", () => {
  it("ends on validity.until, inclusive, and says the document and its end date after it", () => {
    expect(dated).toMatchObject({ effectiveFrom: "2020-01-01", effectiveTo: "2023-12-31" });
    expect(run(dated, {}, { date: "2023-12-31" }).eligible).toBe(true);
    const after = run(dated, {}, { date: "2024-01-01" });
    expect(after.eligible).toBe(false);
    expect(conditionOf(after, "effective")).toMatchObject({
      result: "fail",
      label: "政策文件在有效期内",
      reason: "“测试政策文件”(测发〔2020〕1号)有效期至2023-12-31,已到期",
    });
    expect(after).toMatchObject({ amountFen: 0, steps: [] });
    expect(after.amountNote).toContain("有效期至2023-12-31,已到期");
  });

  it("an extension keeps it open to the extension's end and names the notice once that has passed too", () => {
    expect(extended.effectiveTo).toBe("2026-12-31");
    expect(run(extended, {}, { date: "2026-06-30" }).eligible).toBe(true);
    expect(conditionOf(run(extended, {}, { date: "2027-01-01" }), "effective")!.reason).toBe(
      "“测试政策文件”(测发〔2020〕1号)有效期至2026-12-31,已到期(原定至2023-12-31,园区已按关于延长有效期的通知(测发〔2024〕1号)延期)",
    );
  });

  it("starts on validity.from when the document names no effectiveFrom", () => {
    const p = withDoc({ validity: { from: "2021-01-01", until: "2023-12-31", source: "2021—2023年" } });
    expect(p.effectiveFrom).toBe("2021-01-01");
    expect(conditionOf(run(p, {}, { date: "2020-12-31" }), "effective")!.reason).toBe(
      "“测试政策文件”(测发〔2020〕1号)自2021-01-01起施行,尚未施行",
    );
  });

  it("an unspecified validity sets no end", () => {
    const p = withDoc({ validity: { unspecified: true } });
    expect(p.effectiveTo).toBeNull();
    expect(run(p, {}, { date: "2099-01-01" }).eligible).toBe(true);
  });

  it("outsideEffectivePeriod gives the reason the evaluation carries, and null inside the period", () => {
    expect(outsideEffectivePeriod(dated, "2023-06-30")).toBeNull();
    expect(outsideEffectivePeriod(dated, "2024-01-01")!.reason).toBe(
      conditionOf(run(dated, {}, { date: "2024-01-01" }), "effective")!.reason,
    );
  });
});
