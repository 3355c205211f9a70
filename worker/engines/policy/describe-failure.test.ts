import { describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import zibo from "../../../tenants/zibo/policy/index";
import changzhi from "../../../tenants/changzhi/policy/index";
import dongying from "../../../tenants/dongying/policy/index";
import { acceptCaseResults, runCases } from "./cases";
import { compilePolicySet } from "./compile";
import type { PolicySet } from "./format/policy-set";

const SETS: [string, PolicySet][] = [
  ["zibo", zibo],
  ["changzhi", changzhi],
  ["dongying", dongying],
];
const compile = (set: PolicySet) => compilePolicySet(set, zones.get(set.zone)!);
const CAPPED = "increase of 2500万: 5% is 125万, capped at 100万";

/** zibo's set with the R&D subsidy's annual cap raised from 100万 to 120万. */
function raisedCap(): PolicySet {
  const set = structuredClone(zibo);
  (set.programmes.find((p) => p.id === "zibo-rd-inclusive")!.limits[0] as { fen: number }).fen = 120_000_000;
  return set;
}

describe("failed cases in Chinese", () => {
  it.each(SETS)("no case of %s fails, so none has a sentence", (_, set) => {
    const outcomes = runCases(compile(set));
    expect(outcomes.filter((o) => !o.passed).map((o) => o.problems)).toEqual([]);
    expect(outcomes.some((o) => o.zh !== undefined)).toBe(false);
  });

  it("names the case's facts and both amounts when a cap changes", () => {
    const failed = runCases(compile(raisedCap())).filter((o) => !o.passed);
    const capped = failed.find((o) => o.name === CAPPED)!;
    expect(capped.problems).toEqual([
      "amountFen: expected 100000000, got 120000000",
      'explanation lacks "本次按100万元计"',
    ]);
    expect(capped.zh).toBe(
      `用例「${CAPPED}」:年销售收入30,000万元、研发投入1,000万元、当年研发费用加计扣除额4,500万元、` +
        "上年度研发费用加计扣除额2,000万元时,应补助100万元,按当前规则为120万元(已按上限计);" +
        "计算说明中应有“本次按100万元计”,按当前规则没有",
    );
    // Every failure has its sentence, and none is English.
    for (const o of failed) expect(o.zh).toMatch(/^用例「.+」:.+时,应/);
  });

  it("says a case expecting ineligible is now eligible, with the amount", () => {
    const set = structuredClone(zibo);
    const c = set.cases.find((x) => x.name === "revenue 4000万 at 4.99%: under 5000万 needs 5%")!;
    c.expect = { eligible: true, amountFen: 1_000_000 };
    const o = runCases(compile(set)).find((x) => x.name === c.name)!;
    expect(o.zh).toContain("应符合条件,按当前规则不符合条件(");
    expect(o.zh).toContain("应补助1万元,按当前规则为0万元");
  });

  it("accepting the engine's results makes the failing cases pass, changing nothing else", () => {
    const compiled = compile(raisedCap());
    const failing = runCases(compiled)
      .map((o, i) => (o.passed ? -1 : i))
      .filter((i) => i >= 0);
    const corrected = acceptCaseResults(compiled, failing);
    expect(runCases(compile(corrected)).filter((o) => !o.passed)).toEqual([]);
    const i = corrected.cases.findIndex((c) => c.name === CAPPED);
    expect(corrected.cases[i]!.expect).toEqual({ eligible: true, amountFen: 120_000_000 });
    expect(corrected.cases.filter((_, j) => !failing.includes(j))).toEqual(
      raisedCap().cases.filter((_, j) => !failing.includes(j)),
    );
  });
});
