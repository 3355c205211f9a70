/**
 * Applications in review (in 公示, or returned for correction) count against the
 * limits at what they reserve, but the reasons call them 在审: "已于2026年享受"
 * beside "已有在审申报" read as an award that was never made. Reasons for real
 * awards are unchanged (limits.test.ts keeps them).
 */
import { describe, expect, it } from "vitest";
import type { Component, Limit } from "./format/amounts";
import { awardSchema, type Award } from "./format/programme";
import { compileSet, conditionOf, fact, programmeInput, run } from "./test-support";

const WAN = 1_000_000;
const fifty: Component = { kind: "fixed", label: "补助", fen: 50 * WAN };
const limited = (limits: Limit[]) =>
  compileSet([
    programmeInput({ limits, amount: [fifty], facts: [fact("projectCode", "text")] }),
    programmeInput({ id: "other-prog" }),
  ]).programmes.get("test-prog")!;
const award = (programme: string, year: number, wan: number): Award => ({ programme, year, amountFen: wan * WAN });
const pending = (programme: string, year: number, wan: number): Award => ({
  ...award(programme, year, wan),
  inProgress: true,
});
const withCode = { projectCode: "P1" };

describe("the award format", () => {
  it("accepts inProgress: true and nothing else in its place, and stays optional", () => {
    expect(awardSchema.safeParse({ programme: "p", year: 2026, amountFen: 1 }).success).toBe(true);
    expect(awardSchema.safeParse({ programme: "p", year: 2026, amountFen: 1, inProgress: true }).success).toBe(true);
    expect(awardSchema.safeParse({ programme: "p", year: 2026, amountFen: 1, inProgress: false }).success).toBe(false);
  });
});

describe("once, against an application in review", () => {
  const cert = limited([{ kind: "once", label: "每次认定(高新技术企业证书有效期三年)奖励一次", validYears: 3 }]);

  it("refuses, saying the application is in review and names the rule once — not 已于…享受", () => {
    const e = run(cert, withCode, { history: [pending("test-prog", 2026, 20)] });
    expect(e.eligible).toBe(false);
    const reason = conditionOf(e, "limit-1-once")!.reason;
    expect(reason).toBe(
      "已有一份在审(2026年度,审核中、公示中或退回补正),在审结束前不能再次申报;每次认定(高新技术企业证书有效期三年)奖励一次(第十四条)",
    );
    expect(reason).not.toContain("享受");
  });

  it("an award beside it is the reason given, worded as before", () => {
    const e = run(cert, withCode, { history: [award("test-prog", 2025, 20), pending("test-prog", 2026, 20)] });
    expect(conditionOf(e, "limit-1-once")!.reason).toBe(
      "已于2025年享受,在认定有效期(3年)内;每次认定(高新技术企业证书有效期三年)奖励一次(第十四条),不再重复支持",
    );
  });

  it("an application of an earlier recognition is set aside as 在审申报, not 支持", () => {
    const e = run(cert, withCode, { history: [pending("test-prog", 2023, 20)] });
    expect(e.eligible).toBe(true);
    expect(conditionOf(e, "limit-1-once")!.reason).toBe("2023年的在审申报属于此前的认定(有效期3年),不属重复享受");
  });
});

describe("caps, against an application in review", () => {
  const p = limited([{ kind: "perEnterprisePerYear", label: "单个企业年度最高不超过100万元", fen: 100 * WAN }]);
  const id = "limit-1-perEnterprisePerYear";

  it("names what is reserved, not received, when the year's cap is used up by it", () => {
    const e = run(p, withCode, { history: [pending("test-prog", 2026, 100)] });
    expect(conditionOf(e, id)).toMatchObject({
      result: "fail",
      reason: "2026年度在审申报预留100万元,已达第十四条规定的最高100万元",
    });
  });

  it("says how much of what is counted is reserved when awards and applications mix", () => {
    const e = run(p, withCode, { history: [award("test-prog", 2026, 60), pending("test-prog", 2026, 20)] });
    expect(e.amountFen).toBe(20 * WAN);
    expect(conditionOf(e, id)!.reason).toBe("2026年度已获80万元(含在审预留20万元),尚可获得20万元");
    expect(e.steps[1]!.description).toContain("(含在审预留20万元)");
  });
});

describe("maxYears, against an application in review", () => {
  const p = limited([{ kind: "maxYears", label: "最多支持三年", years: 3 }]);
  it("says a year with only an application in review has one in review", () => {
    const e = run(p, withCode, {
      history: [award("test-prog", 2023, 10), award("test-prog", 2024, 10), pending("test-prog", 2025, 10)],
    });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, "limit-1-maxYears")!.reason).toBe(
      "已在2023、2024年获得支持,2025年度有申报在审,连同本年度共4年,超过第十四条规定的最多3年",
    );
  });
});

describe("exclusive, against an application in review", () => {
  const p = limited([{ kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per: "year" }]);
  it("calls the other application's amount reserved, not enjoyed", () => {
    const e = run(p, withCode, { history: [pending("other-prog", 2026, 60)] });
    expect(conditionOf(e, "limit-1-exclusive")!.reason).toBe(
      "同类补助在审预留60万元,不低于本项50万元;就高不就低,不重复享受",
    );
  });
});
