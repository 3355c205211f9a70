/**
 * The engine's verdict: fail outweighs unknown, a missing required fact makes
 * the answer unknown, the policy's effective period and application windows
 * are conditions, who may apply is checked against a profile (assumed without
 * one), and an ineligible result pays nothing and says why.
 */
import { describe, expect, it } from "vitest";
import type { Condition } from "./format/conditions";
import {
  compileOne,
  compileSet,
  conditionOf,
  DOC,
  fact,
  profile,
  programmeInput,
  run,
  stepsTotal,
} from "./test-support";

const WAN = 1_000_000;
const atLeast10: Condition = {
  id: "patents",
  label: "专利10件以上",
  test: { test: "compare", fact: "patents", word: "以上", value: 10 },
};
const isHnte: Condition = {
  id: "hnte",
  label: "高新技术企业",
  clause: "10",
  test: { test: "equals", fact: "hnte", value: true },
};
const p = compileOne({
  facts: [fact("patents", "count", { unit: "件" }), fact("hnte", "boolean"), fact("note", "text", { optional: true })],
  conditions: [atLeast10, isHnte],
  amount: [{ kind: "fixed", label: "奖励", fen: 20 * WAN }],
});

describe("eligibility", () => {
  it("is true when every condition passes and every required fact is given", () => {
    const e = run(p, { patents: 10, hnte: true });
    expect(e).toMatchObject({ programme: "test-prog", eligible: true, amountFen: 20 * WAN, missing: [], assumed: [] });
    expect(e.conditions.map((c) => [c.id, c.result])).toEqual([
      ["patents", "pass"],
      ["hnte", "pass"],
    ]);
    expect(e.amountNote).toBeUndefined();
  });

  it("is false when one condition fails even if another is unknown", () => {
    const e = run(p, { patents: 9 });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, "hnte")!.result).toBe("unknown");
  });

  it("pays nothing when ineligible, and the note names the failed condition", () => {
    const e = run(p, { patents: 9, hnte: true });
    expect(e).toMatchObject({
      eligible: false,
      amountFen: 0,
      steps: [],
      amountNote: "不符合条件:patents项为9件,未达到第十四条规定的“10件以上”",
    });
  });

  it("lists every failed condition in the note", () => {
    expect(run(p, { patents: 9, hnte: false }).amountNote).toBe(
      "不符合条件:patents项为9件,未达到第十四条规定的“10件以上”;hnte项:否(第十条要求是)",
    );
  });

  it("is unknown when a required fact is missing, and names it with its label", () => {
    const e = run(p, { patents: 12 });
    expect(e).toMatchObject({ eligible: "unknown", missing: [{ fact: "hnte", label: "hnte项" }] });
    // The amount does not depend on the missing fact, so it is still estimated.
    expect(e.amountFen).toBe(20 * WAN);
  });

  it("is unknown when a required fact no condition reads is missing", () => {
    const q = compileOne({ facts: [fact("employees", "count")] });
    expect(run(q, {})).toMatchObject({ eligible: "unknown", missing: [{ fact: "employees" }], amountFen: 100 });
  });

  it("does not wait for an optional fact", () => {
    expect(run(p, { patents: 12, hnte: true }).eligible).toBe(true);
  });

  it("cites a condition's own clause", () => {
    expect(conditionOf(run(p, { patents: 12, hnte: true }), "hnte")).toMatchObject({
      clause: "第十条",
      label: "高新技术企业",
    });
  });

  it("gives the same answer twice from the same input (no hidden state)", () => {
    const facts = { patents: 12, hnte: true };
    expect(run(p, facts)).toEqual(run(p, facts));
  });
});

describe("effective period", () => {
  const dated = compileSet([programmeInput()], {
    documents: [{ ...DOC, effectiveFrom: "2021-01-01", effectiveTo: "2023-12-31" }],
  }).list[0]!;
  it.each([
    ["2020-12-31", false],
    ["2021-01-01", true],
    ["2023-12-31", true],
    ["2024-01-01", false],
  ])("on %s, eligible is %s", (date, ok) => {
    expect(run(dated, {}, { date }).eligible).toBe(ok);
  });

  it("says when the policy starts and when it expired", () => {
    expect(conditionOf(run(dated, {}, { date: "2020-12-31" }), "effective")).toMatchObject({
      result: "fail",
      reason: "“测试政策文件”自2021-01-01起施行,尚未施行",
    });
    expect(conditionOf(run(dated, {}, { date: "2024-01-01" }), "effective")).toMatchObject({
      result: "fail",
      reason: "“测试政策文件”有效期至2023-12-31,已到期",
    });
  });

  it("starts from the document's issue date when it names no start, and never expires without an end", () => {
    const q = compileOne();
    expect(q).toMatchObject({ effectiveFrom: "2020-01-01", effectiveTo: null });
    expect(run(q, {}, { date: "2019-12-31" }).eligible).toBe(false);
    expect(run(q, {}, { date: "2099-01-01" }).eligible).toBe(true);
  });
});

describe("application windows", () => {
  const q = compileOne({
    windows: [
      { from: "2026-03-01", to: "2026-04-30" },
      { from: "2026-09-01", to: "2026-09-30" },
    ],
  });
  it.each([
    ["2026-02-28", false],
    ["2026-03-01", true],
    ["2026-04-30", true],
    ["2026-05-01", false],
    ["2026-09-15", true],
  ])("on %s, eligible is %s", (date, ok) => {
    expect(run(q, {}, { date }).eligible).toBe(ok);
  });

  it("lists the windows when outside them", () => {
    expect(conditionOf(run(q, {}, { date: "2026-05-01" }), "window")!.reason).toBe(
      "不在申报期内(申报期:2026-03-01至2026-04-30;2026-09-01至2026-09-30)",
    );
  });

  it("is open all the time without windows", () => {
    expect(conditionOf(run(compileOne(), {}), "window")).toBeUndefined();
  });
});

describe("who may apply", () => {
  const q = compileOne({
    applicants: { zh: "高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"], industries: ["new-materials"] },
  });

  it("assumes the applicant's qualification and industry without a profile, and says so", () => {
    const e = run(q, {});
    expect(e).toMatchObject({ eligible: true, assumed: ["按申报主体为高新技术企业估算", "按所属行业为新材料估算"] });
    expect(e.conditions.filter((c) => c.id.startsWith("applicant-"))).toEqual([]);
  });

  it("checks both against a profile", () => {
    const e = run(q, {}, { profile: profile(["hnte"], "new-materials") });
    expect(e).toMatchObject({ eligible: true, assumed: [] });
    expect(conditionOf(e, "applicant-hnte")).toMatchObject({ result: "pass", label: "申报主体为高新技术企业" });
    expect(conditionOf(e, "applicant-industry")).toMatchObject({ result: "pass", reason: "所属行业为新材料" });
  });

  it("fails a profile without the qualification", () => {
    const e = run(q, {}, { profile: profile(["tech-sme"], "new-materials") });
    expect(e).toMatchObject({ eligible: false, amountFen: 0 });
    expect(conditionOf(e, "applicant-hnte")).toMatchObject({
      result: "fail",
      reason: "没有经核验、在有效期内的高新技术企业资格",
    });
  });

  it("fails a profile in another industry, and is unknown when the profile names none", () => {
    expect(conditionOf(run(q, {}, { profile: profile(["hnte"], "textiles") }), "applicant-industry")!.result).toBe(
      "fail",
    );
    const e = run(q, {}, { profile: profile(["hnte"]) });
    expect(e.eligible).toBe("unknown");
    expect(conditionOf(e, "applicant-industry")).toMatchObject({ result: "unknown", reason: "企业资料未填所属行业" });
  });
});

describe("steps", () => {
  it("add up to the exact amount, each citing a clause", () => {
    const q = compileOne({
      facts: [fact("patents", "count")],
      amount: [
        { kind: "fixed", label: "甲", fen: 3 * WAN },
        { kind: "perUnit", label: "乙", clause: "10", fact: "patents", fen: WAN, maxUnits: 5 },
      ],
      limits: [{ kind: "perEnterprisePerYear", label: "年度最高7万元", fen: 7 * WAN }],
    });
    const e = run(q, { patents: 9 });
    expect(e.amountFen).toBe(7 * WAN);
    expect(stepsTotal(e)).toBe(7 * WAN);
    expect(e.steps.map((s) => s.clause)).toEqual(["第十四条", "第十条", "第十四条"]);
  });
});

describe("one ratio, one display precision", () => {
  it("shows a ratio near one tier's threshold with the same digits in every branch", () => {
    const tiers = compileOne({
      facts: [fact("rdFen", "money"), fact("revenueFen", "money")],
      conditions: [
        {
          id: "tier",
          label: "研发投入占比达到某一档",
          test: {
            test: "any",
            of: [
              {
                label: "4%档",
                test: { test: "ratio", numerator: "rdFen", denominator: "revenueFen", word: "以上", percent: 4 },
              },
              {
                label: "5%档",
                test: { test: "ratio", numerator: "rdFen", denominator: "revenueFen", word: "以上", percent: 5 },
              },
            ],
          },
        },
      ],
    });
    const reason = conditionOf(run(tiers, { rdFen: 3_999_999, revenueFen: 100_000_000 }), "tier")!.reason;
    expect(reason).toContain("rdFen项占revenueFen项3.9999%,未达到第十四条规定的“4%以上”");
    expect(reason).toContain("rdFen项占revenueFen项3.9999%,未达到第十四条规定的“5%以上”");
  });
});

describe("support in kind", () => {
  it("is tagged once, even where an older label says 不计入 itself", () => {
    const old = compileOne({ amount: [{ kind: "inKind", label: "税前加计扣除(税收优惠,不计入补助)" }] });
    expect(run(old).steps[0]!.description).toBe("税前加计扣除(税收优惠,不计入补助)");
    const plain = compileOne({ amount: [{ kind: "inKind", label: "免租用房" }] });
    expect(run(plain).steps[0]!.description).toBe("免租用房(非资金支持,不计入补助金额)");
  });
});

describe("一事一议 per award item", () => {
  it(
    "is said only when the programme's own sentence says " + "it, not because the clause has another item that does",
    () => {
      const quoted = compileOne({
        clause: "25",
        excerpt: "对重大项目实行一事一议的支持方式",
        amount: [{ kind: "caseByCase", label: "重大项目" }],
      });
      expect(run(quoted).amountNote).toBe("重大项目:一事一议,金额经评审确定");
      const other = compileOne({
        clause: "25",
        excerpt: "对重大项目实行",
        amount: [{ kind: "caseByCase", label: "择优立项" }],
      });
      expect(run(other).amountNote).toBe("择优立项:政策未规定具体金额,金额经评审确定");
    },
  );
});
