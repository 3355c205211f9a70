/**
 * The rule format for 贴息: `date` facts, facts prefilled from a loan (each loan field fills one
 * fact type), and the `interest` component, whose facts the whole-set checks type.
 */
import { describe, expect, it } from "vitest";
import type { Component } from "./amounts";
import { policySetSchema } from "./policy-set";
import type { ProgrammeInput } from "./programme";
import { fact, programmeInput, setInput } from "../test-support";

const problems = (over: Partial<ProgrammeInput>): string[] => {
  const r = policySetSchema.safeParse(setInput([programmeInput(over)]));
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

const loanFact = (name: string, type: Parameters<typeof fact>[1], field: string, extra = {}) =>
  fact(name, type, { prefill: { source: "loan", field }, ...extra });
const PRODUCT_OPTIONS = {
  options: [
    { value: "credit", zh: "信用贷", en: "Credit" },
    { value: "ip-pledge", zh: "知识产权质押贷", en: "IP pledge" },
  ],
};
const FACTS = [
  loanFact("loanFen", "money", "amountFen"),
  loanFact("rate", "percent", "rate"),
  loanFact("disbursedOn", "date", "disbursedOn"),
  loanFact("termMonths", "count", "termMonths"),
  loanFact("productType", "choice", "productType", PRODUCT_OPTIONS),
  fact("toDate", "date"),
  fact("paidFen", "money"),
];
const INTEREST: Extract<Component, { kind: "interest" }> = {
  kind: "interest",
  label: "贷款贴息",
  principal: "loanFen",
  rate: "rate",
  from: "disbursedOn",
  to: "toDate",
  paid: "paidFen",
  share: 50,
  lpr: { percent: 60, term: "1y" },
  capFen: 50_000_000,
};

describe("a 贴息 programme", () => {
  it("loads with date facts, loan prefills and an interest component", () => {
    expect(problems({ facts: FACTS, amount: [INTEREST] })).toEqual([]);
  });

  it.each<[string, Partial<ProgrammeInput>, string]>([
    [
      "a loan amount prefilling a count",
      { facts: [loanFact("x", "count", "amountFen")] },
      "x: the loan's amountFen prefills a money fact",
    ],
    [
      "a loan rate prefilling money",
      { facts: [loanFact("x", "money", "rate")] },
      "x: the loan's rate prefills a percent fact",
    ],
    [
      "a disbursement day prefilling text",
      { facts: [loanFact("x", "text", "disbursedOn")] },
      "x: the loan's disbursedOn prefills a date fact",
    ],
    [
      "a product type that is not a loan's",
      {
        facts: [
          loanFact("x", "choice", "productType", {
            options: [...PRODUCT_OPTIONS.options, { value: "lease", zh: "租赁", en: "Lease" }],
          }),
        ],
      },
      "x: lease is not a loan product type (credit, mortgage, pledge, ip-pledge, guarantee, insurance, other)",
    ],
    ["a bound on a date fact", { facts: [fact("x", "date", { min: 1 })] }, "x: a date fact has no min"],
  ])("refuses %s", (_, over, message) => {
    expect(problems(over)).toContain(message);
  });

  it("refuses an unknown loan field", () => {
    expect(problems({ facts: [loanFact("x", "money", "balanceFen")] }).length).toBeGreaterThan(0);
  });

  it.each<[string, Partial<Extract<Component, { kind: "interest" }>>, string]>([
    ["a principal that is not money", { principal: "rate" }, "fact rate is percent; here it must be money"],
    ["a rate that is not a percent", { rate: "loanFen" }, "fact loanFen is money; here it must be percent"],
    ["a first day that is not a date", { from: "termMonths" }, "fact termMonths is count; here it must be date"],
    ["a last day that is not a date", { to: "paidFen" }, "fact paidFen is money; here it must be date"],
    ["interest paid that is not money", { paid: "toDate" }, "fact toDate is date; here it must be money"],
    ["an undeclared fact", { paid: "nothing" }, "uses fact nothing, which the programme does not declare"],
    ["one fact for both ends", { to: "disbursedOn" }, "interest: from and to must be two facts"],
  ])("refuses an interest component with %s", (_, over, message) => {
    expect(problems({ facts: FACTS, amount: [{ ...INTEREST, ...over }] })).toContain(`test-prog: ${message}`);
  });

  it.each<[string, Record<string, unknown>]>([
    ["an LPR term the format does not know", { lpr: { percent: 60, term: "3y" } }],
    ["a share with three decimals", { share: 50.125 }],
    ["a stray key", { principle: "loanFen" }],
  ])("refuses %s", (_, over) => {
    expect(problems({ facts: FACTS, amount: [{ ...INTEREST, ...over } as Component] }).length).toBeGreaterThan(0);
  });
});
