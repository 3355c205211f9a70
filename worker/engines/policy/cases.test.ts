/**
 * runCase: a policy case passes only when the result matches every expectation
 * it states, and each mismatch is reported on its own line so a failing case
 * says what to fix.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEFAULT_CASE_DATE, runCase, runCases } from "./cases";
import { policyCaseSchema } from "./format/programme";
import { compileSet, fact, programmeInput } from "./test-support";

const WAN = 1_000_000;
const compiled = compileSet([
  programmeInput({
    facts: [fact("patents", "count", { unit: "件" }), fact("hnte", "boolean")],
    conditions: [
      { id: "many", label: "专利10件以上", test: { test: "compare", fact: "patents", word: "以上", value: 10 } },
    ],
    amount: [{ kind: "perUnit", label: "每件", fact: "patents", fen: WAN }],
  }),
  programmeInput({
    id: "review-prog",
    amount: [{ kind: "review", label: "评审", minFen: 30 * WAN, maxFen: 100 * WAN }],
    windows: [{ from: "2026-03-01", to: "2026-03-31" }],
  }),
]);
type CaseInput = z.input<typeof policyCaseSchema>;
const outcome = (c: Omit<CaseInput, "name" | "programme"> & { programme?: string }) =>
  runCase(compiled, policyCaseSchema.parse({ name: "案例", programme: "test-prog", ...c }));
const good = { patents: 12, hnte: true };

describe("runCase", () => {
  it("passes a case whose every expectation holds", () => {
    const o = outcome({
      facts: good,
      expect: {
        eligible: true,
        amountFen: 12 * WAN,
        conditions: { many: "pass" },
        missing: [],
        explains: ["达到第十四条规定的“10件以上”", "每件"],
      },
    });
    expect(o).toMatchObject({ name: "案例", programme: "test-prog", passed: true, problems: [] });
    expect(o.result?.amountFen).toBe(12 * WAN);
  });

  it("reports the wrong eligibility", () => {
    expect(outcome({ facts: { ...good, patents: 9 }, expect: { eligible: true } }).problems).toEqual([
      "eligible: expected true, got false",
    ]);
  });

  it("reports the wrong amount", () => {
    expect(outcome({ facts: good, expect: { eligible: true, amountFen: 11 * WAN } }).problems).toEqual([
      `amountFen: expected ${11 * WAN}, got ${12 * WAN}`,
    ]);
  });

  it("reports an expected null amount that was a figure", () => {
    expect(outcome({ facts: good, expect: { eligible: true, amountFen: null } }).problems).toEqual([
      `amountFen: expected null, got ${12 * WAN}`,
    ]);
  });

  it("reports the wrong range, and a range where there is none", () => {
    const review = (range: { minFen: number; maxFen: number }) =>
      outcome({ programme: "review-prog", date: "2026-03-15", expect: { eligible: true, range } });
    expect(review({ minFen: 30 * WAN, maxFen: 100 * WAN }).passed).toBe(true);
    expect(review({ minFen: 30 * WAN, maxFen: 90 * WAN }).problems).toEqual([
      `range: expected {"minFen":${30 * WAN},"maxFen":${90 * WAN}}, got {"minFen":${30 * WAN},"maxFen":${100 * WAN}}`,
    ]);
    expect(outcome({ facts: good, expect: { eligible: true, range: { minFen: 1, maxFen: 2 } } }).problems).toEqual([
      'range: expected {"minFen":1,"maxFen":2}, got undefined',
    ]);
  });

  it("reports a condition with the wrong result, and one that is absent", () => {
    const o = outcome({
      facts: good,
      expect: { eligible: true, conditions: { many: "fail", "limit-1-once": "pass" } },
    });
    expect(o.problems).toEqual([
      "condition many: expected fail, got pass",
      "condition limit-1-once: expected pass, got absent",
    ]);
  });

  it("reports the wrong missing facts, whatever order they are listed in", () => {
    expect(outcome({ facts: {}, expect: { eligible: "unknown", missing: ["patents", "hnte"] } }).passed).toBe(true);
    expect(outcome({ facts: { patents: 12 }, expect: { eligible: "unknown", missing: ["patents"] } }).problems).toEqual(
      ["missing: expected patents, got hnte"],
    );
  });

  it("reports each phrase the explanation lacks", () => {
    const o = outcome({ facts: good, expect: { eligible: true, explains: ["第十四条", "第十五条", "含本数"] } });
    expect(o.problems).toEqual(['explanation lacks "第十五条"', 'explanation lacks "含本数"']);
  });

  it("finds phrases in the amount note too", () => {
    expect(
      outcome({ facts: { ...good, patents: 9 }, expect: { eligible: false, explains: ["不符合条件:"] } }).passed,
    ).toBe(true);
  });

  it("reports every mismatch of one case together", () => {
    const o = outcome({
      facts: { ...good, patents: 9 },
      expect: { eligible: true, amountFen: 9 * WAN, conditions: { many: "pass" } },
    });
    expect(o.problems).toEqual([
      "eligible: expected true, got false",
      `amountFen: expected ${9 * WAN}, got 0`,
      "condition many: expected pass, got fail",
    ]);
  });

  it("fails a case whose facts do not parse, with the parse errors", () => {
    const o = outcome({ facts: { patents: -1, typo: 1 }, expect: { eligible: true } });
    expect(o.passed).toBe(false);
    expect(o.problems).toEqual([
      "patents项(patents):应是不小于 0 的整数(件)。",
      "该项目没有名为 typo 的事实;可填写:patents, hnte。",
    ]);
    expect(o.result).toBeUndefined();
  });

  it("fails a case for a programme the set does not have", () => {
    expect(outcome({ programme: "ghost-prog", expect: { eligible: true } })).toMatchObject({
      passed: false,
      problems: ["no programme ghost-prog"],
    });
  });

  it("evaluates on a fixed day unless the case names one", () => {
    expect(DEFAULT_CASE_DATE).toBe("2026-06-30");
    expect(outcome({ programme: "review-prog", expect: { eligible: false } }).passed).toBe(true);
    expect(outcome({ programme: "review-prog", date: "2026-03-01", expect: { eligible: true } }).passed).toBe(true);
  });

  it("takes history and profile from the case", () => {
    const limited = compileSet([
      programmeInput({
        applicants: { zh: "高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
        limits: [{ kind: "once", label: "只扶持一次" }],
      }),
    ]);
    const c = policyCaseSchema.parse({
      name: "已享受",
      programme: "test-prog",
      profile: { qualifications: ["hnte"] },
      history: [{ programme: "test-prog", year: 2020, amountFen: 1 }],
      expect: { eligible: false, conditions: { "applicant-hnte": "pass", "limit-1-once": "fail" } },
    });
    expect(runCase(limited, c).problems).toEqual([]);
  });
});

describe("runCases", () => {
  it("runs every case of the set in order", () => {
    const set = compileSet([programmeInput()], {
      cases: [
        { name: "一", programme: "test-prog", expect: { eligible: true, amountFen: 100 } },
        { name: "二", programme: "test-prog", expect: { eligible: false } },
      ],
    });
    expect(runCases(set).map((o) => [o.name, o.passed])).toEqual([
      ["一", true],
      ["二", false],
    ]);
  });
});
