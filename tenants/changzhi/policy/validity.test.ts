/**
 * Changzhi's plan as the engine sees it (decision 0013): every programme ends
 * with the document's validity (2023-12-31), and a version whose document
 * carries the zone's extension keeps them open to the extension's end — the
 * cases of the set still pass with the extension, and after it ends every
 * programme fails "effective" naming the extension notice. The demo 贴息 programme rests on
 * its own demo document (2025—2027) and is checked apart.
 */
import { describe, expect, it } from "vitest";
import { runCase } from "../../../worker/engines/policy/cases";
import { compilePolicySet } from "../../../worker/engines/policy/compile";
import { evaluate } from "../../../worker/engines/policy/evaluate";
import zone from "../zone";
import set from "./index";
import { DOC, EXPIRED_REASON } from "./common";
import { LOAN_DOC } from "./interest-subsidy";

const BY = "关于延长双创三年行动计划实施期限的通知(测试)";
const plain = compilePolicySet(set, zone);
const extended = compilePolicySet(
  {
    ...set,
    documents: set.documents.map((d) => (d.id === DOC ? { ...d, extension: { until: "2026-12-31", by: BY } } : d)),
  },
  zone,
);
const effectiveOn = (compiled: typeof plain, date: string, doc = DOC) =>
  compiled.list
    .filter((p) => p.document === doc)
    .map((p) => evaluate(p, { facts: {}, date }).conditions.find((c) => c.id === "effective") ?? null);
const planList = plain.list.filter((p) => p.document === DOC);

describe("Changzhi's plan in the engine", () => {
  it("ends every programme on validity.until", () => {
    expect(planList.length).toBeGreaterThan(0);
    expect(planList.map((p) => p.effectiveTo)).toEqual(planList.map(() => "2023-12-31"));
    expect(effectiveOn(plain, "2023-12-31").every((c) => c === null)).toBe(true);
    for (const c of effectiveOn(plain, "2026-06-30"))
      expect(c).toMatchObject({ result: "fail", reason: expect.stringContaining(EXPIRED_REASON) });
  });

  it(
    "an extension keeps every programme open until its end, and the set's cases read the same inside the original " +
      "period",
    () => {
      expect(effectiveOn(extended, "2026-06-30").every((c) => c === null)).toBe(true);
      const inPeriod = set.cases.filter(
        (c) => c.date !== undefined && c.date <= "2023-12-31" && plain.programmes.get(c.programme)?.document === DOC,
      );
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

describe("the demo 贴息 programme (演示)", () => {
  it("is in force from 2025-01-01 to 2027-12-31, on its demo document, and expired after", () => {
    const demo = plain.list.filter((p) => p.document === LOAN_DOC);
    expect(demo.map((p) => [p.id, p.effectiveFrom, p.effectiveTo])).toEqual([
      ["changzhi-loan-interest-subsidy", "2025-01-01", "2027-12-31"],
    ]);
    expect(effectiveOn(plain, "2027-12-31", LOAN_DOC).every((c) => c === null)).toBe(true);
    for (const c of effectiveOn(plain, "2028-01-01", LOAN_DOC))
      expect(c).toMatchObject({ result: "fail", reason: expect.stringContaining("(演示)") });
  });
});
