/**
 * Threshold words carry their legal meaning: 以上/不低于/以下/以内/不超过 include
 * the number, 超过/高于/不满/低于 exclude it, 至 includes both ends; ratios are
 * compared exactly. Each is checked at the number and one unit either side.
 */
import { describe, expect, it } from "vitest";
import { evaluateTest, type TestContext } from "./conditions";
import type { Test, ThresholdWord } from "./format/conditions";
import type { Facts } from "./facts";
import { compileOne, fact } from "./test-support";

const p = compileOne({
  facts: [
    fact("patents", "count", { unit: "件" }),
    fact("revenueFen", "money"),
    fact("rdFen", "money"),
    fact("growth", "percent"),
  ],
});
const ctx = (facts: Facts): TestContext => ({
  facts,
  declared: p.declared,
  profile: undefined,
  cite: "第十四条",
  qualificationName: p.qualificationName,
  industryName: p.industryName,
});
const check = (t: Test, facts: Facts) => evaluateTest(t, ctx(facts));
const YI = 10_000_000_000;

// [word, under (9), at (10), over (11)]: the outcome one unit under, at and over 10件.
const TABLE: [ThresholdWord, boolean, boolean, boolean][] = [
  ["以上", false, true, true],
  ["不低于", false, true, true],
  ["以下", true, true, false],
  ["以内", true, true, false],
  ["不超过", true, true, false],
  ["超过", false, false, true],
  ["高于", false, false, true],
  ["不满", true, false, false],
  ["低于", true, false, false],
];

describe("compare: each threshold word at, under and over the number", () => {
  it.each(TABLE)("%s 10件: 9 → %s, 10 → %s, 11 → %s", (word, under, at, over) => {
    const t: Test = { test: "compare", fact: "patents", word, value: 10 };
    const outcome = (n: number) => check(t, { patents: n }).result;
    expect([outcome(9), outcome(10), outcome(11)]).toEqual([under, at, over].map((ok) => (ok ? "pass" : "fail")));
  });

  it.each(TABLE.filter(([, , at]) => at))("at the number, %s says it includes it", (word) => {
    expect(check({ test: "compare", fact: "patents", word, value: 10 }, { patents: 10 }).reason).toContain(
      `(“${word}”含本数)`,
    );
  });

  it.each(TABLE.filter(([, , at]) => !at))("at the number, %s says it excludes it", (word) => {
    expect(check({ test: "compare", fact: "patents", word, value: 10 }, { patents: 10 }).reason).toContain(
      `(“${word}”不含本数)`,
    );
  });

  it("says nothing about the boundary away from the number", () => {
    expect(check({ test: "compare", fact: "patents", word: "以上", value: 10 }, { patents: 11 }).reason).not.toContain(
      "本数",
    );
  });

  it("explains a bar reached in the clause's words, money in 万元", () => {
    const r = check({ test: "compare", fact: "revenueFen", word: "以上", value: 2 * YI }, { revenueFen: 2 * YI });
    expect(r).toEqual({
      result: "pass",
      reason: "revenueFen项为20,000万元,达到第十四条规定的“20,000万元以上”(“以上”含本数)",
      missing: [],
    });
  });

  it("explains a bar missed by one fen", () => {
    const r = check({ test: "compare", fact: "revenueFen", word: "以上", value: 2 * YI }, { revenueFen: 2 * YI - 1 });
    expect(r.result).toBe("fail");
    expect(r.reason).toBe("revenueFen项为19,999.999999万元,未达到第十四条规定的“20,000万元以上”");
  });

  it("explains a ceiling as 符合/不符合", () => {
    expect(check({ test: "compare", fact: "patents", word: "不超过", value: 10 }, { patents: 10 }).reason).toBe(
      "patents项为10件,符合第十四条规定的“不超过10件”(“不超过”含本数)",
    );
    expect(check({ test: "compare", fact: "patents", word: "低于", value: 10 }, { patents: 10 }).reason).toContain(
      "不符合第十四条规定的“低于10件”",
    );
  });

  it.each<[ThresholdWord, string]>([
    ["以上", "10件以上"],
    ["以下", "10件以下"],
    ["以内", "10件以内"],
    ["不低于", "不低于10件"],
    ["不超过", "不超过10件"],
    ["超过", "超过10件"],
    ["高于", "高于10件"],
    ["不满", "不满10件"],
    ["低于", "低于10件"],
  ])("quotes %s in Chinese word order: “%s”", (word, quoted) => {
    expect(check({ test: "compare", fact: "patents", word, value: 10 }, { patents: 3 }).reason).toContain(
      `“${quoted}”`,
    );
  });

  it("compares percentages with two decimals", () => {
    const t: Test = { test: "compare", fact: "growth", word: "高于", value: 20 };
    expect(check(t, { growth: 20 }).result).toBe("fail");
    expect(check(t, { growth: 20.01 }).result).toBe("pass");
  });

  it("is unknown without the fact, and says which to provide", () => {
    expect(check({ test: "compare", fact: "patents", word: "以上", value: 10 }, {})).toEqual({
      result: "unknown",
      reason: "需提供patents项",
      missing: ["patents"],
    });
  });
});

describe("between (至): both ends included", () => {
  const t: Test = { test: "between", fact: "revenueFen", from: 5000 * 1_000_000, to: 2 * YI };
  it.each([
    [5000 * 1_000_000 - 1, "fail"],
    [5000 * 1_000_000, "pass"],
    [YI, "pass"],
    [2 * YI, "pass"],
    [2 * YI + 1, "fail"],
  ])("revenue %s fen → %s", (v, want) => {
    expect(check(t, { revenueFen: v }).result).toBe(want);
  });

  it("says at either end that 至 includes it", () => {
    expect(check(t, { revenueFen: 5000 * 1_000_000 }).reason).toBe(
      "revenueFen项为5,000万元,在第十四条规定的“5,000万元至20,000万元”之间(“至”含两端的数)",
    );
    expect(check(t, { revenueFen: 2 * YI }).reason).toContain("(“至”含两端的数)");
    expect(check(t, { revenueFen: YI }).reason).not.toContain("含两端");
  });

  it("says 不在 outside the range, and is unknown without the fact", () => {
    expect(check(t, { revenueFen: 2 * YI + 1 }).reason).toContain("不在第十四条规定的");
    expect(check(t, {}).missing).toEqual(["revenueFen"]);
  });
});

describe("ratio: exact in BigInt", () => {
  const r3 = (word: ThresholdWord = "以上"): Test => ({
    test: "ratio",
    numerator: "rdFen",
    denominator: "revenueFen",
    word,
    percent: 3,
  });
  const TEN_TRILLION = 10 ** 13; // 10^13 fen

  it("passes at exactly 3% of 10^13 fen, saying 以上 includes it", () => {
    const r = check(r3(), { rdFen: 3 * 10 ** 11, revenueFen: TEN_TRILLION });
    expect(r).toEqual({
      result: "pass",
      reason: "rdFen项占revenueFen项3%,达到第十四条规定的“3%以上”(“以上”含本数)",
      missing: [],
    });
  });

  it("fails one fen under 3% of 10^13 fen, and does not show the ratio as 3%", () => {
    const r = check(r3(), { rdFen: 3 * 10 ** 11 - 1, revenueFen: TEN_TRILLION });
    expect(r.result).toBe("fail");
    expect(r.reason).toBe("rdFen项占revenueFen项2.9999%,未达到第十四条规定的“3%以上”");
  });

  it("fails one fen under 3% of 10^15 fen", () => {
    expect(check(r3(), { rdFen: 3e13 - 1, revenueFen: 1e15 }).result).toBe("fail");
    expect(check(r3(), { rdFen: 3e13, revenueFen: 1e15 }).result).toBe("pass");
  });

  it("passes exactly 0.07%, which a float division puts just under", () => {
    expect((7 / 10_000) * 100 < 0.07).toBe(true); // why the engine does not divide
    const t: Test = { test: "ratio", numerator: "rdFen", denominator: "revenueFen", word: "以上", percent: 0.07 };
    expect(check(t, { rdFen: 7, revenueFen: 10_000 }).result).toBe("pass");
  });

  it("treats 超过 at exactly the ratio as not reached, and one fen more as reached", () => {
    const at = check(r3("超过"), { rdFen: 600, revenueFen: 20_000 });
    expect(at.result).toBe("fail");
    expect(at.reason).toContain("(“超过”不含本数)");
    expect(check(r3("超过"), { rdFen: 601, revenueFen: 20_000 }).result).toBe("pass");
  });

  it("applies a ceiling ratio (不超过) from both sides", () => {
    expect(check(r3("不超过"), { rdFen: 600, revenueFen: 20_000 }).result).toBe("pass");
    expect(check(r3("不超过"), { rdFen: 601, revenueFen: 20_000 }).result).toBe("fail");
  });

  it("fails with a zero denominator, saying why", () => {
    expect(check(r3(), { rdFen: 100, revenueFen: 0 })).toEqual({
      result: "fail",
      reason: "revenueFen项为 0,无法计算rdFen项所占比例",
      missing: [],
    });
  });

  it("is unknown without either side, naming each missing one", () => {
    expect(check(r3(), { revenueFen: 100 })).toEqual({
      result: "unknown",
      reason: "需提供rdFen项",
      missing: ["rdFen"],
    });
    expect(check(r3(), {})).toEqual({
      result: "unknown",
      reason: "需提供rdFen项和revenueFen项",
      missing: ["rdFen", "revenueFen"],
    });
  });
});
