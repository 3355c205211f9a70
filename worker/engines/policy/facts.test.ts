/**
 * parseFacts: what a caller sends is checked against the programme's declared
 * facts; every problem is named by the fact so a person can fix it, and a
 * missing (or null) fact is not an error but an absent one.
 */
import { describe, expect, it } from "vitest";
import { parseFacts, showFact } from "./facts";
import { compileOne, fact } from "./test-support";

const p = compileOne({
  facts: [
    fact("revenueFen", "money", { min: 100, max: 1_000_000 }),
    fact("patents", "count", { unit: "件", max: 50 }),
    fact("growth", "percent", { min: -100 }),
    fact("hnte", "boolean"),
    fact("level", "choice"),
    fact("projectCode", "text"),
    fact("plainFen", "money"),
  ],
});

const errorsOf = (raw: unknown): Record<string, string> => {
  const r = parseFacts(p, raw);
  if (r.ok) throw new Error(`expected errors, got facts ${JSON.stringify(r.facts)}`);
  return r.errors;
};

describe("parseFacts: accepted values", () => {
  it("keeps well-typed facts of every type as given", () => {
    const raw = {
      revenueFen: 500,
      patents: 3,
      growth: -12.5,
      hnte: true,
      level: "b",
      projectCode: "ZB-2026-01",
      plainFen: 0,
    };
    expect(parseFacts(p, raw)).toEqual({ ok: true, facts: raw });
  });

  it("treats no facts at all (undefined or null) as an empty set", () => {
    expect(parseFacts(p, undefined)).toEqual({ ok: true, facts: {} });
    expect(parseFacts(p, null)).toEqual({ ok: true, facts: {} });
  });

  it("treats a null fact as absent, not as an error", () => {
    expect(parseFacts(p, { revenueFen: null, patents: 2 })).toEqual({ ok: true, facts: { patents: 2 } });
  });

  it("accepts the declared min and max themselves", () => {
    expect(parseFacts(p, { revenueFen: 100 }).ok).toBe(true);
    expect(parseFacts(p, { revenueFen: 1_000_000 }).ok).toBe(true);
    expect(parseFacts(p, { patents: 50 }).ok).toBe(true);
  });

  it("accepts a percentage with two decimals", () => {
    expect(parseFacts(p, { growth: 3.25 }).ok).toBe(true);
  });
});

describe("parseFacts: rejected values name the fact", () => {
  it("rejects an unknown fact by name and lists the ones the programme takes", () => {
    const e = errorsOf({ revenue: 5 });
    expect(Object.keys(e)).toEqual(["revenue"]);
    expect(e.revenue).toContain("没有名为 revenue 的事实");
    expect(e.revenue).toContain("revenueFen, patents, growth, hnte, level, projectCode, plainFen");
  });

  it("rejects an unknown fact even when its value is null", () => {
    expect(Object.keys(errorsOf({ typo: null }))).toEqual(["typo"]);
  });

  it("says 无 when the programme takes no facts", () => {
    expect(parseFacts(compileOne(), { x: 1 })).toEqual({
      ok: false,
      errors: { x: expect.stringContaining("可填写:无") },
    });
  });

  it.each([
    ["a fraction of a fen", 100.5],
    ["a string", "100"],
    ["a boolean", true],
    ["NaN", Number.NaN],
  ])("rejects money given as %s", (_, value) => {
    expect(errorsOf({ plainFen: value }).plainFen).toBe(
      "plainFen项(plainFen):应是以分为单位的整数金额,如 100 万元写作 100000000。",
    );
  });

  it("rejects negative money and money above 10^15 fen", () => {
    expect(errorsOf({ plainFen: -1 }).plainFen).toContain("金额不能为负数");
    expect(errorsOf({ plainFen: 1e15 + 1 }).plainFen).toContain("金额过大");
  });

  it("rejects money outside the declared range, showing the bound as money", () => {
    expect(errorsOf({ revenueFen: 99 }).revenueFen).toBe("revenueFen项(revenueFen):不能小于 1元。");
    expect(errorsOf({ revenueFen: 1_000_001 }).revenueFen).toBe("revenueFen项(revenueFen):不能大于 1万元。");
  });

  it.each([
    ["negative", -1],
    ["fractional", 2.5],
    ["a string", "3"],
  ])("rejects a %s count, naming its unit", (_, value) => {
    expect(errorsOf({ patents: value }).patents).toBe("patents项(patents):应是不小于 0 的整数(件)。");
  });

  it("rejects a count above its max, and absurdly large counts", () => {
    expect(errorsOf({ patents: 51 }).patents).toContain("不能大于 50件");
    expect(errorsOf({ patents: 1e9 + 1 }).patents).toContain("数量过大");
  });

  it.each([
    ["three decimals", 3.125],
    ["a string", "3"],
    ["infinity", Number.POSITIVE_INFINITY],
  ])("rejects a percentage with %s", (_, value) => {
    expect(errorsOf({ growth: value }).growth).toContain("应是最多两位小数的百分数");
  });

  it("shows the bound of a percentage counted in 个百分点 in that unit", () => {
    const q = compileOne({ facts: [fact("margin", "percent", { unit: "个百分点", min: 0 })] });
    expect(parseFacts(q, { margin: -0.5 })).toEqual({
      ok: false,
      errors: { margin: "margin项(margin):不能小于 0个百分点。" },
    });
  });

  it("rejects a percentage below its min and beyond ±1000%", () => {
    expect(errorsOf({ growth: -100.01 }).growth).toContain("不能小于 -100%");
    expect(errorsOf({ growth: 1000.01 }).growth).toContain("百分数超出范围");
  });

  it.each([["true"], [1], [0]])("rejects %j as a boolean", (value) => {
    expect(errorsOf({ hnte: value }).hnte).toBe("hnte项(hnte):应是 true 或 false。");
  });

  it("rejects a choice that is not one of the options, listing them", () => {
    expect(errorsOf({ level: "d" }).level).toBe("level项(level):应是以下之一:a(甲档)、b(乙档)、c(丙档)。");
    expect(errorsOf({ level: 1 }).level).toContain("应是以下之一");
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["too long", "x".repeat(101)],
    ["a number", 12],
  ])("rejects %s text", (_, value) => {
    expect(errorsOf({ projectCode: value }).projectCode).toContain("应是 1—100 个字符的文字");
  });

  it("reports every bad fact at once and keeps none of them", () => {
    expect(Object.keys(errorsOf({ plainFen: -1, patents: 0.5, hnte: "no", revenueFen: 500 })).sort()).toEqual([
      "hnte",
      "patents",
      "plainFen",
    ]);
  });

  it.each([
    ["a string", "revenueFen=1"],
    ["an array", [1, 2]],
    ["a number", 7],
  ])("rejects facts given as %s rather than an object", (_, raw) => {
    expect(errorsOf(raw)).toEqual({ facts: expect.stringContaining("facts 应是一个对象") });
  });
});

describe("showFact", () => {
  const declared = (name: string) => p.declared.get(name);
  it("shows each type as a sentence would", () => {
    expect(showFact(declared("plainFen"), 20_000_000)).toBe("20万元");
    expect(showFact(declared("patents"), 3)).toBe("3件");
    expect(showFact(declared("growth"), 3.5)).toBe("3.5%");
    expect(
      showFact(compileOne({ facts: [fact("margin", "percent", { unit: "个百分点" })] }).declared.get("margin"), 10.5),
    ).toBe("10.5个百分点");
    expect(showFact(declared("hnte"), true)).toBe("是");
    expect(showFact(declared("hnte"), false)).toBe("否");
    expect(showFact(declared("level"), "b")).toBe("乙档");
    expect(showFact(declared("projectCode"), "ZB-1")).toBe("ZB-1");
    expect(showFact(undefined, 42)).toBe("42");
  });
});
