/**
 * runCase's own check that an exact amount is accounted for step by step. The
 * engine keeps its steps whole, so a tampered result stands in for a bug.
 */
import { describe, expect, it, vi } from "vitest";
import { runCase } from "./cases";
import { policyCaseSchema } from "./format/programme";
import { compileSet, programmeInput } from "./test-support";

const tamper = vi.hoisted(() => ({ dropFirstStep: false }));
vi.mock("./evaluate", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./evaluate")>();
  return {
    ...actual,
    evaluate: (...args: Parameters<typeof actual.evaluate>) => {
      const r = actual.evaluate(...args);
      return tamper.dropFirstStep ? { ...r, steps: r.steps.slice(1) } : r;
    },
  };
});

const compiled = compileSet([
  programmeInput({
    amount: [
      { kind: "fixed", label: "甲", fen: 100 },
      { kind: "fixed", label: "乙", fen: 20 },
    ],
  }),
]);
const c = policyCaseSchema.parse({ name: "两步", programme: "test-prog", expect: { eligible: true, amountFen: 120 } });

describe("runCase: steps", () => {
  it("passes when the steps add up to the amount", () => {
    tamper.dropFirstStep = false;
    expect(runCase(compiled, c).problems).toEqual([]);
  });

  it("reports steps that do not add up to the amount", () => {
    tamper.dropFirstStep = true;
    expect(runCase(compiled, c).problems).toEqual(["steps add up to 20, amount is 120"]);
    tamper.dropFirstStep = false;
  });

  it("does not ask an ineligible result's steps to add up", () => {
    tamper.dropFirstStep = true;
    const ineligible = policyCaseSchema.parse({
      name: "过期",
      programme: "test-prog",
      date: "2019-01-01",
      expect: { eligible: false, amountFen: 0 },
    });
    expect(runCase(compiled, ineligible).problems).toEqual([]);
    tamper.dropFirstStep = false;
  });
});
