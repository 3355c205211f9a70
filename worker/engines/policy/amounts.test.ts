/**
 * Amount components, evaluated through the engine: each gives the figure the
 * clause states, cites its clause, and the steps add up to the amount; money
 * that depends on a missing fact is not guessed.
 */
import { describe, expect, it } from "vitest";
import type { Component } from "./format/amounts";
import { compileOne, fact, run, stepsTotal } from "./test-support";

const WAN = 1_000_000;
const FACTS = [
  fact("level", "choice"),
  fact("investFen", "money"),
  fact("curFen", "money"),
  fact("prevFen", "money"),
  fact("y1Fen", "money"),
  fact("y2Fen", "money"),
  fact("y3Fen", "money"),
  fact("patents", "count", { unit: "件" }),
  fact("hnte", "boolean"),
];
/** A programme paying these components; every fact is optional so only the amount's own facts matter. */
const paying = (...amount: Component[]) => compileOne({ facts: FACTS.map((f) => ({ ...f, optional: true })), amount });

describe("fixed", () => {
  it("pays the fixed sum, cited to the programme's clause", () => {
    const e = run(paying({ kind: "fixed", label: "认定奖励", fen: 20 * WAN }));
    expect(e).toMatchObject({
      eligible: true,
      amountFen: 20 * WAN,
      steps: [{ clause: "第十四条", description: "认定奖励:20万元", valueFen: 20 * WAN }],
    });
  });

  it("cites the component's own clause when it names one, and sums several components", () => {
    const e = run(
      paying({ kind: "fixed", label: "甲", fen: 10 * WAN }, { kind: "fixed", label: "乙", clause: "10", fen: 5 * WAN }),
    );
    expect(e.amountFen).toBe(15 * WAN);
    expect(e.steps.map((s) => s.clause)).toEqual(["第十四条", "第十条"]);
  });
});

describe("byChoice", () => {
  const p = paying({ kind: "byChoice", label: "按级别奖励", fact: "level", amounts: { a: 50 * WAN, b: 20 * WAN } });
  it("pays the amount of the chosen level, naming it", () => {
    expect(run(p, { level: "a" }).amountFen).toBe(50 * WAN);
    const e = run(p, { level: "b" });
    expect(e.amountFen).toBe(20 * WAN);
    expect(e.steps[0]!.description).toBe("按级别奖励(乙档):20万元");
  });

  it("pays nothing for a level the clause gives no amount, saying 该档无补助", () => {
    const e = run(p, { level: "c" });
    expect(e.amountFen).toBe(0);
    expect(e.steps[0]!.description).toBe("按级别奖励(丙档):该档无补助");
  });

  it("cannot compute without the level: unknown, and asks for it", () => {
    const e = run(p, {});
    expect(e).toMatchObject({
      eligible: "unknown",
      amountFen: null,
      missing: [{ fact: "level", label: "level项" }],
      amountNote: "需提供level项后才能计算金额",
    });
  });
});

describe("percent", () => {
  const capped = paying({
    kind: "percent",
    label: "按投入的10%补助",
    base: { fact: "investFen" },
    percent: 10,
    capFen: 100 * WAN,
  });
  it("pays the percentage under the cap", () => {
    const e = run(capped, { investFen: 999 * WAN });
    expect(e.amountFen).toBe(99.9 * WAN);
    expect(e.steps[0]!.description).toBe("按投入的10%补助:investFen项999万元的10%为99.9万元");
  });

  it("pays the cap itself when the percentage lands exactly on it, without saying it was cut", () => {
    const e = run(capped, { investFen: 1000 * WAN });
    expect(e.amountFen).toBe(100 * WAN);
    expect(e.steps[0]!.description).not.toContain("超过最高");
  });

  it("cuts the percentage to the cap one fen over it, saying so", () => {
    const e = run(capped, { investFen: 1000 * WAN + 10 });
    expect(e.amountFen).toBe(100 * WAN);
    expect(e.steps[0]!.description).toContain("为100.000001万元,超过最高100万元,按100万元计");
  });

  it("rounds half a fen up", () => {
    expect(run(capped, { investFen: 5 }).amountFen).toBe(1);
    expect(run(capped, { investFen: 4 }).amountFen).toBe(0);
  });

  const increase = paying({
    kind: "percent",
    label: "新增部分的5%",
    base: { increase: { current: "curFen", previous: "prevFen" } },
    percent: 5,
  });
  it("takes a percentage of the increase", () => {
    expect(run(increase, { curFen: 3000 * WAN, prevFen: 2000 * WAN }).amountFen).toBe(50 * WAN);
  });

  it.each([
    ["a decrease", 1500],
    ["no change", 2000],
  ])("pays nothing on %s, saying there was no increase", (_, cur) => {
    const e = run(increase, { curFen: cur * WAN, prevFen: 2000 * WAN });
    expect(e.amountFen).toBe(0);
    expect(e.steps[0]!.description).toContain("没有增加(新增部分为0)");
  });

  it("cannot compute the increase without last year's figure", () => {
    expect(run(increase, { curFen: 100 })).toMatchObject({
      amountFen: null,
      eligible: "unknown",
      missing: [{ fact: "prevFen" }],
    });
  });

  const average = paying({
    kind: "percent",
    label: "近三年平均的50%",
    base: { average: ["y1Fen", "y2Fen", "y3Fen"] },
    percent: 50,
  });
  it("takes a percentage of an average exactly, rounding half up once at the end", () => {
    // (100 + 200 + 301) / 3 × 50% = 100.1666… fen → 100; (1 + 1 + 1) / 3 × 50% = 0.5 → 1.
    expect(run(average, { y1Fen: 100, y2Fen: 200, y3Fen: 301 }).amountFen).toBe(100);
    expect(run(average, { y1Fen: 1, y2Fen: 1, y3Fen: 1 }).amountFen).toBe(1);
    expect(run(average, { y1Fen: 300 * WAN, y2Fen: 200 * WAN, y3Fen: 100 * WAN }).steps[0]!.description).toBe(
      "近三年平均的50%:y1Fen项300万元、y2Fen项200万元、y3Fen项100万元的平均数200万元的50%为100万元",
    );
    // An average that is not a whole fen is shown rounded and marked 约; the percentage is still of the exact average.
    expect(run(average, { y1Fen: 1, y2Fen: 1, y3Fen: 3 }).steps[0]!.description).toBe(
      "近三年平均的50%:y1Fen项0.01元、y2Fen项0.01元、y3Fen项0.03元的平均数约0.02元的50%为0.01元",
    );
  });

  const sum = paying({ kind: "percent", label: "两项合计的5%", base: { sum: ["y1Fen", "y2Fen"] }, percent: 5 });
  it("takes a percentage of a sum, rounding once: 5% of 5 fen + 5 fen is 1 fen, not 0 + 0", () => {
    const e = run(sum, { y1Fen: 5, y2Fen: 5 });
    expect(e.amountFen).toBe(1);
    expect(run(sum, { y1Fen: 300 * WAN, y2Fen: 200 * WAN }).steps[0]!.description).toBe(
      "两项合计的5%:y1Fen项300万元、y2Fen项200万元合计500万元的5%为25万元",
    );
  });

  it("adds a sum exactly even past 2^53 fen", () => {
    const names = Array.from({ length: 11 }, (_, i) => `p${i}Fen`);
    const q = compileOne({
      facts: names.map((n) => fact(n, "money")),
      amount: [{ kind: "percent", label: "合计的50%", base: { sum: names }, percent: 50 }],
    });
    // 11 × (10^15 − 1) = 10999999999999989 fen, beyond 2^53 (a float sum gives …988); 50% is …994.5 → …995.
    expect(run(q, Object.fromEntries(names.map((n) => [n, 1e15 - 1]))).amountFen).toBe(5_499_999_999_999_995);
  });

  it("cannot sum with a part missing", () => {
    expect(run(sum, { y1Fen: 5 })).toMatchObject({ amountFen: null, missing: [{ fact: "y2Fen" }] });
  });

  const byLevel = paying({
    kind: "percent",
    label: "按级别比例",
    base: { fact: "investFen" },
    percent: { fact: "level", byChoice: { a: 5, b: 3 } },
  });
  it("takes the ratio of the chosen level", () => {
    expect(run(byLevel, { investFen: 100 * WAN, level: "a" }).amountFen).toBe(5 * WAN);
    expect(run(byLevel, { investFen: 100 * WAN, level: "b" }).amountFen).toBe(3 * WAN);
    expect(run(byLevel, { investFen: 100 * WAN, level: "c" }).amountFen).toBe(0);
  });

  it("cannot choose the ratio without the level", () => {
    expect(run(byLevel, { investFen: 100 * WAN })).toMatchObject({ amountFen: null, missing: [{ fact: "level" }] });
  });
});

describe("perUnit", () => {
  it("caps the money with capFen and says so in money, at, under and over the cap", () => {
    const area = paying({
      kind: "perUnit",
      label: "每件100元,上限1000元",
      fact: "patents",
      fen: 10000,
      capFen: 100000,
    });
    expect(run(area, { patents: 9 }).amountFen).toBe(90000);
    expect(run(area, { patents: 10 }).amountFen).toBe(100000);
    const over = run(area, { patents: 11 });
    expect(over.amountFen).toBe(100000);
    expect(over.steps[0]!.description).toBe("每件100元,上限1000元:11件×100元=1,100元,超过上限1,000元,按1,000元计");
  });

  const p = paying({
    kind: "perUnit",
    label: "发明专利奖励",
    fact: "patents",
    fen: WAN,
    maxUnits: 20,
    extra: { over: 10, fen: 0.5 * WAN },
  });
  it("pays per unit with no extra at exactly the 超过 number (10件)", () => {
    const e = run(p, { patents: 10 });
    expect(e.amountFen).toBe(10 * WAN);
    expect(e.steps.map((s) => s.description)).toEqual([
      "发明专利奖励:10件×1万元=10万元",
      "发明专利奖励追加:未超过10件(“超过”不含本数),无追加",
    ]);
  });

  it("pays the extra for each unit past it (11件: one extra)", () => {
    const e = run(p, { patents: 11 });
    expect(e.amountFen).toBe(11.5 * WAN);
    expect(e.steps[1]).toMatchObject({
      description: "发明专利奖励追加:超过10件的1件每件再加5,000元",
      valueFen: 0.5 * WAN,
    });
  });

  it("counts no more than maxUnits, for the base and the extra alike", () => {
    const e = run(p, { patents: 25 });
    expect(e.amountFen).toBe(20 * WAN + 10 * 0.5 * WAN);
    expect(e.steps[0]!.description).toBe("发明专利奖励:25件(最多计20件)×1万元=20万元");
  });

  it("pays nothing for no units", () => {
    expect(run(p, { patents: 0 }).amountFen).toBe(0);
  });

  it("asks for the count when it is missing", () => {
    expect(run(p, {})).toMatchObject({ amountFen: null, missing: [{ fact: "patents" }] });
  });
});

describe("when", () => {
  const p = paying({
    kind: "when",
    fact: "hnte",
    equals: true,
    then: [{ kind: "fixed", label: "高企", fen: 30 * WAN }],
    otherwise: [{ kind: "fixed", label: "其他", fen: 10 * WAN }],
  });
  it("takes the branch the fact selects", () => {
    expect(run(p, { hnte: true }).amountFen).toBe(30 * WAN);
    expect(run(p, { hnte: false }).amountFen).toBe(10 * WAN);
  });

  it("branches on a choice value", () => {
    const q = paying({
      kind: "when",
      fact: "level",
      equals: "a",
      then: [{ kind: "fixed", label: "甲", fen: 3 }],
      otherwise: [],
    });
    expect(run(q, { level: "a" }).amountFen).toBe(3);
    expect(run(q, { level: "b" }).amountFen).toBe(0);
  });

  it("does not guess a branch without the fact", () => {
    expect(run(p, {})).toMatchObject({ amountFen: null, eligible: "unknown", missing: [{ fact: "hnte" }] });
  });
});

describe("review and upTo: a range set at review", () => {
  it("gives the review range, not an amount", () => {
    const e = run(paying({ kind: "review", label: "平台建设补助", clause: "10", minFen: 30 * WAN, maxFen: 100 * WAN }));
    expect(e).toMatchObject({
      eligible: true,
      amountFen: null,
      range: { minFen: 30 * WAN, maxFen: 100 * WAN },
      amountNote: "金额经评审确定,在30万元至100万元之间",
    });
    expect(e.steps[0]).toMatchObject({ clause: "第十条", description: "平台建设补助:30万元至100万元,经评审确定" });
  });

  it("adds exact components to both ends of the range", () => {
    const e = run(
      paying(
        { kind: "fixed", label: "甲", fen: 10 * WAN },
        { kind: "review", label: "乙", minFen: 30 * WAN, maxFen: 100 * WAN },
      ),
    );
    expect(e.range).toEqual({ minFen: 40 * WAN, maxFen: 110 * WAN });
  });

  it("states a single figure when the range has one value", () => {
    expect(run(paying({ kind: "review", label: "乙", minFen: 50 * WAN, maxFen: 50 * WAN })).amountNote).toBe(
      "金额经评审确定,为50万元",
    );
  });

  it("reads 最高 (upTo) as a range from nothing up to the figure", () => {
    const e = run(paying({ kind: "fixed", label: "最高奖励", fen: 50 * WAN, upTo: true }));
    expect(e).toMatchObject({
      amountFen: null,
      range: { minFen: 0, maxFen: 50 * WAN },
      amountNote: "金额经评审确定,最高50万元",
    });
    expect(e.steps[0]!.description).toBe("最高奖励:50万元;为最高额,具体金额评审确定");
  });

  it("takes an upTo percentage's cap as the range's top", () => {
    const e = run(
      paying({
        kind: "percent",
        label: "最高按10%",
        base: { fact: "investFen" },
        percent: 10,
        capFen: 100 * WAN,
        upTo: true,
      }),
      { investFen: 5000 * WAN },
    );
    expect(e.range).toEqual({ minFen: 0, maxFen: 100 * WAN });
  });
});

describe("caseByCase and inKind", () => {
  it("gives no figure for 一事一议, quoting the clause that says so", () => {
    const e = run(paying({ kind: "caseByCase", label: "重大项目", clause: "25" }));
    expect(e).toMatchObject({ eligible: true, amountFen: null, amountNote: "重大项目:一事一议,金额经评审确定" });
    expect(e.steps[0]).toMatchObject({ clause: "第二十五条", valueFen: 0 });
  });

  it("never says 一事一议 for a clause that only leaves the amount unstated", () => {
    const e = run(paying({ kind: "caseByCase", label: "平台补助" }));
    expect(e).toMatchObject({
      eligible: true,
      amountFen: null,
      amountNote: "平台补助:政策未规定具体金额,金额经评审确定",
    });
  });

  it("gives no figure for support in kind only, and records it", () => {
    const e = run(paying({ kind: "inKind", label: "免租办公场地" }));
    expect(e).toMatchObject({
      eligible: true,
      amountFen: null,
      inKind: ["免租办公场地"],
      amountNote: "非资金支持:免租办公场地",
    });
  });

  it("pays the money beside support in kind and never sums the support", () => {
    const e = run(paying({ kind: "fixed", label: "补助", fen: 10 * WAN }, { kind: "inKind", label: "免租办公场地" }));
    expect(e).toMatchObject({
      amountFen: 10 * WAN,
      inKind: ["免租办公场地"],
      amountNote: "另有非资金支持:免租办公场地(不计入金额)",
    });
    expect(stepsTotal(e)).toBe(10 * WAN);
  });
});

describe("steps", () => {
  it("add up to an exact amount made of several kinds of component", () => {
    const e = run(
      paying(
        { kind: "fixed", label: "甲", fen: 7 },
        { kind: "perUnit", label: "乙", fact: "patents", fen: 3, extra: { over: 1, fen: 2 } },
        { kind: "percent", label: "丙", base: { fact: "investFen" }, percent: 33.33 },
        { kind: "inKind", label: "丁" },
      ),
      { patents: 4, investFen: 1001 },
    );
    // 7 + 4×3 + 3×2 + round(1001 × 33.33%) = 7 + 12 + 6 + 334 = 359
    expect(e.amountFen).toBe(359);
    expect(stepsTotal(e)).toBe(359);
  });
});
