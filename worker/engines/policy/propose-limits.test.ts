import { describe, expect, it } from "vitest";
import { compilePolicySet } from "./compile";
import type { ProgrammeInput } from "./format/programme";
import { proposeProgrammeCases } from "./propose-cases";
import { compileSet, fact, NAMES, programmeInput } from "./test-support";

/** The proposals for a programme with no case (as a new one from the form), by the kind they probe. */
function proposed(over: Partial<ProgrammeInput>, others: ProgrammeInput[] = []) {
  const p = programmeInput(over);
  const compiled = compileSet([p, ...others]);
  const bare = compilePolicySet({ ...compiled.set, cases: [] }, NAMES);
  return proposeProgrammeCases(bare, p.id).cases.filter((x) => x.case.name.includes("·限额:"));
}
const said = (xs: ReturnType<typeof proposed>) => xs.map((x) => [x.why.split(":")[0], x.result]);
const WAN = 1_000_000;
const costly = {
  facts: [fact("costFen", "money")],
  amount: [{ kind: "percent" as const, label: "补助", base: { fact: "costFen" }, percent: 50 }],
};

describe("proposals for limits across applications", () => {
  it("a yearly cap: reached this year, a remainder, and last year's award not counted", () => {
    const out = proposed({
      ...costly,
      limits: [{ kind: "perEnterprisePerYear", label: "单个企业年度最高补助金额不超过100万元", fen: 100 * WAN }],
    });
    expect(said(out)).toEqual([
      ["本年度已获满100万元(单个企业年度最高补助金额不超过100万元)", "不符合条件"],
      ["本年度已获75万元,尚余25万元(单个企业年度最高补助金额不超过100万元)", "符合条件,补助25万元"],
      ["上一年度已获100万元,不计入本年度(单个企业年度最高补助金额不超过100万元)", "符合条件,补助50万元"],
    ]);
    expect(out[0]!.case.history).toEqual([{ programme: "test-prog", year: 2026, amountFen: 100 * WAN }]);
  });

  it("once: received before is refused; an older recognition, another one and an upgrade are not repeats", () => {
    const out = proposed({
      facts: [fact("level", "choice"), fact("platformName", "text")],
      amount: [{ kind: "byChoice", label: "奖励", fact: "level", amounts: { a: 10 * WAN, b: 20 * WAN, c: 30 * WAN } }],
      limits: [
        {
          kind: "once",
          label: "每次认定奖励一次",
          per: ["platformName"],
          upgrade: { fact: "level", order: ["a", "b", "c"] },
          validYears: 3,
        },
      ],
    });
    expect(said(out)).toEqual([
      ["2025年已享受过本项支持(每次认定奖励一次)", "不符合条件"],
      ["2023年的支持已超出认定有效期3年(每次认定奖励一次)", "符合条件,补助10万元"],
      ["2025年的支持针对另一platformName项(示例001-2)(每次认定奖励一次)", "符合条件,补助10万元"],
      ["2025年按甲档获得支持,本次升为丙档(每次认定奖励一次)", "符合条件,补助30万元"],
    ]);
    expect(out[0]!.case.history[0]!.facts).toEqual({ platformName: "示例001", level: "a" });
    expect(out[3]!.case.facts.level).toBe("c");
  });

  it("at most N years: the last year allowed passes, one more does not", () => {
    const out = proposed({ limits: [{ kind: "maxYears", label: "最多支持三年", years: 3 }] });
    expect(said(out)).toEqual([
      ["此前2年已获支持,本年度为第3年(最多支持三年)", "符合条件,补助1元"],
      ["此前3年已获支持,本年度将是第4年(最多支持三年)", "不符合条件"],
    ]);
    expect(out[1]!.case.history.map((a) => a.year)).toEqual([2023, 2024, 2025]);
  });

  it("就高不就低: a lower award of the group is topped up, one not lower refuses", () => {
    const other = programmeInput({ id: "test-other", title: { zh: "另一项目", en: "Other" } });
    const out = proposed(
      { ...costly, limits: [{ kind: "exclusive", label: "就高不就低", programmes: ["test-other"], per: "year" }] },
      [other],
    );
    expect(said(out)).toEqual([
      ["本年度已享受「另一项目」25万元,低于本项(就高不就低)", "符合条件,补助25万元"],
      ["本年度已享受「另一项目」50万元,不低于本项(就高不就低)", "不符合条件"],
    ]);
    expect(out[0]!.why).toContain("2026年已获「另一项目」25万元");
  });

  it("a per-project cap counts the awards to the same project", () => {
    const out = proposed({
      facts: [...costly.facts, fact("projectCode", "text")],
      amount: costly.amount,
      limits: [{ kind: "perProject", label: "单个项目不超过60万元", fen: 60 * WAN, projectFact: "projectCode" }],
    });
    expect(said(out)).toEqual([
      ["同一项目已获60万元(单个项目不超过60万元)", "不符合条件"],
      ["同一项目已获35万元,尚余25万元(单个项目不超过60万元)", "符合条件,补助25万元"],
    ]);
  });
});
