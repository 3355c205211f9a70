import { describe, expect, it } from "vitest";
import { fieldName, type CalcFact } from "../../../web/pages/policy/calculator-fields";
import { factsToForm, formToFacts, wasSubmitted } from "./calculator-form";

const fact = (over: Partial<CalcFact> & Pick<CalcFact, "name" | "type">): CalcFact => ({
  label: over.name,
  labelEn: over.name,
  help: null,
  unit: null,
  optional: false,
  min: null,
  max: null,
  options: null,
  ...over,
});

const FACTS: CalcFact[] = [
  fact({ name: "revenueFen", type: "money", label: "年销售收入" }),
  fact({ name: "patents", type: "count", unit: "件", max: 1000 }),
  fact({ name: "share", type: "percent", min: 0, max: 100 }),
  fact({ name: "hnte", type: "boolean" }),
  fact({
    name: "level",
    type: "choice",
    options: [
      { value: "national", label: "国家级" },
      { value: "provincial", label: "省级" },
    ],
  }),
  fact({ name: "projectCode", type: "text" }),
];

describe("field names", () => {
  it("drops Fen from money facts (the form takes 元) unless another fact has that name", () => {
    expect(fieldName(FACTS[0]!, FACTS)).toBe("revenue");
    expect(fieldName(FACTS[1]!, FACTS)).toBe("patents");
    const clash = [fact({ name: "revenueFen", type: "money" }), fact({ name: "revenue", type: "count" })];
    expect(fieldName(clash[0]!, clash)).toBe("revenueFen");
  });
});

describe("form → facts", () => {
  it("converts 元 to fen exactly and restates the amount in 万元", () => {
    const r = formToFacts(FACTS, {
      revenue: "300000000",
      patents: "12",
      share: "3.25",
      hnte: "yes",
      level: "provincial",
      projectCode: " ZB-2026-01 ",
    });
    expect(r).toEqual({
      ok: true,
      facts: {
        revenueFen: 30_000_000_000,
        patents: 12,
        share: 3.25,
        hnte: true,
        level: "provincial",
        projectCode: "ZB-2026-01",
      },
      values: {
        revenue: "300000000",
        patents: "12",
        share: "3.25",
        hnte: "yes",
        level: "provincial",
        projectCode: " ZB-2026-01 ",
      },
      echo: { revenue: "即 30,000万元" },
    });
  });

  it("takes cents, thousands separators, full-width digits, 万 and 亿", () => {
    const money = (text: string) => {
      const r = formToFacts(FACTS, { revenue: text });
      return r.ok ? r.facts.revenueFen : r.errors.revenue;
    };
    expect(money("12,345.67")).toBe(1_234_567);
    expect(money("１２３４５")).toBe(1_234_500);
    expect(money("30000万")).toBe(30_000_000_000);
    expect(money("30000万元")).toBe(30_000_000_000);
    expect(money("1.5亿")).toBe(15_000_000_000);
    expect(money("0.000001万")).toBe(1);
    expect(money("0.0000001万")).toMatch(/最小到分/);
    expect(money("-5")).toMatch(/不能为负数/);
    expect(money("-5万")).toMatch(/不能为负数/);
    expect(money("三亿")).toMatch(/以元为单位/);
    expect(money("1.234")).toMatch(/以元为单位/);
    expect(money("99999999999亿")).toMatch(/金额过大/);
  });

  it("leaves empty fields out, so the result can say what is missing", () => {
    expect(formToFacts(FACTS, { revenue: "", hnte: "", level: "  " })).toMatchObject({ ok: true, facts: {} });
    expect(formToFacts(FACTS, {})).toMatchObject({ ok: true, facts: {} });
    expect(formToFacts(FACTS, { hnte: "no" })).toMatchObject({ ok: true, facts: { hnte: false } });
  });

  it("reports every bad field at once, in words a person can act on, and keeps what was typed", () => {
    const r = formToFacts(FACTS, {
      revenue: "abc",
      patents: "1.5",
      share: "3.255",
      hnte: "maybe",
      level: "city",
      projectCode: "x".repeat(101),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      revenue: expect.stringMatching(/以元为单位/),
      patents: "请填写不小于 0 的整数(单位:件)。",
      share: expect.stringMatching(/最多两位小数/),
      hnte: "请选择“是”“否”或“未填”。",
      level: "请从列表中选择:国家级、省级。",
      projectCode: "最多 100 个字。",
    });
    expect(r.values.revenue).toBe("abc");
  });

  it("checks a fact's declared range with the unit it is written in", () => {
    const bounded = [fact({ name: "areaFen", type: "money", min: 100_000_000 })];
    expect(formToFacts(bounded, { area: "999999.99" })).toMatchObject({
      ok: false,
      errors: { area: "不能小于 100万元。" },
    });
    expect(formToFacts(FACTS, { patents: "1001" })).toMatchObject({
      ok: false,
      errors: { patents: "不能大于 1000件。" },
    });
    expect(formToFacts(FACTS, { share: "100.01" })).toMatchObject({ ok: false, errors: { share: "不能大于 100%。" } });
    expect(formToFacts(FACTS, { share: "3.5%" })).toMatchObject({ ok: true, facts: { share: 3.5 } });
  });
});

describe("facts → form", () => {
  it("writes money in 元 and booleans as yes/no, and round-trips through the form", () => {
    const facts = { revenueFen: 30_000_000_012, patents: 3, hnte: false, level: "national" };
    const values = factsToForm(FACTS, facts);
    expect(values).toEqual({ revenue: "300000000.12", patents: "3", hnte: "no", level: "national" });
    expect(formToFacts(FACTS, values)).toMatchObject({ ok: true, facts });
    expect(factsToForm(FACTS, { revenueFen: 100 })).toEqual({ revenue: "1" });
  });

  it("tells a submission (the marker or any field) from a plain visit", () => {
    expect(wasSubmitted(FACTS, { _calc: "1" })).toBe(true);
    expect(wasSubmitted(FACTS, {})).toBe(false);
    expect(wasSubmitted(FACTS, { revenue: "1" })).toBe(true);
  });
});

describe("date facts (贴息 periods)", () => {
  const dated = [fact({ name: "interestFrom", type: "date" })];

  it("takes a calendar day as the date input sends it, and refuses one that does not exist", () => {
    expect(formToFacts(dated, { interestFrom: "2024-07-01" })).toMatchObject({
      ok: true,
      facts: { interestFrom: "2024-07-01" },
    });
    expect(formToFacts(dated, { interestFrom: "2025-02-30" })).toMatchObject({
      ok: false,
      errors: { interestFrom: "请填写日期,如 2024-07-01。" },
    });
    expect(factsToForm(dated, { interestFrom: "2024-07-01" })).toEqual({ interestFrom: "2024-07-01" });
  });
});
