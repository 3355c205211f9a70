import { describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import zibo from "../../../tenants/zibo/policy/index";
import changzhi from "../../../tenants/changzhi/policy/index";
import dongying from "../../../tenants/dongying/policy/index";
import { runCases } from "./cases";
import { compilePolicySet } from "./compile";
import type { PolicySet } from "./format/policy-set";
import { proposeCases } from "./propose-cases";

const compile = (set: PolicySet) => compilePolicySet(set, zones.get(set.zone)!);

describe("proposed boundary cases", () => {
  it("probes the R&D subsidy's revenue tiers, ratios and the 100万 cap from both sides", () => {
    const out = proposeCases(compile(zibo), "zibo-rd-inclusive");
    const whys = out.map((o) => o.why.split(":")[0]);
    expect(whys).toContain("年销售收入恰为“20,000万元以上”的门槛");
    expect(whys).toContain("年销售收入略低于“20,000万元以上”的门槛");
    const cap = out.filter((o) => o.why.includes("达到上限100万元"));
    expect(cap.map((o) => o.case.facts.rdDeductionFen)).toEqual([3_999_999_900, 4_000_000_000, 4_000_000_100]);
    expect(cap.map((o) => o.case.expect.amountFen)).toEqual([99_999_995, 100_000_000, 100_000_000]);
  });

  it.each<[string, PolicySet]>([
    ["zibo", zibo],
    ["changzhi", changzhi],
    ["dongying", dongying],
  ])("every proposal for %s passes as a case of its set, and names are unique", (_, set) => {
    const compiled = compile(set);
    const proposed = compiled.list.flatMap((p) => proposeCases(compiled, p.id));
    // changzhi's and dongying's programmes state no number to cross: fixed sums, reviews, 一事一议.
    if (set.zone === "zibo") expect(proposed.length).toBeGreaterThan(40);
    else expect(proposed).toEqual([]);
    const withThem = { ...set, cases: [...set.cases, ...proposed.map((x) => x.case)] };
    expect(runCases(compile(withThem)).filter((o) => !o.passed)).toEqual([]);
    const names = new Set(set.cases.map((c) => c.name));
    for (const x of proposed) {
      expect(names.has(x.case.name)).toBe(false);
      names.add(x.case.name);
    }
  });
});
