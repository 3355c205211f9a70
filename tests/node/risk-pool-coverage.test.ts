/**
 * The pool's arithmetic without a database: coverage tiers as ordered rules (first match wins, else
 * the default), the approval amount cut by each cap in turn, and what a recovery credits back.
 * Tiers as zones publish them: 珠海 50/70/90% by tier; 安徽 30% for the bank share +5 for 首贷 or 信用贷.
 */
import { describe, expect, it } from "vitest";
import {
  claimAmount,
  Coverage,
  coverageFor,
  recoveryCredit,
  ruleConditionText,
  shareOf,
} from "../../worker/features/risk-pool/coverage";

const ZHUHAI = Coverage.parse({
  rules: [
    { when: { firstLoan: true, credit: true }, percent: 90, label: "首贷信用贷" },
    { when: { credit: true }, percent: 70, label: "信用贷" },
    { when: { productTypes: ["ip_pledge", "pledge"] }, percent: 60, label: "质押贷" },
  ],
  defaultPercent: 50,
});

describe("coverage tiers", () => {
  it("takes the first rule whose every condition holds", () => {
    expect(coverageFor(ZHUHAI, { firstLoan: true, credit: true, productType: "credit" })).toEqual({
      percent: 90,
      label: "首贷信用贷",
    });
    expect(coverageFor(ZHUHAI, { firstLoan: false, credit: true, productType: "credit" }).percent).toBe(70);
    expect(coverageFor(ZHUHAI, { firstLoan: true, credit: false, productType: "ip_pledge" }).percent).toBe(60);
  });

  it("falls back to the default percent, labelled as the basic tier", () => {
    expect(coverageFor(ZHUHAI, { firstLoan: true, credit: false, productType: "mortgage" })).toEqual({
      percent: 50,
      label: "基本比例",
    });
  });

  it("refuses a percent over 100, a fraction and an unknown product type", () => {
    const bad = (rule: unknown) => Coverage.safeParse({ rules: [rule], defaultPercent: 30 }).success;
    expect(bad({ when: {}, percent: 101, label: "超额" })).toBe(false);
    expect(bad({ when: {}, percent: 33.5, label: "小数" })).toBe(false);
    expect(bad({ when: { productTypes: ["bitcoin"] }, percent: 30, label: "未知" })).toBe(false);
    expect(Coverage.safeParse({ rules: [], defaultPercent: 120 }).success).toBe(false);
    const issues = Coverage.safeParse({ rules: [], defaultPercent: 120 }).error!.issues;
    expect(issues[0]!.message).toBe("补偿比例不超过100%");
  });

  it("says a rule's conditions as a clerk reads them", () => {
    const t = (x: string) => ({ ip_pledge: "知识产权质押贷", pledge: "质押贷" })[x] ?? x;
    expect(ruleConditionText(ZHUHAI.rules[0]!, t)).toBe("首贷、信用贷");
    expect(ruleConditionText(ZHUHAI.rules[2]!, t)).toBe("产品类型为知识产权质押贷/质押贷");
    expect(ruleConditionText({ when: {}, percent: 30, label: "全部" }, t)).toBe("所有贷款");
  });
});

describe("the approval amount", () => {
  const limits = { perLoanCapFen: 300e6, bankRemainingFen: 1e9, balanceFen: 4e9 };

  it("is outstanding × coverage, rounded half up to the fen", () => {
    expect(shareOf(333, 50)).toBe(167);
    expect(claimAmount({ outstandingFen: 100e6, coveragePercent: 70, ...limits })).toEqual({
      amountFen: 70e6,
      cutBy: null,
    });
  });

  it("is cut to the per-loan cap (珠海: at most 300万 per loan)", () => {
    expect(claimAmount({ outstandingFen: 500e6, coveragePercent: 90, ...limits })).toEqual({
      amountFen: 300e6,
      cutBy: "loan",
    });
  });

  it("is cut to what the bank's cap still allows, then to the balance", () => {
    expect(claimAmount({ outstandingFen: 100e6, coveragePercent: 90, ...limits, bankRemainingFen: 20e6 })).toEqual({
      amountFen: 20e6,
      cutBy: "bank",
    });
    expect(claimAmount({ outstandingFen: 100e6, coveragePercent: 90, ...limits, balanceFen: 5e6 })).toEqual({
      amountFen: 5e6,
      cutBy: "balance",
    });
  });

  it("is zero, never negative, when a cap is used up or overdrawn", () => {
    expect(claimAmount({ outstandingFen: 1e6, coveragePercent: 50, ...limits, bankRemainingFen: -5 }).amountFen).toBe(
      0,
    );
    expect(claimAmount({ outstandingFen: 1e6, coveragePercent: 50, ...limits, balanceFen: 0 }).amountFen).toBe(0);
  });
});

describe("a recovery", () => {
  it("credits the claim's coverage share of what was recovered", () => {
    expect(recoveryCredit({ recoveredFen: 10e6, coveragePercent: 70, paidFen: 70e6, creditedFen: 0 })).toBe(7e6);
  });

  it("never credits more than the pool paid on the claim, counting earlier recoveries", () => {
    expect(recoveryCredit({ recoveredFen: 200e6, coveragePercent: 70, paidFen: 70e6, creditedFen: 0 })).toBe(70e6);
    expect(recoveryCredit({ recoveredFen: 200e6, coveragePercent: 70, paidFen: 70e6, creditedFen: 65e6 })).toBe(5e6);
    expect(recoveryCredit({ recoveredFen: 1e6, coveragePercent: 70, paidFen: 70e6, creditedFen: 70e6 })).toBe(0);
  });
});
