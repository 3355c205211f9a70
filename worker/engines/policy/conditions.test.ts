/**
 * The other tests of a condition: equals and oneOf on facts, qualification and
 * industry from the profile (unknown without one), and all/any trees, where a
 * failure outweighs an unknown and a boundary may fit two tiers at once.
 */
import { describe, expect, it } from "vitest";
import { evaluateTest, type TestContext } from "./conditions";
import type { Test } from "./format/conditions";
import type { Profile } from "./format/programme";
import type { Facts } from "./facts";
import { compileOne, fact, profile } from "./test-support";

const p = compileOne({
  facts: [
    fact("hnte", "boolean"),
    fact("level", "choice"),
    fact("patents", "count", { unit: "件" }),
    fact("revenueFen", "money"),
  ],
});
const check = (t: Test, facts: Facts, prof?: Profile) => {
  const ctx: TestContext = {
    facts,
    declared: p.declared,
    profile: prof,
    cite: "第十四条",
    qualificationName: p.qualificationName,
    industryName: p.industryName,
  };
  return evaluateTest(t, ctx);
};

describe("equals", () => {
  const isHnte: Test = { test: "equals", fact: "hnte", value: true };
  it("passes when a boolean fact has the value the clause asks", () => {
    expect(check(isHnte, { hnte: true })).toEqual({ result: "pass", reason: "hnte项:是", missing: [] });
  });

  it("fails otherwise, saying what the clause asks", () => {
    expect(check(isHnte, { hnte: false })).toEqual({
      result: "fail",
      reason: "hnte项:否(第十四条要求是)",
      missing: [],
    });
  });

  it("compares a choice by its value and shows it by name", () => {
    const t: Test = { test: "equals", fact: "level", value: "b" };
    expect(check(t, { level: "b" }).result).toBe("pass");
    expect(check(t, { level: "a" }).reason).toBe("level项:甲档(第十四条要求乙档)");
  });

  it("is unknown without the fact", () => {
    expect(check(isHnte, {})).toEqual({ result: "unknown", reason: "需提供hnte项", missing: ["hnte"] });
  });
});

describe("oneOf", () => {
  const t: Test = { test: "oneOf", fact: "level", values: ["a", "b"] };
  it("passes for any of the listed options", () => {
    expect(check(t, { level: "a" }).result).toBe("pass");
    expect(check(t, { level: "b" }).result).toBe("pass");
  });

  it("fails for another option, listing the allowed ones by name", () => {
    expect(check(t, { level: "c" })).toEqual({
      result: "fail",
      reason: "level项:丙档(第十四条限于甲档、乙档)",
      missing: [],
    });
  });

  it("is unknown without the fact", () => {
    expect(check(t, {}).missing).toEqual(["level"]);
  });
});

describe("qualification (from the profile)", () => {
  const t: Test = { test: "qualification", code: "hnte" };
  it("is unknown without a profile, naming the qualification, with no fact to ask for", () => {
    expect(check(t, {})).toEqual({ result: "unknown", reason: "需确认是否为高新技术企业", missing: [] });
  });

  it("passes when the profile holds it", () => {
    expect(check(t, {}, profile(["hnte"]))).toEqual({
      result: "pass",
      reason: "持有经核验、在有效期内的高新技术企业资格",
      missing: [],
    });
  });

  it("fails when the profile does not, even if it holds others", () => {
    expect(check(t, {}, profile(["tech-sme"]))).toEqual({
      result: "fail",
      reason: "没有经核验、在有效期内的高新技术企业资格",
      missing: [],
    });
  });

  it("shows an unknown code as itself rather than inventing a name", () => {
    expect(check({ test: "qualification", code: "gazelle" }, {}).reason).toBe("需确认是否为gazelle");
  });
});

describe("industry (from the profile)", () => {
  const t: Test = { test: "industry", codes: ["new-materials"] };
  it("is unknown without a profile", () => {
    expect(check(t, {})).toEqual({ result: "unknown", reason: "需确认所属行业是否为新材料", missing: [] });
  });

  it("is unknown when the profile has no industry", () => {
    expect(check(t, {}, profile([], null))).toEqual({
      result: "unknown",
      reason: "企业资料未填所属行业(须为新材料)",
      missing: [],
    });
  });

  it("passes for a listed industry and fails for another", () => {
    expect(check(t, {}, profile([], "new-materials"))).toEqual({
      result: "pass",
      reason: "所属行业为新材料",
      missing: [],
    });
    expect(check(t, {}, profile([], "textiles"))).toEqual({
      result: "fail",
      reason: "所属行业为textiles,不属于新材料",
      missing: [],
    });
  });
});

const many: Test = { test: "compare", fact: "patents", word: "以上", value: 10 };
const hnte: Test = { test: "equals", fact: "hnte", value: true };
const big: Test = { test: "compare", fact: "revenueFen", word: "以上", value: 100 };

describe("all", () => {
  it("passes when every part passes, giving every reason", () => {
    const r = check({ test: "all", of: [many, hnte] }, { patents: 12, hnte: true });
    expect(r).toEqual({
      result: "pass",
      reason: "patents项为12件,达到第十四条规定的“10件以上”;hnte项:是",
      missing: [],
    });
  });

  it("fails when one part fails even if another is unknown: the failure is the reason", () => {
    const r = check({ test: "all", of: [many, hnte, big] }, { patents: 9, hnte: true });
    expect(r.result).toBe("fail");
    expect(r.reason).toBe("patents项为9件,未达到第十四条规定的“10件以上”");
  });

  it("is unknown when nothing fails but a part is missing, naming what to provide", () => {
    const r = check({ test: "all", of: [many, hnte, big] }, { patents: 10 });
    expect(r).toEqual({
      result: "unknown",
      reason: "需提供hnte项;需提供revenueFen项",
      missing: ["hnte", "revenueFen"],
    });
  });
});

describe("any", () => {
  const tiers: Test = {
    test: "any",
    of: [
      { label: "10件以上", test: many },
      { label: "5件至10件", test: { test: "between", fact: "patents", from: 5, to: 10 } },
    ],
  };

  it("passes by the one tier that fits and names it", () => {
    expect(check(tiers, { patents: 12 }).reason).toBe("按“10件以上”认定:patents项为12件,达到第十四条规定的“10件以上”");
    expect(check(tiers, { patents: 6 }).reason).toBe(
      "按“5件至10件”认定:patents项为6件,在第十四条规定的“5件至10件”之间",
    );
  });

  it("at a boundary where two tiers fit, says 同时符合 and names both, applying the first", () => {
    const r = check(tiers, { patents: 10 });
    expect(r.result).toBe("pass");
    expect(r.reason).toBe(
      "同时符合“10件以上”和“5件至10件”(数值恰在两档交界,均适用),按“10件以上”认定:patents项为10件,达到第十四条规定的“10件以上”(“以上”含本数)",
    );
  });

  it("fails when no tier fits, giving each tier's reason", () => {
    const r = check(tiers, { patents: 4 });
    expect(r.result).toBe("fail");
    expect(r.reason).toMatch(/^不符合任何一档:10件以上——patents项为4件,未达到.*;5件至10件——patents项为4件,不在/);
  });

  it("is unknown when no tier passes and one cannot be decided, listing each missing fact once", () => {
    const t: Test = {
      test: "any",
      of: [
        { label: "甲", test: { test: "all", of: [many, hnte] } },
        { label: "乙", test: hnte },
      ],
    };
    const r = check(t, { patents: 12 });
    expect(r).toEqual({ result: "unknown", reason: "甲:需提供hnte项;乙:需提供hnte项", missing: ["hnte"] });
  });

  it("passes when one tier passes even though another is unknown", () => {
    const t: Test = {
      test: "any",
      of: [
        { label: "甲", test: many },
        { label: "乙", test: hnte },
      ],
    };
    expect(check(t, { patents: 11 })).toMatchObject({ result: "pass", missing: [] });
  });

  it("fails rather than waiting when the undecided tier is failed by a known fact", () => {
    const t: Test = { test: "any", of: [{ label: "甲", test: { test: "all", of: [many, hnte] } }] };
    expect(check(t, { patents: 3 }).result).toBe("fail");
  });
});

describe("compare with negate (a tier below one the clause names)", () => {
  const under: Test = { test: "compare", fact: "patents", word: "以上", value: 20, negate: true };
  it("passes when the clause's threshold is not reached, in the clause's own word", () => {
    expect(check(under, { patents: 15 })).toEqual({
      result: "pass",
      reason: "patents项为15件,未达到第十四条规定的“20件以上”",
      missing: [],
    });
  });
  it("fails at the threshold, saying the word includes it", () => {
    expect(check(under, { patents: 20 })).toEqual({
      result: "fail",
      reason: "patents项为20件,达到第十四条规定的“20件以上”(“以上”含本数)",
      missing: [],
    });
  });
});
