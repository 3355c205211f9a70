import { describe, expect, it } from "vitest";
import zibo from "../../../tenants/zibo/policy/index";
import { describeSetIssues } from "./describe-issue";
import { policySetSchema } from "./format/policy-set";

const RD = "科技型企业研发投入普惠制补贴";
// biome-ignore lint/suspicious/noExplicitAny: the tests break a set anywhere, as a hand edit of its JSON would
type Json = Record<string, any>;
function issuesOf(edit: (s: Json) => void): string[] {
  const raw = structuredClone(zibo) as unknown as Json;
  edit(raw);
  const r = policySetSchema.safeParse(raw);
  return r.success ? [] : describeSetIssues(raw, r.error.issues);
}
const rd = (s: Json) => s.programmes.find((p: { id: string }) => p.id === "zibo-rd-inclusive");

describe("format problems in Chinese", () => {
  it("names the programme by its title and the field by its Chinese name", () => {
    expect(
      issuesOf((s) => {
        rd(s).limits[0].fen = 1.5;
      }),
    ).toEqual([`「${RD}」的限额「单个企业年度最高补助金额不超过100万元」的限额金额:金额须精确到分`]);
  });

  it("translates the whole-set checks", () => {
    expect(
      issuesOf((s) => {
        rd(s).conditions[0].test.of[0].test.of[0].fact = "ghost";
        rd(s).windows = [{ from: "2026-05-01", to: "2026-04-01" }];
      }),
    ).toEqual([
      `「${RD}」的申报条件「年销售收入与研发投入比例达到规定档次」的第1档「年销售收入2亿元以上、研发投入占比3%以上」` +
        "的判断规则的第1项条件:用到了本项目没有声明的信息项 ghost",
      `「${RD}」的第1项申报期:申报期 2026-05-01至2026-04-01 的结束日期早于开始日期`,
    ]);
  });

  it("says a misspelt key and a missing programme's cases", () => {
    const out = issuesOf((s) => {
      rd(s).limits[0].capfen = 1;
      s.cases = s.cases.filter((c: { programme: string }) => c.programme !== "zibo-rd-inclusive");
    });
    expect(out).toEqual([
      `「${RD}」的限额「单个企业年度最高补助金额不超过100万元」:有不认识的字段 capfen(可能是拼写错误)`,
      `「${RD}」:没有测试用例;每个项目都须有用例,覆盖各门槛和上限的边界`,
    ]);
  });
});
