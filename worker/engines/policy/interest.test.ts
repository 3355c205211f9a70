/**
 * 贴息 (component `interest`) computed by hand: days inclusive, 360-day year, fen rounded half up
 * once per step. Every figure below is worked out in its comment so a reviewer can check it:
 * interest = principal (fen) × rate (hundredths of a percent) × days ÷ (360 × 10000).
 */
import { describe, expect, it } from "vitest";
import { lprSeries } from "../../lib/lpr";
import type { Facts } from "./facts";
import type { Component, Limit } from "./format/amounts";
import { evaluate } from "./evaluate";
import { runCases } from "./cases";
import { proposeProgrammeCases } from "./propose-cases";
import { compileOne, compileSet, fact, programmeInput, run, stepsTotal } from "./test-support";

const WAN = 1_000_000;
const FACTS = [
  fact("loanFen", "money"),
  fact("rate", "percent"),
  fact("fromDate", "date"),
  fact("toDate", "date"),
  fact("paidFen", "money"),
];
const PARTS = { principal: "loanFen", rate: "rate", from: "fromDate", to: "toDate", paid: "paidFen" };
type Interest = Extract<Component, { kind: "interest" }>;
const subsidy = (over: Partial<Interest> = {}): Interest => ({
  kind: "interest",
  label: "贷款贴息",
  ...PARTS,
  share: 50,
  ...over,
});
const paying = (c: Interest, limits: Limit[] = []) => compileOne({ facts: FACTS, amount: [c], limits });
/** 1,000万元 at 4.35% over `from`..`to`, having paid `paid`. */
const loan = (from: string, to: string, paid: number, over: Facts = {}): Facts => ({
  loanFen: 1000 * WAN,
  rate: 4.35,
  fromDate: from,
  toDate: to,
  paidFen: paid,
  ...over,
});

describe("a share of the interest paid", () => {
  it("pays the share of what was paid when it is within the contract interest", () => {
    // 2024-01-01..2024-12-31 = 366 days (leap year).
    // contract = 1,000,000,000 × 435 × 366 ÷ 3,600,000 = 44,225,000 fen (44.225万元);
    // paid 40万元 ≤ contract; 40,000,000 × 50% = 20,000,000.
    const e = run(paying(subsidy()), loan("2024-01-01", "2024-12-31", 40 * WAN));
    expect(e.eligible).toBe(true);
    expect(e.amountFen).toBe(20 * WAN);
    expect(stepsTotal(e)).toBe(20 * WAN);
    expect(e.steps).toHaveLength(1);
    expect(e.steps[0]).toMatchObject({ clause: "第十四条", valueFen: 20 * WAN });
    expect(e.steps[0]!.description).toContain("共366天");
    expect(e.steps[0]!.description).toContain("合同利息=贷款本金1,000万元×年利率4.35%×366÷360=44.23万元");
    expect(e.steps[0]!.description).toContain("未超过合同利息");
  });

  it("cuts interest paid above the contract interest to the contract interest", () => {
    // Same loan; paid 50万元 > contract 44,225,000 → base 44,225,000; × 50% = 22,112,500.
    const e = run(paying(subsidy()), loan("2024-01-01", "2024-12-31", 50 * WAN));
    expect(e.amountFen).toBe(22_112_500);
    expect(e.steps[0]!.description).toContain("超过合同利息44.23万元,按合同利息计");
  });

  it("applies the component's own cap (capFen) as a step that keeps the sum right", () => {
    // 20,000,000 as in the first case, above capFen 15万元 → 15,000,000; the step takes 5,000,000.
    const e = run(paying(subsidy({ capFen: 15 * WAN })), loan("2024-01-01", "2024-12-31", 40 * WAN));
    expect(e.amountFen).toBe(15 * WAN);
    expect(e.steps.at(-1)).toMatchObject({ valueFen: -5 * WAN });
    expect(stepsTotal(e)).toBe(15 * WAN);
  });

  it("gives a ceiling set at review when upTo is set", () => {
    const e = run(paying(subsidy({ upTo: true })), loan("2024-01-01", "2024-12-31", 40 * WAN));
    expect(e.amountFen).toBeNull();
    expect(e.range).toEqual({ minFen: 0, maxFen: 20 * WAN });
  });
});

describe("at most a share of the interest at the LPR", () => {
  const capped = subsidy({ lpr: { percent: 60, term: "1y" } });

  it("binds when the share of the interest paid is above 60% of the LPR interest", () => {
    // 2025-01-01..2025-03-31 = 31 + 28 + 31 = 90 days, all at the 1-year LPR 3.10% (from 2024-10-21).
    // contract = 1e9 × 435 × 90 ÷ 3.6e6 = 10,875,000; paid the same; × 50% = 5,437,500.
    // LPR interest = 1e9 × 310 × 90 ÷ 3.6e6 = 7,750,000; × 60% = 4,650,000 < 5,437,500 → 4,650,000.
    const e = run(paying(capped), loan("2025-01-01", "2025-03-31", 10_875_000));
    expect(e.amountFen).toBe(4_650_000);
    expect(e.steps.map((s) => s.valueFen)).toEqual([5_437_500, 0, -787_500]);
    expect(e.steps[1]!.description).toBe(
      "2024-10-21起 1年期LPR 3.10%(全国银行间同业拆借中心受权公布):" +
        "2025-01-01至2025-03-31,90天,按LPR计算利息1,000万元×3.10%×90÷360=7.75万元",
    );
  });

  it("does not bind when the share is below it", () => {
    // At 3.45%: contract = 1e9 × 345 × 90 ÷ 3.6e6 = 8,625,000; × 50% = 4,312,500 ≤ 4,650,000.
    const e = run(paying(capped), loan("2025-01-01", "2025-03-31", 8_625_000, { rate: 3.45 }));
    expect(e.amountFen).toBe(4_312_500);
    expect(e.steps.at(-1)).toMatchObject({ valueFen: 0 });
    expect(e.steps.at(-1)!.description).toContain("未超过该上限");
  });

  it("splits the period at each LPR change inside it", () => {
    // 2024-07-01..2024-12-31 (184 days): 1-year LPR 3.45% to 07-21, 3.35% from 07-22, 3.10% from 10-21.
    //   07-01..07-21 = 21 days: 1e9 × 345 × 21 ÷ 3.6e6 = 2,012,500
    //   07-22..10-20 = 10 + 31 + 30 + 20 = 91 days: 1e9 × 335 × 91 ÷ 3.6e6 = 8,468,055.56 → 8,468,056
    //   10-21..12-31 = 11 + 30 + 31 = 72 days: 1e9 × 310 × 72 ÷ 3.6e6 = 6,200,000
    // LPR interest 16,680,556; × 60% = 10,008,333.6 → 10,008,334.
    // contract = 1e9 × 435 × 184 ÷ 3.6e6 = 22,233,333.33 → 22,233,333; paid 22万元; × 50% = 11,000,000 → cap binds.
    const e = run(paying(capped), loan("2024-07-01", "2024-12-31", 22 * WAN));
    expect(e.amountFen).toBe(10_008_334);
    expect(stepsTotal(e)).toBe(10_008_334);
    const text = e.steps.map((s) => s.description);
    expect(text[1]).toContain("2023-08-21起 1年期LPR 3.45%");
    expect(text[1]).toContain("2024-07-01至2024-07-21,21天");
    expect(text[2]).toContain("2024-07-22起 1年期LPR 3.35%");
    expect(text[2]).toContain("2024-07-22至2024-10-20,91天");
    expect(text[3]).toContain(
      "2024-10-21起 1年期LPR 3.10%(全国银行间同业拆借中心受权公布):2024-10-21至2024-12-31,72天",
    );
    expect(text[4]).toContain("按LPR计算利息合计16.68万元,其60%为10.01万元;贴息11万元超过该上限,按10.01万元计");
    expect(e.steps.at(-1)!.valueFen).toBe(10_008_334 - 11_000_000);
  });

  it("reads the zone's recorded LPR: a later rate adds a change, one on the same day replaces the national", () => {
    // 2025-06-01..2025-06-30 = 30 days; contract = 1e9 × 435 × 30 ÷ 3.6e6 = 3,625,000; paid so; × 50% = 1,812,500.
    const facts = loan("2025-06-01", "2025-06-30", 3_625_000);
    const p = paying(capped);
    const source = "园区录入(测试)";
    // Added: 2.90% from 2025-06-20. 06-01..06-19 = 19 days at 3.00%: 1e9 × 300 × 19 ÷ 3.6e6 = 1,583,333.33 → 1,583,333;
    // 06-20..06-30 = 11 days at 2.90%: 1e9 × 290 × 11 ÷ 3.6e6 = 886,111.11 → 886,111; sum 2,469,444;
    // × 60% = 1,481,666.4 → 1,481,666.
    const added = evaluate(p, {
      facts,
      date: "2026-06-30",
      lpr: lprSeries([{ term: "1y", from: "2025-06-20", bp: 290, source }]),
    });
    expect(added.amountFen).toBe(1_481_666);
    expect(added.steps[2]!.description).toContain(`2025-06-20起 1年期LPR 2.90%(${source})`);
    // Replaced: 3.10% recorded for 2025-05-20 (nationally 3.00%): 1e9 × 310 × 30 ÷ 3.6e6 = 2,583,333.33 → 2,583,333;
    // × 60% = 1,549,999.8 → 1,550,000.
    const replaced = evaluate(p, {
      facts,
      date: "2026-06-30",
      lpr: lprSeries([{ term: "1y", from: "2025-05-20", bp: 310, source }]),
    });
    expect(replaced.amountFen).toBe(1_550_000);
    expect(replaced.steps[1]!.description).toContain(`2025-05-20起 1年期LPR 3.10%(${source})`);
    // Without the zone's rates (NATIONAL_LPR): 30 days at 3.00% = 2,500,000; × 60% = 1,500,000.
    expect(run(p, facts).amountFen).toBe(1_500_000);
  });

  it("says why there is no amount when no LPR was published on the first day", () => {
    // The national list starts 2019-08-20; a period from 2019-01-01 has no rate to cap with.
    const e = run(paying(capped), loan("2019-01-01", "2019-12-31", 10 * WAN));
    expect(e.eligible).toBe("unknown");
    expect(e.amountFen).toBeNull();
    expect(e.amountNote).toContain("计息起始日2019-01-01尚无已公布的1年期LPR(记录中最早的自2019-08-20起)");
    expect(e.conditions.find((c) => c.id === "amount-facts-1")?.result).toBe("unknown");
  });
});

describe("facts that give no amount", () => {
  it("a period ending before it starts is unknown, with the reason, and nothing is invented", () => {
    const e = run(paying(subsidy()), loan("2024-07-01", "2024-06-30", 10 * WAN));
    expect(e.eligible).toBe("unknown");
    expect(e.amountFen).toBeNull();
    expect(e.steps).toEqual([]);
    expect(e.amountNote).toBe("贷款贴息:toDate项2024-06-30早于fromDate项2024-07-01,计息期不成立,请核对后再计算");
  });

  it("asks for the facts it needs", () => {
    const e = run(paying(subsidy()), { loanFen: WAN, rate: 4 });
    expect(e.amountFen).toBeNull();
    expect(e.missing.map((m) => m.fact).sort()).toEqual(["fromDate", "paidFen", "toDate"]);
  });

  it("a one-day period counts one day", () => {
    // 1e9 × 360 (3.60%) × 1 ÷ 3.6e6 = 100,000 (1,000元); paid so; × 50% = 50,000.
    const e = run(paying(subsidy()), loan("2024-03-01", "2024-03-01", 100_000, { rate: 3.6 }));
    expect(e.amountFen).toBe(50_000);
  });
});

describe("the programme's limits: a yearly cap and at most two years", () => {
  const limits: Limit[] = [
    { kind: "perEnterprisePerYear", label: "每家企业每年贴息不超过50万元", fen: 50 * WAN },
    { kind: "maxYears", label: "同一企业最多支持2年", years: 2 },
  ];
  // 5,000万元 at 4.35% over 2025 (365 days): contract = 5e9 × 435 × 365 ÷ 3.6e6 = 220,520,833.33 → 220,520,833;
  // paid 200万元; × 50% = 1,000,000 yuan = 100,000,000 fen → the yearly cap of 50万元 applies.
  const facts = loan("2025-01-01", "2025-12-31", 200 * WAN, { loanFen: 5000 * WAN });
  const p = paying(subsidy(), limits);
  const award = (year: number, amountFen: number) => ({ programme: "test-prog", year, amountFen });

  it("caps the year at 50万元", () => {
    const e = run(p, facts);
    expect(e.amountFen).toBe(50 * WAN);
    expect(stepsTotal(e)).toBe(50 * WAN);
  });

  it("pays what is left of the year after an earlier award this year (the second year)", () => {
    // 2025 award (year 1), 2026 award of 20万元 (year 2, this one too): 50 − 20 = 30万元.
    const e = run(p, facts, { history: [award(2025, 50 * WAN), award(2026, 20 * WAN)] });
    expect(e.eligible).toBe(true);
    expect(e.amountFen).toBe(30 * WAN);
  });

  it("refuses a third year", () => {
    const e = run(p, facts, { history: [award(2024, 50 * WAN), award(2025, 50 * WAN)] });
    expect(e.eligible).toBe(false);
    expect(e.amountNote).toContain("连同本年度共3年,超过");
  });
});

describe("cases and proposals", () => {
  const p = programmeInput({ facts: FACTS, amount: [subsidy({ lpr: { percent: 60, term: "1y" } })] });
  const facts = loan("2025-01-01", "2025-03-31", 10_875_000);

  it("runs a case with date facts, and refuses one with a day that does not exist", () => {
    const expect_ = { eligible: true as const, amountFen: 4_650_000, explains: ["2024-10-21起 1年期LPR 3.10%"] };
    const set = compileSet([p], {
      cases: [
        { name: "贴息", programme: p.id, facts, expect: expect_ },
        { name: "坏日期", programme: p.id, facts: { ...facts, toDate: "2025-02-30" }, expect: expect_ },
      ],
    });
    const [good, bad] = runCases(set);
    expect(good!.problems).toEqual([]);
    expect(bad!.passed).toBe(false);
    expect(bad!.zh).toContain("应是日期");
  });

  it("proposes a first case and probes paid interest around the contract interest and the LPR cap", () => {
    const out = proposeProgrammeCases(compileSet([p]), p.id);
    expect(out.note).toBeUndefined();
    const first = out.cases[0]!;
    // The year before the cases' day (2026-06-30): all of 2025.
    expect(first.case.facts).toMatchObject({ fromDate: "2025-01-01", toDate: "2025-12-31" });
    expect(first.case.expect.eligible).toBe(true);
    const whys = out.cases.map((c) => c.why.split(":")[0]);
    expect(whys).toContain("paidFen项高于合同利息(超出部分不予贴息)");
    expect(whys).toContain("paidFen项恰为按LPR上限起作用的金额");
    const backwards = out.cases.find((c) => c.why.startsWith("toDate项早于计息起始日"))!;
    expect(backwards.result).toBe("尚无法判断");
    expect(backwards.case.facts.toDate).toBe("2024-12-31");
  });
});
