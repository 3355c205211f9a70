/**
 * Every shape a new programme starts from in the form (features/policies/form/programme-templates.ts)
 * gets proposals from nothing: an eligible first case, then its options, caps and days.
 */
import { describe, expect, it } from "vitest";
import { programmeTemplate, SHAPE_IDS, type Shape } from "../../features/policies/form/programme-templates";
import { runCases } from "./cases";
import { compilePolicySet } from "./compile";
import { policySetSchema } from "./format/policy-set";
import { proposeProgrammeCases } from "./propose-cases";
import { NAMES, setInput } from "./test-support";

function newProgramme(shape: Shape) {
  const p = programmeTemplate(shape, "test-doc");
  return {
    ...p,
    id: `new-${shape.toLowerCase()}`,
    title: { zh: `新项目(${shape})`, en: `New (${shape})` },
    clause: "14",
    excerpt: "对符合条件的企业给予补助",
    applicants: { ...p.applicants, zh: "企业" },
  };
}

/** The set as the form leaves it: the new programme has no case. */
function bareSet(shape: Shape) {
  const p = newProgramme(shape);
  const set = policySetSchema.parse(setInput([p]));
  return { p, compiled: compilePolicySet({ ...set, cases: [] }, NAMES) };
}

describe("proposals for each shape of a new programme", () => {
  it.each(SHAPE_IDS)("%s: an eligible first case, and every proposal passes as a case", (shape) => {
    const { p, compiled } = bareSet(shape);
    const out = proposeProgrammeCases(compiled, p.id);
    expect(out.note).toBeUndefined();
    expect(out.cases[0]!.case).toMatchObject({ name: `${p.title.zh}·符合条件的起始用例`, expect: { eligible: true } });
    const withThem = policySetSchema.parse({ ...compiled.set, cases: out.cases.map((x) => x.case) });
    expect(runCases(compilePolicySet(withThem, NAMES)).filter((o) => !o.passed)).toEqual([]);
  });

  it("tiers: one case per tier with its amount", () => {
    const { p, compiled } = bareSet("tiers");
    const tiers = proposeProgrammeCases(compiled, p.id).cases.filter((x) => x.case.name.includes("·选项:"));
    expect(tiers.map((x) => [x.why.split(":")[0], x.result])).toEqual([
      ["按所属档次“二档”", "符合条件,补助50万元"],
      ["按所属档次“三档”", "符合条件,补助20万元"],
    ]);
    // The first tier is the first case itself.
    expect(proposeProgrammeCases(compiled, p.id).cases[0]!.case.facts).toEqual({ tier: "tier-1" });
  });

  it("percentage with a cap: the base that reaches 100万 from both sides", () => {
    const { p, compiled } = bareSet("percent");
    const cap = proposeProgrammeCases(compiled, p.id).cases.filter((x) => x.why.includes("达到上限100万元"));
    expect(cap.map((x) => [x.case.facts.baseAmountFen, x.case.expect.amountFen])).toEqual([
      [999_999_900, 99_999_990],
      [1_000_000_000, 100_000_000],
      [1_000_000_100, 100_000_000],
    ]);
  });

  it("review range and support in kind say what they give", () => {
    const review = bareSet("review");
    expect(proposeProgrammeCases(review.compiled, review.p.id).cases[0]!.result).toBe(
      "符合条件,评审确定10万元至100万元",
    );
    const inKind = bareSet("inKind");
    expect(proposeProgrammeCases(inKind.compiled, inKind.p.id).cases[0]!.result).toBe("符合条件,非资金支持:非资金支持");
  });
});
