/**
 * runCase's own check that an exact amount is accounted for step by step. The engine keeps its steps whole, so
 * a result with a step taken away stands in for a bug (no module mock: the node tests share modules across files).
 */
import { describe, expect, it } from "vitest";
import { runCase, unaccountedSteps } from "./cases";
import { policyCaseSchema } from "./format/programme";
import { compileSet, programmeInput } from "./test-support";

const compiled = compileSet([
  programmeInput({
    amount: [
      { kind: "fixed", label: "甲", fen: 100 },
      { kind: "fixed", label: "乙", fen: 20 },
    ],
  }),
]);
const c = policyCaseSchema.parse({ name: "两步", programme: "test-prog", expect: { eligible: true, amountFen: 120 } });
const dropFirstStep = <T extends { steps: unknown[] }>(r: T): T => ({ ...r, steps: r.steps.slice(1) });

describe("runCase: steps", () => {
  it("passes when the steps add up to the amount", () => {
    const outcome = runCase(compiled, c);
    expect(outcome.problems).toEqual([]);
    expect(unaccountedSteps(outcome.result!)).toBeNull();
  });

  it("reports steps that do not add up to the amount", () => {
    const result = runCase(compiled, c).result!;
    expect(unaccountedSteps(dropFirstStep(result))).toBe("steps add up to 20, amount is 120");
  });

  it("does not ask an ineligible result's steps to add up", () => {
    const ineligible = policyCaseSchema.parse({
      name: "过期",
      programme: "test-prog",
      date: "2019-01-01",
      expect: { eligible: false, amountFen: 0 },
    });
    const outcome = runCase(compiled, ineligible);
    expect(outcome.problems).toEqual([]);
    expect(unaccountedSteps(dropFirstStep(outcome.result!))).toBeNull();
  });
});
