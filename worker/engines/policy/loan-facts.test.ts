/**
 * A disbursed loan fills the facts a 贴息 programme reads from it, each into its type; a value a
 * fact cannot take is left for the applicant rather than guessed.
 */
import { describe, expect, it } from "vitest";
import { interestPaidFact, isLoanFed, type LoanRecord, prefillFromLoan } from "./loan-facts";
import { programmeInput, fact } from "./test-support";
import { programmeSchema } from "./format/programme";

const LOAN: LoanRecord = {
  amountFen: 500_000_000,
  rateBp: 345,
  disbursedOn: "2025-03-18",
  termMonths: 12,
  productType: "ip_pledge",
};
const loanFact = (name: string, type: Parameters<typeof fact>[1], field: string, extra = {}) =>
  fact(name, type, { prefill: { source: "loan", field }, ...extra });
const OPTIONS = {
  options: [
    { value: "credit", zh: "信用贷", en: "Credit" },
    { value: "ip-pledge", zh: "知识产权质押贷", en: "IP pledge" },
  ],
};
const programme = programmeSchema.parse(
  programmeInput({
    facts: [
      loanFact("loanFen", "money", "amountFen"),
      loanFact("rate", "percent", "rate"),
      loanFact("fromDate", "date", "disbursedOn"),
      loanFact("months", "count", "termMonths"),
      loanFact("product", "choice", "productType", OPTIONS),
      fact("toDate", "date"),
      fact("paidFen", "money"),
    ],
    amount: [
      {
        kind: "when",
        fact: "product",
        equals: "credit",
        then: [{ kind: "fixed", label: "甲", fen: 1 }],
        otherwise: [
          {
            kind: "interest",
            label: "贴息",
            principal: "loanFen",
            rate: "rate",
            from: "fromDate",
            to: "toDate",
            paid: "paidFen",
            share: 50,
          },
        ],
      },
    ],
  }),
);

describe("prefillFromLoan", () => {
  it("fills each loan fact by its field: money, a percent of two decimals, the day, months, the product option", () => {
    expect(prefillFromLoan(programme, LOAN)).toEqual({
      loanFen: 500_000_000,
      rate: 3.45,
      fromDate: "2025-03-18",
      months: 12,
      product: "ip-pledge",
    });
  });

  it("leaves a product type the programme does not list, and a malformed day, unfilled", () => {
    const facts = prefillFromLoan(programme, { ...LOAN, productType: "mortgage", disbursedOn: "2025-02-30" });
    expect(facts).not.toHaveProperty("product");
    expect(facts).not.toHaveProperty("fromDate");
    expect(facts.loanFen).toBe(500_000_000);
  });
});

describe("which programmes loans feed", () => {
  it("knows a loan-fed programme and its interest-paid fact, inside a when too", () => {
    expect(isLoanFed(programme)).toBe(true);
    expect(interestPaidFact(programme)).toBe("paidFen");
  });

  it("a programme without loan facts or interest is neither", () => {
    const plain = programmeSchema.parse(programmeInput());
    expect(isLoanFed(plain)).toBe(false);
    expect(interestPaidFact(plain)).toBeNull();
  });
});
