/**
 * Changzhi's plan as the engine sees it (decision 0013): every programme ends
 * with the document's validity (2023-12-31), and a version whose document
 * carries the zone's extension keeps them open to the extension's end — the
 * cases of the set still pass with the extension, and after it ends every
 * programme fails "effective" naming the extension notice.
 */
import { describe, expect, it } from "vitest";
import { runCase } from "../../../worker/engines/policy/cases";
import { compilePolicySet } from "../../../worker/engines/policy/compile";
import { evaluate } from "../../../worker/engines/policy/evaluate";
import zone from "../zone";
import set from "./index";
import { DOC, EXPIRED_REASON } from "./common";

const BY = "关于延长双创三年行动计划实施期限的通知(测试)";
const plain = compilePolicySet(set, zone);
const extended = compilePolicySet(
  {
    ...set,
    documents: set.documents.map((d) => (d.id === DOC ? { ...d, extension: { until: "2026-12-31", by: BY } } : d)),
  },
  zone,
);
const effectiveOn = (compiled: typeof plain, date: string) =>
  compiled.list.map((p) => evaluate(p, { facts: {}, date }).conditions.find((c) => c.id === "effective") ?? null);

describe("Changzhi's plan in the engine", () => {
  it("ends every programme on validity.until", () => {
    expect(plain.list.map((p) => p.effectiveTo)).toEqual(plain.list.map(() => "2023-12-31"));
    expect(effectiveOn(plain, "2023-12-31").every((c) => c === null)).toBe(true);
    for (const c of effectiveOn(plain, "2026-06-30"))
      expect(c).toMatchObject({ result: "fail", reason: expect.stringContaining(EXPIRED_REASON) });
  });

  it(
    "an extension keeps every programme open until its end, and the set's cases read the same inside the original " +
      "period",
    () => {
      expect(effectiveOn(extended, "2026-06-30").every((c) => c === null)).toBe(true);
      const inPeriod = set.cases.filter((c) => c.date !== undefined && c.date <= "2023-12-31");
      for (const c of inPeriod) expect(runCase(extended, c).problems, c.name).toEqual([]);
    },
  );

  it("after the extension ends, every programme is expired, naming the extension notice", () => {
    for (const c of effectiveOn(extended, "2027-01-01")) {
      expect(c).toMatchObject({ result: "fail" });
      expect(c!.reason).toContain("有效期至2026-12-31,已到期");
      expect(c!.reason).toContain(`原定至2023-12-31,园区已按${BY}延期`);
    }
  });
});
