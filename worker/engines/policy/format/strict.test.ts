/**
 * The format is strict: an unknown key anywhere in a policy set (a typo such
 * as `capfen`) is refused with its path rather than silently ignored, and
 * money, percentages, ids and ranges are refused when malformed.
 */
import { describe, expect, it } from "vitest";
import { policySetSchema, type PolicySetInput } from "./policy-set";
import type { ProgrammeInput } from "./programme";
import { fact, programmeInput, setInput } from "../test-support";

/** A set using every kind of object the format has, so each can be given an unknown key. */
// A deep copy: the set's defaults share objects with a demo zone's set (test-support), and each case
// below writes a stray key into it.
const rich = (): PolicySetInput =>
  structuredClone(
    setInput(
      [
        programmeInput({
          facts: [
            fact("revenueFen", "money", { prefill: { source: "figures", field: "revenueFen", year: "latest" } }),
            fact("patents", "count"),
            fact("level", "choice"),
            fact("hnte", "boolean", { prefill: { source: "qualification", trueIf: "hnte" } }),
          ],
          conditions: [
            {
              id: "c",
              label: "条件",
              test: {
                test: "any",
                of: [
                  {
                    label: "甲",
                    test: { test: "all", of: [{ test: "compare", fact: "revenueFen", word: "以上", value: 1 }] },
                  },
                ],
              },
            },
          ],
          amount: [
            {
              kind: "percent",
              label: "比例",
              base: { fact: "revenueFen" },
              percent: { fact: "level", byChoice: { a: 5 } },
              capFen: 100,
            },
            { kind: "perUnit", label: "每件", fact: "patents", fen: 1, extra: { over: 10, fen: 1 } },
            {
              kind: "when",
              fact: "hnte",
              equals: true,
              then: [{ kind: "review", label: "评审", minFen: 1, maxFen: 2 }],
              otherwise: [],
            },
          ],
          limits: [{ kind: "perEnterprisePerYear", label: "年度", fen: 100 }],
          materials: [{ id: "audit", zh: "审计报告" }],
          windows: [{ from: "2026-01-01", to: "2026-12-31" }],
        }),
      ],
      {
        cases: [
          {
            name: "全部",
            programme: "test-prog",
            facts: { patents: 1 },
            profile: { qualifications: ["hnte"], figures: [{ year: 2025, revenueFen: 1 }] },
            history: [{ programme: "test-prog", year: 2025, amountFen: 1 }],
            expect: { eligible: true, range: { minFen: 1, maxFen: 2 } },
          },
        ],
      },
    ),
  );

const P = ["programmes", 0];
const WHERE: [string, (string | number)[]][] = [
  ["the set", []],
  ["a document", ["documents", 0]],
  ["a document's source", ["documents", 0, "source"]],
  ["a clause", ["documents", 0, "clauses", 0]],
  ["a programme", P],
  ["a title", [...P, "title"]],
  ["applicants", [...P, "applicants"]],
  ["a fact", [...P, "facts", 0]],
  ["a fact's label", [...P, "facts", 0, "label"]],
  ["a fact's prefill", [...P, "facts", 0, "prefill"]],
  ["a qualification prefill", [...P, "facts", 3, "prefill"]],
  ["a choice option", [...P, "facts", 2, "options", 0]],
  ["a condition", [...P, "conditions", 0]],
  ["an any test", [...P, "conditions", 0, "test"]],
  ["an any branch", [...P, "conditions", 0, "test", "of", 0]],
  ["an all test", [...P, "conditions", 0, "test", "of", 0, "test"]],
  ["a compare test", [...P, "conditions", 0, "test", "of", 0, "test", "of", 0]],
  ["a percent component", [...P, "amount", 0]],
  ["a percent base", [...P, "amount", 0, "base"]],
  ["a percent by level", [...P, "amount", 0, "percent"]],
  ["a perUnit extra", [...P, "amount", 1, "extra"]],
  ["a when component", [...P, "amount", 2]],
  ["a component inside when", [...P, "amount", 2, "then", 0]],
  ["a limit", [...P, "limits", 0]],
  ["a material", [...P, "materials", 0]],
  ["a window", [...P, "windows", 0]],
  ["a case", ["cases", 0]],
  ["a case's expectation", ["cases", 0, "expect"]],
  ["an expected range", ["cases", 0, "expect", "range"]],
  ["a case's profile", ["cases", 0, "profile"]],
  ["a profile's figures", ["cases", 0, "profile", "figures", 0]],
  ["a case's award history", ["cases", 0, "history", 0]],
];

describe("unknown keys", () => {
  it("the rich set itself loads", () => {
    expect(policySetSchema.safeParse(rich()).error?.issues).toBeUndefined();
  });

  it.each(WHERE)("are refused in %s, with the path", (_, path) => {
    const set = rich();
    let at: Record<string | number, unknown> = set as unknown as Record<string, unknown>;
    for (const k of path) at = at[k] as Record<string | number, unknown>;
    at.capfen = 1;
    const r = policySetSchema.safeParse(set);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toContainEqual(
      expect.objectContaining({ code: "unrecognized_keys", keys: ["capfen"], path }),
    );
  });
});

describe("malformed values", () => {
  const refused = (over: Partial<ProgrammeInput>): string[] => {
    const r = policySetSchema.safeParse(setInput([programmeInput(over)]));
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it.each<[string, Partial<ProgrammeInput>, string]>([
    ["money in fractions of a fen", { amount: [{ kind: "fixed", label: "甲", fen: 1.5 }] }, "money: whole fen"],
    ["negative money", { amount: [{ kind: "fixed", label: "甲", fen: -1 }] }, "money: not negative"],
    [
      "a percentage with three decimals",
      { facts: [fact("x", "money")], amount: [{ kind: "percent", label: "甲", base: { fact: "x" }, percent: 3.125 }] },
      "percent: at most two decimals",
    ],
    ["a clause id with letters", { clause: "14a" }, "clause: numbers joined by dots, e.g. 14 or 4.3.2"],
    ["a programme id in capitals", { id: "Test-prog" }, "programme id: lower case letters, digits and '-'"],
    [
      "a fact name that is not camelCase",
      { facts: [fact("Revenue", "money")] },
      "fact name: camelCase letters and digits",
    ],
    [
      "a review range upside down",
      { amount: [{ kind: "review", label: "甲", minFen: 2, maxFen: 1 }] },
      "review: minFen above maxFen",
    ],
    [
      "a choice fact without options",
      { facts: [fact("level", "money", { type: "choice" })] },
      "level: options are given exactly for choice facts",
    ],
    [
      "options on a money fact",
      { facts: [fact("level", "choice", { type: "money" })] },
      "level: options are given exactly for choice facts",
    ],
    ["a money bound in fractions of a fen", { facts: [fact("x", "money", { min: 0.5 })] }, "x: min must be whole fen"],
    ["a min above the max", { facts: [fact("x", "count", { min: 5, max: 4 })] }, "x: min above max"],
    [
      "a qualification prefilling a count",
      { facts: [fact("x", "count", { prefill: { source: "qualification", trueIf: "hnte" } })] },
      "x: a qualification prefills a boolean fact",
    ],
  ])("refuses %s", (_, over, message) => {
    expect(refused(over)).toContain(message);
  });

  it.each<[string, Partial<ProgrammeInput>]>([
    ["a programme with no amount", { amount: [] }],
    [
      "a threshold word the format does not know",
      {
        facts: [fact("x", "count")],
        conditions: [
          { id: "c", label: "条件", test: { test: "compare", fact: "x", word: "达到" as "以上", value: 1 } },
        ],
      },
    ],
    ["an any test with no tiers", { conditions: [{ id: "c", label: "条件", test: { test: "any", of: [] } }] }],
    [
      "a perUnit cap of no units",
      { facts: [fact("x", "count")], amount: [{ kind: "perUnit", label: "甲", fact: "x", fen: 1, maxUnits: 0 }] },
    ],
    [
      "an exclusive limit naming no programme",
      { limits: [{ kind: "exclusive", label: "就高", programmes: [], per: "year" }] },
    ],
    ["an unknown category", { category: "misc" as "other" }],
  ])("refuses %s", (_, over) => {
    expect(refused(over).length).toBeGreaterThan(0);
  });
});
