import { describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import changzhi from "../../../tenants/changzhi/policy/index";
import dongying from "../../../tenants/dongying/policy/index";
import zibo from "../../../tenants/zibo/policy/index";
import { runCases } from "./cases";
import { compilePolicySet } from "./compile";
import type { PolicySet } from "./format/policy-set";
import { proposeProgrammeCases } from "./propose-cases";
import { openDate, proposeFirstCase } from "./propose-first-case";
import { compileOne, fact, NAMES, programmeInput, compileSet } from "./test-support";

const SETS: [string, PolicySet][] = [
  ["zibo", zibo],
  ["changzhi", changzhi],
  ["dongying", dongying],
];

describe("a first case for a programme that has none", () => {
  it.each(SETS)("every programme of %s, its cases removed, gets an eligible first case that passes", (_, set) => {
    for (const p of set.programmes) {
      const bare = { ...set, cases: set.cases.filter((c) => c.programme !== p.id) };
      const compiled = compilePolicySet(bare, zones.get(set.zone)!);
      const out = proposeProgrammeCases(compiled, p.id);
      expect(out.note, p.id).toBeUndefined();
      const first = out.cases[0]!;
      expect(first.case.name, p.id).toBe(`${p.title.zh}·符合条件的起始用例`);
      expect(first.case.expect.eligible, p.id).toBe(true);
      expect(first.why.startsWith("符合条件的起始用例:"), p.id).toBe(true);
      // The evaluator agrees with every proposal once they are the programme's cases.
      const withThem = { ...bare, cases: [...bare.cases, ...out.cases.map((x) => x.case)] };
      const outcomes = runCases(compilePolicySet(withThem, zones.get(set.zone)!));
      expect(
        outcomes.filter((o) => o.programme === p.id && !o.passed),
        p.id,
      ).toEqual([]);
    }
  });

  it("meets a revenue tier, its R&D ratio and gives an increase to take a percentage of", () => {
    const bare = { ...zibo, cases: zibo.cases.filter((c) => c.programme !== "zibo-rd-inclusive") };
    const p = compilePolicySet(bare, zones.get("zibo")!).programmes.get("zibo-rd-inclusive")!;
    const out = proposeFirstCase(p);
    if (!out.ok) throw new Error(out.note);
    const f = out.first.facts as Record<string, number>;
    expect(f.revenueFen).toBeGreaterThan(20_000_000_000);
    expect(f.rdExpenseFen! * 100).toBeGreaterThan(f.revenueFen! * 3);
    expect(f.rdDeductionFen).toBeGreaterThan(f.prevRdDeductionFen!);
    expect(out.first.result.amountFen).toBeGreaterThan(0);
  });

  it("stays inside a between, under an upper bound and on the side a negated threshold asks", () => {
    const p = compileOne({
      facts: [fact("areaCount", "count"), fact("shareRate", "percent"), fact("costFen", "money")],
      conditions: [
        { id: "area", label: "面积", test: { test: "between", fact: "areaCount", from: 100, to: 500 } },
        { id: "share", label: "比例", test: { test: "compare", fact: "shareRate", word: "不超过", value: 30 } },
        {
          id: "cost",
          label: "费用",
          test: { test: "compare", fact: "costFen", word: "以上", value: 5_000_000_000, negate: true },
        },
      ],
    });
    const out = proposeFirstCase(p);
    if (!out.ok) throw new Error(out.note);
    const f = out.first.facts as Record<string, number>;
    expect(f.areaCount).toBeGreaterThanOrEqual(100);
    expect(f.areaCount).toBeLessThanOrEqual(500);
    expect(f.shareRate).toBeLessThanOrEqual(30);
    expect(f.costFen).toBeLessThan(5_000_000_000);
    expect(out.first.result.eligible).toBe(true);
  });

  it("holds the qualification and industry the applicants need, in a profile", () => {
    const p = compileOne({
      applicants: {
        zh: "高新技术企业",
        kinds: ["enterprise"],
        qualifications: ["hnte"],
        industries: ["new-materials"],
      },
      conditions: [{ id: "sme", label: "科技型中小企业", test: { test: "qualification", code: "tech-sme" } }],
    });
    const out = proposeFirstCase(p);
    if (!out.ok) throw new Error(out.note);
    expect(out.first.profile?.qualifications.sort()).toEqual(["hnte", "tech-sme"]);
    expect(out.first.profile?.industry).toBe("new-materials");
  });

  it("picks the option and the answer the conditions ask for, and the first option that pays", () => {
    const p = compileOne({
      facts: [fact("grade", "choice"), fact("newlyNamed", "boolean"), fact("kind", "choice")],
      conditions: [
        { id: "new", label: "新认定", test: { test: "equals", fact: "newlyNamed", value: false } },
        { id: "kind", label: "类别", test: { test: "oneOf", fact: "kind", values: ["c"] } },
      ],
      amount: [{ kind: "byChoice", label: "按档", fact: "grade", amounts: { b: 300_000 } }],
    });
    const out = proposeFirstCase(p);
    if (!out.ok) throw new Error(out.note);
    expect(out.first.facts).toEqual({ grade: "b", newlyNamed: false, kind: "c" });
    expect(out.first.result.amountFen).toBe(300_000);
  });

  it("dates the case inside the programme's window when the default day is outside it", () => {
    const p = compileOne({ windows: [{ from: "2026-09-01", to: "2026-09-30" }] });
    expect(openDate(p)).toBe("2026-09-01");
    const out = proposeFirstCase(p);
    if (!out.ok) throw new Error(out.note);
    expect(out.first.date).toBe("2026-09-01");
    expect(proposeFirstCase(compileOne())).toMatchObject({ ok: true, first: { facts: {} } });
    expect("date" in (proposeFirstCase(compileOne()) as { first: object }).first).toBe(false);
  });

  it("proposes nothing and says why in Chinese when no case can be eligible", () => {
    const p = {
      ...programmeInput({
        facts: [fact("staffCount", "count")],
        conditions: [
          { id: "lo", label: "不少于", test: { test: "compare", fact: "staffCount", word: "以上", value: 50 } },
          { id: "hi", label: "不多于", test: { test: "compare", fact: "staffCount", word: "以下", value: 10 } },
        ],
      }),
    };
    const compiled = compileSet([p]);
    const bare = compilePolicySet({ ...compiled.set, cases: [] }, NAMES);
    const out = proposeProgrammeCases(bare, p.id);
    expect(out.cases).toEqual([]);
    expect(out.note?.startsWith("未能自动生成符合条件的起始用例(staffCount项的各项条件无法同时满足)")).toBe(true);
    expect(out.note).toContain("请在 JSON 中先手工添加一个符合条件的测试用例");
  });

  it("says when the windows lie outside the document's period", () => {
    const p = compileOne({ windows: [{ from: "2001-01-01", to: "2001-12-31" }] });
    expect(proposeFirstCase(p)).toEqual({
      ok: false,
      note: "项目的申报期不在政策文件的有效期内,找不到可以申报的日期,未能生成起始用例。",
    });
  });
});
