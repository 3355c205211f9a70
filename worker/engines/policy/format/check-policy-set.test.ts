/**
 * A policy set refuses to load when a programme points at something that is
 * not there, quotes its clause loosely, reads a fact it does not declare or of
 * a type the rule cannot use, names an option or programme that does not
 * exist, repeats an id, or has no test case. Each message names the programme.
 */
import { describe, expect, it } from "vitest";
import { definePolicySet } from "../../../../tenants/policy";
import type { Component, Limit } from "./amounts";
import type { Condition, Test } from "./conditions";
import { policySetSchema, type PolicySetInput } from "./policy-set";
import type { ProgrammeInput } from "./programme";
import { fact, programmeInput, setInput } from "../test-support";

const FACTS = [
  fact("revenueFen", "money"),
  fact("patents", "count"),
  fact("growth", "percent"),
  fact("hnte", "boolean"),
  fact("level", "choice"),
  fact("code", "text"),
];

/** The messages a set with these programmes is refused with (empty when it loads). */
const problems = (programmes: ProgrammeInput[], over: Partial<PolicySetInput> = {}): string[] => {
  const r = policySetSchema.safeParse(setInput(programmes, over));
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const withFacts = (over: Partial<ProgrammeInput>) => programmeInput({ facts: FACTS, ...over });
const testing = (test: Test) => problems([withFacts({ conditions: [{ id: "c", label: "条件", test }] })]);
const paying = (...amount: Component[]) => problems([withFacts({ amount })]);

describe("a well-formed set", () => {
  it("loads", () => {
    expect(
      problems([
        withFacts({
          conditions: [
            { id: "c", label: "条件", test: { test: "compare", fact: "revenueFen", word: "以上", value: 1 } },
          ],
        }),
      ]),
    ).toEqual([]);
  });

  it("accepts an excerpt that differs from the clause only in whitespace", () => {
    expect(
      problems([programmeInput({ excerpt: "对符合条件的企业 给予补助,单个企业年度最高补助金额不超过100万元。" })]),
    ).toEqual([]);
  });
});

describe("references to the document", () => {
  it("rejects an unknown document", () => {
    expect(problems([programmeInput({ document: "no-such-doc" })])).toEqual([
      "test-prog: no document no-such-doc in this policy set",
    ]);
  });

  it("rejects an unknown clause of the programme, a condition, a component and a limit", () => {
    expect(problems([programmeInput({ clause: "99" })])).toContain("test-prog: document test-doc has no clause 99");
    const cond: Condition = { id: "c", label: "条件", clause: "98", test: { test: "qualification", code: "hnte" } };
    const limit: Limit = { kind: "once", label: "一次", clause: "96" };
    expect(
      problems([
        programmeInput({
          conditions: [cond],
          amount: [{ kind: "fixed", label: "甲", clause: "97", fen: 1 }],
          limits: [limit],
        }),
      ]),
    ).toEqual([
      "test-prog: document test-doc has no clause 98",
      "test-prog: document test-doc has no clause 97",
      "test-prog: document test-doc has no clause 96",
    ]);
  });

  it("rejects an excerpt that is not verbatim", () => {
    expect(problems([programmeInput({ excerpt: "对符合条件的企业给予奖励" })])).toEqual([
      "test-prog: excerpt is not verbatim from clause 14",
    ]);
  });

  it("checks the excerpt against the programme's own clause, not another", () => {
    expect(problems([programmeInput({ clause: "10", excerpt: "对符合条件的企业给予补助" })])).toEqual([
      "test-prog: excerpt is not verbatim from clause 10",
    ]);
  });
});

describe("facts a rule reads", () => {
  it("rejects a fact the programme does not declare, wherever it is read", () => {
    const msg = "test-prog: uses fact ghost, which the programme does not declare";
    expect(testing({ test: "compare", fact: "ghost", word: "以上", value: 1 })).toEqual([msg]);
    expect(
      testing({
        test: "any",
        of: [{ label: "甲", test: { test: "all", of: [{ test: "equals", fact: "ghost", value: true }] } }],
      }),
    ).toEqual([msg]);
    expect(paying({ kind: "perUnit", label: "每件", fact: "ghost", fen: 1 })).toEqual([msg]);
    expect(
      paying({
        kind: "when",
        fact: "hnte",
        equals: true,
        then: [{ kind: "percent", label: "比例", base: { average: ["revenueFen", "ghost"] }, percent: 1 }],
        otherwise: [],
      }),
    ).toEqual([msg]);
    expect(
      problems([withFacts({ limits: [{ kind: "perProject", label: "项目", fen: 1, projectFact: "ghost" }] })]),
    ).toEqual([msg]);
  });

  it.each<[string, Test, string]>([
    [
      "compare on a boolean",
      { test: "compare", fact: "hnte", word: "以上", value: 1 },
      "fact hnte is boolean; here it must be money or count or percent",
    ],
    [
      "between on text",
      { test: "between", fact: "code", from: 1, to: 2 },
      "fact code is text; here it must be money or count or percent",
    ],
    [
      "ratio of percentages",
      { test: "ratio", numerator: "growth", denominator: "revenueFen", word: "以上", percent: 3 },
      "fact growth is percent; here it must be money or count",
    ],
    [
      "equals true on a choice",
      { test: "equals", fact: "level", value: true },
      "fact level is choice; here it must be boolean",
    ],
    [
      "equals an option on a boolean",
      { test: "equals", fact: "hnte", value: "a" },
      "fact hnte is boolean; here it must be choice",
    ],
    [
      "oneOf on a count",
      { test: "oneOf", fact: "patents", values: ["a"] },
      "fact patents is count; here it must be choice",
    ],
  ])("rejects a test reading a fact of the wrong type: %s", (_, test, message) => {
    expect(testing(test)).toEqual([`test-prog: ${message}`]);
  });

  it.each<[string, Component, string]>([
    [
      "perUnit of money",
      { kind: "perUnit", label: "每件", fact: "revenueFen", fen: 1 },
      "fact revenueFen is money; here it must be count",
    ],
    [
      "a percentage of a count",
      { kind: "percent", label: "比例", base: { fact: "patents" }, percent: 1 },
      "fact patents is count; here it must be money",
    ],
    [
      "an increase of a percentage",
      { kind: "percent", label: "比例", base: { increase: { current: "revenueFen", previous: "growth" } }, percent: 1 },
      "fact growth is percent; here it must be money",
    ],
    [
      "byChoice on a boolean",
      { kind: "byChoice", label: "档", fact: "hnte", amounts: { a: 1 } },
      "fact hnte is boolean; here it must be choice",
    ],
    [
      "when true on a choice",
      { kind: "when", fact: "level", equals: true, then: [], otherwise: [] },
      "fact level is choice; here it must be boolean",
    ],
  ])("rejects a component reading a fact of the wrong type: %s", (_, component, message) => {
    expect(paying(component)).toEqual([`test-prog: ${message}`]);
  });

  it("rejects a project limit keyed on a fact that is not text", () => {
    expect(
      problems([withFacts({ limits: [{ kind: "perProject", label: "项目", fen: 1, projectFact: "patents" }] })]),
    ).toEqual(["test-prog: fact patents is count; here it must be text"]);
  });
});

describe("choice options", () => {
  const noZ = "test-prog: fact level has no option z";
  it.each<[string, () => string[]]>([
    ["equals", () => testing({ test: "equals", fact: "level", value: "z" })],
    ["oneOf", () => testing({ test: "oneOf", fact: "level", values: ["a", "z"] })],
    ["byChoice", () => paying({ kind: "byChoice", label: "档", fact: "level", amounts: { a: 1, z: 2 } })],
    [
      "a percentage by level",
      () =>
        paying({
          kind: "percent",
          label: "比例",
          base: { fact: "revenueFen" },
          percent: { fact: "level", byChoice: { z: 5 } },
        }),
    ],
    ["when", () => paying({ kind: "when", fact: "level", equals: "z", then: [], otherwise: [] })],
  ])("rejects an option the fact does not have, in %s", (_, get) => {
    expect(get()).toEqual([noZ]);
  });
});

describe("ids", () => {
  it("rejects two programmes with the same id", () => {
    expect(problems([programmeInput(), programmeInput()])).toEqual(["test-prog: duplicate programme id"]);
  });

  it("rejects two facts with the same name", () => {
    expect(problems([programmeInput({ facts: [fact("patents", "count"), fact("patents", "count")] })])).toEqual([
      "test-prog: duplicate fact patents",
    ]);
  });

  it("rejects two conditions with the same id", () => {
    const c: Condition = { id: "same", label: "条件", test: { test: "qualification", code: "hnte" } };
    expect(problems([programmeInput({ conditions: [c, c] })])).toEqual(["test-prog: duplicate condition id same"]);
  });

  it("rejects a limit naming a programme the set does not have", () => {
    expect(
      problems([
        programmeInput({ limits: [{ kind: "exclusive", label: "就高", programmes: ["ghost-prog"], per: "year" }] }),
      ]),
    ).toEqual(["test-prog: limit names unknown programme ghost-prog"]);
    expect(
      problems([programmeInput({ limits: [{ kind: "once", label: "一次", programmes: ["ghost-prog"] }] })]),
    ).toEqual(["test-prog: limit names unknown programme ghost-prog"]);
  });

  it("accepts a limit naming another programme of the set", () => {
    expect(
      problems([
        programmeInput({ limits: [{ kind: "exclusive", label: "就高", programmes: ["other-prog"], per: "ever" }] }),
        programmeInput({ id: "other-prog" }),
      ]),
    ).toEqual([]);
  });
});

describe("ranges written backwards", () => {
  it("rejects a 至 range whose start is above its end", () => {
    expect(testing({ test: "between", fact: "revenueFen", from: 200, to: 100 })).toEqual([
      "test-prog: between: from 200 is above to 100",
    ]);
  });

  it("rejects an application window that ends before it starts", () => {
    expect(problems([programmeInput({ windows: [{ from: "2026-05-01", to: "2026-04-01" }] })])).toEqual([
      "test-prog: window 2026-05-01–2026-04-01 ends before it starts",
    ]);
  });

  it("rejects two materials with the same id", () => {
    const m = { id: "licence", zh: "营业执照" };
    expect(problems([programmeInput({ materials: [m, m] })])).toEqual(["test-prog: duplicate material id licence"]);
  });
});

describe("cases", () => {
  it("rejects a programme without a case", () => {
    expect(problems([programmeInput()], { cases: [] })).toEqual([
      "test-prog: no test case; every programme needs cases (threshold and cap boundaries)",
    ]);
  });

  it("rejects a case for a programme the set does not have", () => {
    const cases = [
      { name: "甲", programme: "test-prog", expect: { eligible: true } },
      { name: "乙", programme: "ghost-prog", expect: { eligible: true } },
    ];
    expect(problems([programmeInput()], { cases })).toEqual(['case "乙": no programme ghost-prog']);
  });
});

describe("definePolicySet", () => {
  it("throws an error naming the zone and the programme", () => {
    expect(() => definePolicySet(setInput([programmeInput({ document: "no-such-doc" })]))).toThrow(
      /tenants\/zibo\/policy: invalid policy set[\s\S]*test-prog: no document no-such-doc/,
    );
  });
});
