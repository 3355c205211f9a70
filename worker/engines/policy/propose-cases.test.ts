import { describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import zibo from "../../../tenants/zibo/policy/index";
import changzhi from "../../../tenants/changzhi/policy/index";
import dongying from "../../../tenants/dongying/policy/index";
import { runCases } from "./cases";
import { compilePolicySet } from "./compile";
import type { PolicySet } from "./format/policy-set";
import { MAX_PROPOSALS, proposeCases, proposeProgrammeCases } from "./propose-cases";

const compile = (set: PolicySet) => compilePolicySet(set, zones.get(set.zone)!);
const SETS: [string, PolicySet][] = [
  ["zibo", zibo],
  ["changzhi", changzhi],
  ["dongying", dongying],
];

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

  it("adds the annual cap reached by this year's awards, beside the boundaries, with keys in order", () => {
    // Without the set's own history cases, which the proposals would otherwise repeat (and skip).
    const cases = zibo.cases.filter((c) => c.programme !== "zibo-rd-inclusive" || !c.history.length);
    const out = proposeCases(compile({ ...zibo, cases }), "zibo-rd-inclusive");
    expect(out.map((o) => o.key)).toEqual(out.map((_, i) => `zibo-rd-inclusive:${i + 1}`));
    const full = out.find((o) => o.why.startsWith("本年度已获满100万元"))!;
    expect(full.case.history).toEqual([{ programme: "zibo-rd-inclusive", year: 2026, amountFen: 100_000_000 }]);
    expect(full.result).toBe("不符合条件");
    expect(full.why).toContain("2026年已获本项目100万元");
    const rest = out.find((o) => o.why.includes("尚余"))!;
    expect(rest.case.expect.amountFen).toBe(100_000_000 - rest.case.history[0]!.amountFen);
    expect(out.find((o) => o.why.startsWith("上一年度已获100万元"))!.result).toMatch(/^符合条件/);
  });

  it.each(SETS)("every proposal for %s passes as a case of its set, and names are unique", (_, set) => {
    const compiled = compile(set);
    const proposed = compiled.list.flatMap((p) => proposeCases(compiled, p.id));
    expect(proposed.length).toBeGreaterThan(set.zone === "zibo" ? 150 : 5);
    for (const p of compiled.list) expect(proposeCases(compiled, p.id).length).toBeLessThanOrEqual(MAX_PROPOSALS);
    const withThem = { ...set, cases: [...set.cases, ...proposed.map((x) => x.case)] };
    expect(runCases(compile(withThem)).filter((o) => !o.passed)).toEqual([]);
    const names = new Set(set.cases.map((c) => c.name));
    for (const x of proposed) {
      expect(names.has(x.case.name)).toBe(false);
      names.add(x.case.name);
    }
  });

  it("proposes nothing twice, nor a case the set already has", () => {
    const compiled = compile(zibo);
    for (const p of compiled.list) {
      const own = zibo.cases.filter((c) => c.programme === p.id);
      const key = (c: { facts: unknown; history: unknown; date?: string | undefined }) =>
        JSON.stringify([c.facts, c.history, c.date ?? "2026-06-30"]);
      const keys = proposeCases(compiled, p.id).map((x) => key(x.case));
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of own) expect(keys).not.toContain(key(c));
    }
  });

  it("gives nothing and no note for a programme the set does not have", () => {
    expect(proposeProgrammeCases(compile(zibo), "no-such-programme")).toEqual({ cases: [] });
  });
});
