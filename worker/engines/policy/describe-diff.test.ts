import { describe, expect, it } from "vitest";
import zibo from "../../../tenants/zibo/policy/index";
import changzhi from "../../../tenants/changzhi/policy/index";
import dongying from "../../../tenants/dongying/policy/index";
import { describePolicyDiff } from "./describe-diff";
import { diffPolicySets } from "./diff";
import type { PolicySet } from "./format/policy-set";

const RD = "科技型企业研发投入普惠制补贴";
const zh = (before: PolicySet, edit: (s: PolicySet) => void) => {
  const after = structuredClone(before);
  edit(after);
  const d = diffPolicySets(before, after);
  const out = describePolicyDiff(d, after, before);
  // The preview has no older set: rebuilt from the changes, it says the same.
  expect(describePolicyDiff(d, after)).toEqual(out);
  return out;
};
const rd = (s: PolicySet) => s.programmes.find((p) => p.id === "zibo-rd-inclusive")!;

describe("a policy diff in Chinese", () => {
  it("says a changed cap with both amounts", () => {
    expect(
      zh(zibo, (s) => {
        (rd(s).limits[0] as { fen: number }).fen = 120_000_000;
      }),
    ).toEqual([`「${RD}」的限额「单个企业年度最高补助金额不超过100万元」的限额金额由 100万元 改为 120万元`]);
  });

  it("names a level's amount by the option's Chinese name, not its code", () => {
    const institution = (s: PolicySet) => s.programmes.find((p) => p.id === "zibo-rd-institution")!;
    const out = zh(zibo, (s) => {
      (institution(s).amount[0] as { amounts: Record<string, number> }).amounts.provincial = 60_000_000;
    });
    expect(out).toEqual([
      "「企业研发机构创建扶持」的金额计算「创建研发机构」的各选项金额中「省级」由 50万元 改为 60万元",
    ]);
  });

  it("says a threshold with its word, a tier, a rate and a changed word", () => {
    const out = zh(zibo, (s) => {
      const any = rd(s).conditions[0]!.test as { of: { test: { of: Record<string, unknown>[] } }[] };
      any.of[0]!.test.of[0]!.value = 300_000_000_00;
      any.of[0]!.test.of[0]!.word = "超过";
      any.of[1]!.test.of[1]!.percent = 4.5;
    });
    const tier1 = `「${RD}」的申报条件「年销售收入与研发投入比例达到规定档次」的第1档「年销售收入2亿元以上、研发投入占比3%以上」`;
    expect(out).toEqual([
      `${tier1}的判断规则的第1项条件的门槛用语由 “以上”(含本数) 改为 “超过”(不含本数)`,
      `${tier1}的判断规则的第1项条件的门槛由 超过20,000万元 改为 超过30,000万元`,
      expect.stringContaining(
        "的第2档「年销售收入5000万元至2亿元、研发投入占比4%以上」的判断规则的第2项条件的比例门槛由 4% 改为 4.5%",
      ),
    ]);
  });

  it("says added and removed windows, materials and limits, budgets, and the set's own fields", () => {
    const out = zh(zibo, (s) => {
      s.label = "2027年版";
      rd(s).windows.push({ from: "2026-03-01", to: "2026-04-30" });
      rd(s).materials.pop();
      rd(s).annualBudgetFen = 500_000_000;
      rd(s).limits.push({ kind: "maxYears", label: "对一家企业最多支持三年", years: 3 });
    });
    expect(out).toEqual([
      "版本名称由 “2026年版” 改为 “2027年版”",
      `「${RD}」新增限额「对一家企业最多支持三年」`,
      `「${RD}」删除申报材料「研发费用加计扣除纳税申报表(本年度和上年度)」`,
      `「${RD}」新增第1项申报期:2026-03-01至2026-04-30`,
      `「${RD}」新增年度预算:500万元`,
    ]);
  });

  it.each<[string, PolicySet]>([
    ["zibo", zibo],
    ["changzhi", changzhi],
    ["dongying", dongying],
  ])("names every field of %s's programmes when each is removed", (_, set) => {
    const out = zh(set, (s) => {
      for (const p of s.programmes) {
        p.amount = [];
        p.limits = [];
        p.conditions = [];
        p.facts = [];
      }
    });
    expect(out.length).toBeGreaterThan(0);
    // A path the names do not know would be shown as it is (with dots and digits).
    for (const line of out) expect(line).not.toMatch(/[a-z]+\.\d|\.\w+\./);
  });
});
