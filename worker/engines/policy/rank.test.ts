/**
 * 政策找企业's ranking: programmes the enterprise's records prove it meets come
 * first (larger awards first), then those that only ask who the applicant is,
 * then those missing a fact (most conditions met first), then those it fails;
 * facts are prefilled from the profile.
 */
import { describe, expect, it } from "vitest";
import type { Profile } from "./format/programme";
import { prefillFacts } from "./prefill";
import { rankProgrammesForEnterprise, tierOf } from "./rank";
import { compileSet, fact, programmeInput, run, compileOne } from "./test-support";

const WAN = 1_000_000;
const withFigures: Profile = {
  qualifications: ["hnte"],
  industry: null,
  employees: null,
  registeredCapitalFen: null,
  figures: [
    {
      year: 2024,
      revenueFen: 8000 * WAN,
      rdExpenseFen: 400 * WAN,
      rdSuperDeductionFen: 300 * WAN,
      taxPaidFen: null,
      employees: null,
      rdStaff: null,
    },
    {
      year: 2025,
      revenueFen: 9000 * WAN,
      rdExpenseFen: 450 * WAN,
      rdSuperDeductionFen: 360 * WAN,
      taxPaidFen: null,
      employees: null,
      rdStaff: null,
    },
  ],
};
const revenue = fact("revenueFen", "money", { prefill: { source: "figures", field: "revenueFen", year: "latest" } });

const set = compileSet([
  programmeInput({ id: "only-who", amount: [{ kind: "fixed", label: "补助", fen: 500 * WAN }] }),
  programmeInput({
    id: "hnte-small",
    applicants: { zh: "高企", kinds: ["enterprise"], qualifications: ["hnte"] },
    amount: [{ kind: "fixed", label: "补助", fen: 10 * WAN }],
  }),
  programmeInput({
    id: "revenue-big",
    facts: [revenue],
    conditions: [
      { id: "rev", label: "收入", test: { test: "compare", fact: "revenueFen", word: "以上", value: 5000 * WAN } },
    ],
    amount: [{ kind: "fixed", label: "补助", fen: 50 * WAN }],
  }),
  programmeInput({
    id: "needs-patents",
    facts: [fact("patents", "count")],
    conditions: [{ id: "p", label: "专利", test: { test: "compare", fact: "patents", word: "以上", value: 1 } }],
    amount: [{ kind: "fixed", label: "补助", fen: 5 * WAN }],
  }),
  programmeInput({
    id: "too-small",
    facts: [revenue],
    conditions: [
      { id: "rev", label: "收入", test: { test: "compare", fact: "revenueFen", word: "不满", value: 1000 * WAN } },
    ],
    amount: [{ kind: "fixed", label: "补助", fen: 80 * WAN }],
  }),
  programmeInput({ id: "for-carriers", applicants: { zh: "孵化器", kinds: ["carrier"] } }),
]);

describe("rankProgrammesForEnterprise", () => {
  it("orders by tier, then by amount or by share of conditions met", () => {
    const fits = rankProgrammesForEnterprise(set, withFigures, [], "2026-06-30");
    expect(fits.map((f) => [f.programme.id, f.tier])).toEqual([
      ["revenue-big", "eligible"],
      ["hnte-small", "eligible"],
      ["only-who", "confirm"],
      ["needs-patents", "unknown"],
      ["too-small", "ineligible"],
    ]);
  });

  it("leaves out programmes for other kinds of applicant unless asked", () => {
    expect(
      rankProgrammesForEnterprise(set, withFigures, [], "2026-06-30").some((f) => f.programme.id === "for-carriers"),
    ).toBe(false);
    expect(
      rankProgrammesForEnterprise(set, withFigures, [], "2026-06-30", { kinds: ["carrier"] }).map(
        (f) => f.programme.id,
      ),
    ).toEqual(["for-carriers"]);
  });

  it("does not count dates and limits as evidence about the enterprise", () => {
    const p = compileOne({ limits: [{ kind: "once", label: "只支持一次" }] });
    const e = run(p, {}, { profile: withFigures });
    expect(e.eligible).toBe(true);
    expect(tierOf(e)).toBe("confirm");
  });
});

describe("prefillFacts", () => {
  it("reads the latest and the previous year's figures and qualifications", () => {
    const p = compileOne({
      facts: [
        revenue,
        fact("prevDeductionFen", "money", {
          prefill: { source: "figures", field: "rdSuperDeductionFen", year: "previous" },
        }),
        fact("production", "boolean", {
          prefill: { source: "qualification", trueIf: "production", falseIf: "non-production" },
        }),
        fact("isHnte", "boolean", { prefill: { source: "qualification", trueIf: "hnte" } }),
      ],
    });
    expect(prefillFacts(p, withFigures)).toEqual({ revenueFen: 9000 * WAN, prevDeductionFen: 300 * WAN, isHnte: true });
    expect(
      prefillFacts(p, { ...withFigures, qualifications: ["non-production"], figures: [withFigures.figures[1]!] }),
    ).toEqual({ revenueFen: 9000 * WAN, production: false, isHnte: false });
  });
});
