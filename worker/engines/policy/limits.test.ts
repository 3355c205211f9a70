/**
 * Limits over the award history: annual and per-project caps (which also cut
 * this application, with a step saying so), once only, at most N years, and
 * 就高不就低 exclusion groups. Limit condition ids are limit-<n>-<kind>.
 */
import { describe, expect, it } from "vitest";
import type { Component, Limit } from "./format/amounts";
import type { Award } from "./format/programme";
import { compileSet, conditionOf, fact, programmeInput, run, stepsTotal } from "./test-support";

const WAN = 1_000_000;
const fifty: Component = { kind: "fixed", label: "补助", fen: 50 * WAN };
/** "test-prog" paying `amount` under `limits`, beside "other-prog" so limits can name it. */
const limited = (limits: Limit[], amount: Component[] = [fifty]) =>
  compileSet([
    programmeInput({ limits, amount, facts: [fact("projectCode", "text")] }),
    programmeInput({ id: "other-prog" }),
  ]).programmes.get("test-prog")!;
const award = (programme: string, year: number, wan: number, projectCode?: string): Award => ({
  programme,
  year,
  amountFen: wan * WAN,
  ...(projectCode ? { projectCode } : {}),
});
const withCode = { projectCode: "P1" };

describe("perEnterprisePerYear", () => {
  const p = limited([{ kind: "perEnterprisePerYear", label: "单个企业年度最高不超过100万元", fen: 100 * WAN }]);
  const id = "limit-1-perEnterprisePerYear";

  it("passes with no history and pays the whole amount", () => {
    const e = run(p, withCode);
    expect(e).toMatchObject({ eligible: true, amountFen: 50 * WAN });
    expect(conditionOf(e, id)).toMatchObject({
      result: "pass",
      reason: "2026年度尚未获得,最高100万元",
      clause: "第十四条",
    });
  });

  it("pays the whole amount when what is left covers it", () => {
    expect(run(p, withCode, { history: [award("test-prog", 2026, 50)] }).amountFen).toBe(50 * WAN);
  });

  it("cuts the amount to what is left this year, with a step that keeps the sum right", () => {
    const e = run(p, withCode, { history: [award("test-prog", 2026, 80)] });
    expect(e.amountFen).toBe(20 * WAN);
    expect(e.steps[1]).toEqual({
      clause: "第十四条",
      description: "单个企业年度最高不超过100万元:2026年度已获80万元,尚可获得20万元,本次按20万元计",
      valueFen: -30 * WAN,
    });
    expect(stepsTotal(e)).toBe(20 * WAN);
  });

  it("fails once the year's cap is used up", () => {
    const e = run(p, withCode, { history: [award("test-prog", 2026, 60), award("test-prog", 2026, 40)] });
    expect(e).toMatchObject({ eligible: false, amountFen: 0 });
    expect(conditionOf(e, id)).toMatchObject({
      result: "fail",
      reason: "2026年度已获100万元,已达第十四条规定的最高100万元",
    });
  });

  it("ignores other years and programmes outside its scope", () => {
    expect(
      run(p, withCode, { history: [award("test-prog", 2025, 100), award("other-prog", 2026, 100)] }).amountFen,
    ).toBe(50 * WAN);
  });

  it("counts the programmes a shared cap names", () => {
    const shared = limited([
      { kind: "perEnterprisePerYear", label: "合计最高100万元", fen: 100 * WAN, programmes: ["other-prog"] },
    ]);
    expect(run(shared, withCode, { history: [award("other-prog", 2026, 70)] }).amountFen).toBe(30 * WAN);
    expect(run(shared, withCode, { history: [award("other-prog", 2026, 100)] }).eligible).toBe(false);
  });

  it("caps the top of a review range, and the bottom with it when the top falls below", () => {
    const r = limited(
      [{ kind: "perEnterprisePerYear", label: "年度最高", fen: 100 * WAN }],
      [{ kind: "review", label: "评审", minFen: 30 * WAN, maxFen: 100 * WAN }],
    );
    expect(run(r, withCode, { history: [award("test-prog", 2026, 50)] }).range).toEqual({
      minFen: 30 * WAN,
      maxFen: 50 * WAN,
    });
    expect(run(r, withCode, { history: [award("test-prog", 2026, 80)] })).toMatchObject({
      range: { minFen: 20 * WAN, maxFen: 20 * WAN },
      amountNote: "金额经评审确定,为20万元",
    });
  });
});

describe("perProject", () => {
  const p = limited(
    [{ kind: "perProject", label: "单个项目不超过300万元", fen: 300 * WAN, projectFact: "projectCode" }],
    [{ kind: "fixed", label: "补助", fen: 200 * WAN }],
  );
  const id = "limit-1-perProject";

  it("counts earlier awards to the same project only", () => {
    const history = [award("test-prog", 2024, 150, "P1"), award("test-prog", 2025, 280, "P2")];
    const e = run(p, withCode, { history });
    expect(e.amountFen).toBe(150 * WAN);
    expect(conditionOf(e, id)!.reason).toBe("项目P1已获150万元,尚可获得150万元");
  });

  it("knows an earlier award's project from the facts it was made on when no code was recorded", () => {
    const earlier = { ...award("test-prog", 2024, 150), facts: { projectCode: "P1" } };
    const other = { ...award("test-prog", 2025, 280), facts: { projectCode: "P2" } };
    const e = run(p, withCode, { history: [earlier, other] });
    expect(e.amountFen).toBe(150 * WAN);
    expect(conditionOf(e, id)!.reason).toBe("项目P1已获150万元,尚可获得150万元");
  });

  it("fails when the project's total is reached, in any year", () => {
    const e = run(p, withCode, { history: [award("test-prog", 2020, 300, "P1")] });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, id)!.reason).toBe("项目P1已获300万元,已达第十四条规定的最高300万元");
  });

  it("without a required project code, the cap is unknown and the code is asked for", () => {
    const e = run(p, {}, { history: [award("test-prog", 2024, 300, "P1")] });
    expect(e).toMatchObject({ eligible: "unknown", amountFen: 200 * WAN, missing: [{ fact: "projectCode" }] });
    expect(conditionOf(e, id)).toMatchObject({
      result: "unknown",
      reason: "需提供projectCode项,才能核对同一项目已获的扶持(单个项目最高300万元)",
    });
  });

  it("without an optional project code, passes and says the project's earlier awards were not checked", () => {
    const optional = compileSet([
      programmeInput({
        limits: [{ kind: "perProject", label: "单个项目最高50万元", fen: 50 * WAN, projectFact: "projectCode" }],
        facts: [fact("projectCode", "text", { optional: true })],
      }),
    ]).programmes.get("test-prog")!;
    const e = run(optional, {}, { history: [award("test-prog", 2024, 50, "P1")] });
    expect(e.eligible).toBe(true);
    expect(conditionOf(e, id)).toMatchObject({
      result: "pass",
      reason: "未填projectCode项,未核对同一项目此前已获的扶持;单个项目最高50万元,由主管部门核定",
    });
    expect(run(optional, { projectCode: "P1" }, { history: [award("test-prog", 2024, 50, "P1")] })).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
  });
});

describe("once", () => {
  const p = limited([{ kind: "once", label: "单个企业只扶持一次" }]);
  it("passes for an enterprise never supported", () => {
    expect(conditionOf(run(p, withCode, { history: [award("other-prog", 2024, 10)] }), "limit-1-once")).toMatchObject({
      result: "pass",
      reason: "此前未享受过该项支持",
    });
  });

  it("fails after any earlier award, naming its years", () => {
    const e = run(p, withCode, { history: [award("test-prog", 2024, 10), award("test-prog", 2021, 10)] });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, "limit-1-once")!.reason).toBe(
      "已于2021、2024年享受;单个企业只扶持一次(第十四条),不再重复支持",
    );
  });
});

describe("once per recognition", () => {
  const levels = compileSet([
    programmeInput({
      facts: [fact("level", "choice"), fact("kindOf", "choice", { optional: true })],
      amount: [
        { kind: "byChoice", label: "认定奖励", fact: "level", amounts: { a: 10 * WAN, b: 30 * WAN, c: 50 * WAN } },
      ],
      limits: [
        { kind: "once", label: "每次认定一次", per: ["kindOf"], upgrade: { fact: "level", order: ["a", "b", "c"] } },
      ],
    }),
  ]).programmes.get("test-prog")!;
  const withFacts = (year: number, facts: Award["facts"]): Award => ({
    programme: "test-prog",
    year,
    amountFen: 10 * WAN,
    facts,
  });

  it("an earlier award at a lower level is the recognition this one upgrades: the full amount", () => {
    const e = run(levels, { level: "c" }, { history: [withFacts(2024, { level: "a" })] });
    expect(e).toMatchObject({ eligible: true, amountFen: 50 * WAN });
    expect(conditionOf(e, "limit-1-once")!.reason).toBe("2024年按甲档获得支持,本次升为丙档,不属重复享受");
  });

  it("an earlier award at the same or a higher level is a repeat", () => {
    expect(run(levels, { level: "b" }, { history: [withFacts(2024, { level: "b" })] }).eligible).toBe(false);
    expect(run(levels, { level: "a" }, { history: [withFacts(2024, { level: "c" })] }).eligible).toBe(false);
  });

  it("an earlier award without its facts counts as a repeat, and says what would show otherwise", () => {
    const e = run(levels, { level: "c" }, { history: [award("test-prog", 2024, 10)] });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, "limit-1-once")!.reason).toBe(
      "已于2024年享受;每次认定一次(第十四条),不再重复支持;当时的记录未载明kindOf项、level项,按同一认定计,如属另一认定或升级请补充记录",
    );
  });

  it("an earlier award naming another recognition is not a repeat; one naming this one is", () => {
    expect(
      run(levels, { level: "b", kindOf: "a" }, { history: [withFacts(2024, { level: "b", kindOf: "b" })] }).eligible,
    ).toBe(true);
    expect(
      run(levels, { level: "b", kindOf: "a" }, { history: [withFacts(2024, { level: "b", kindOf: "a" })] }).eligible,
    ).toBe(false);
  });

  it("asks for the identifying fact when an earlier award recorded it and this one does not", () => {
    const e = run(levels, { level: "b" }, { history: [withFacts(2024, { level: "b", kindOf: "b" })] });
    expect(e.eligible).toBe("unknown");
    expect(conditionOf(e, "limit-1-once")).toMatchObject({
      result: "unknown",
      reason: "已于2024年享受过该项支持;需提供kindOf项,才能判断本次是否为另一认定或升级",
    });
  });

  it("validYears: an award within the recognition's validity is a repeat; at its end a new recognition", () => {
    const cert = limited([{ kind: "once", label: "每次认定一次", validYears: 3 }]);
    expect(run(cert, withCode, { history: [award("test-prog", 2024, 20)] }).eligible).toBe(false);
    expect(conditionOf(run(cert, withCode, { history: [award("test-prog", 2024, 20)] }), "limit-1-once")!.reason).toBe(
      "已于2024年享受,在认定有效期(3年)内;每次认定一次(第十四条),不再重复支持",
    );
    const e = run(cert, withCode, { history: [award("test-prog", 2023, 20)] });
    expect(e.eligible).toBe(true);
    expect(conditionOf(e, "limit-1-once")!.reason).toBe("2023年的支持属于此前的认定(有效期3年),不属重复享受");
  });

  it("validYears 1 is once a year, across the programmes it names", () => {
    const yearly = limited([{ kind: "once", label: "每年一次", validYears: 1, programmes: ["other-prog"] }]);
    expect(run(yearly, withCode, { history: [award("other-prog", 2026, 10)] })).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
    expect(
      conditionOf(run(yearly, withCode, { history: [award("other-prog", 2026, 10)] }), "limit-1-once")!.reason,
    ).toBe("已于2026年享受,本年度已获支持;每年一次(第十四条),不再重复支持");
    expect(run(yearly, withCode, { history: [award("other-prog", 2025, 10)] }).eligible).toBe(true);
  });
});

describe("maxYears", () => {
  const p = limited([{ kind: "maxYears", label: "最多支持三年", years: 3 }]);
  const years = (...ys: number[]) => ys.map((y) => award("test-prog", y, 10));

  it(
    "passes with support in N − 1 earlier years, counting this year as the Nth (several awards in one year count " +
      "once)",
    () => {
      const e = run(p, withCode, { history: [...years(2023, 2024), award("test-prog", 2024, 5)] });
      expect(e.eligible).toBe(true);
      expect(conditionOf(e, "limit-1-maxYears")!.reason).toBe("已在2023、2024年获得支持,连同本年度共3年,最多支持3年");
    },
  );

  it("fails with support in N earlier years: this year would be the N+1th", () => {
    const e = run(p, withCode, { history: years(2023, 2024, 2025) });
    expect(e.eligible).toBe(false);
    expect(conditionOf(e, "limit-1-maxYears")!.reason).toBe(
      "已在2023、2024、2025年获得支持,连同本年度共4年,超过第十四条规定的最多3年",
    );
  });

  it("counts an award of the current year as this year, never as “此前未获支持”", () => {
    const e = run(p, withCode, { history: years(2026) });
    expect(conditionOf(e, "limit-1-maxYears")!.reason).toBe("已在2026年获得支持(含本年度)共1年,最多支持3年");
    expect(run(p, withCode).conditions.find((c) => c.id === "limit-1-maxYears")!.reason).toBe(
      "最多支持3年,2026年为第1年",
    );
    // N years including this one is the limit, not over it; a second award in the year is for
    // a once-a-year limit to refuse.
    expect(run(p, withCode, { history: years(2024, 2025, 2026) }).eligible).toBe(true);
  });

  it("ignores years after the evaluation date", () => {
    expect(run(p, withCode, { history: years(2024, 2025, 2027) }).eligible).toBe(true);
  });
});

describe("exclusive (就高不就低,不重复享受)", () => {
  const group = (per: "year" | "ever") =>
    limited([{ kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per }]);
  const id = "limit-1-exclusive";

  it("passes with nothing from the group", () => {
    expect(conditionOf(run(group("year"), withCode, { history: [award("test-prog", 2026, 30)] }), id)).toMatchObject({
      result: "pass",
      reason: "未享受同类补助",
    });
  });

  it.each([
    ["lower", 50],
    ["higher", 80],
  ])("fails when the other award is not lower (%s: %s万)", (_, other) => {
    const e = run(group("year"), withCode, { history: [award("other-prog", 2026, other)] });
    expect(e).toMatchObject({ eligible: false, amountFen: 0 });
    expect(conditionOf(e, id)!.reason).toBe(`已享受同类补助${other}万元,不低于本项50万元;就高不就低,不重复享受`);
  });

  it("pays only the difference when this one is higher, with a negative step", () => {
    const e = run(group("year"), withCode, { history: [award("other-prog", 2026, 30), award("other-prog", 2026, 10)] });
    expect(e.amountFen).toBe(20 * WAN);
    expect(e.steps[1]).toEqual({
      clause: "第十四条",
      description: "就高不就低:扣除已享受的同类补助30万元",
      valueFen: -30 * WAN,
    });
    expect(stepsTotal(e)).toBe(20 * WAN);
  });

  it("per year ignores another year's award; per ever counts it", () => {
    const history = [award("other-prog", 2019, 30)];
    expect(run(group("year"), withCode, { history }).amountFen).toBe(50 * WAN);
    expect(run(group("ever"), withCode, { history }).amountFen).toBe(20 * WAN);
  });

  it("cannot compare before the amount is known", () => {
    const q = compileSet([
      programmeInput({
        facts: [fact("patents", "count")],
        amount: [{ kind: "perUnit", label: "每件", fact: "patents", fen: WAN }],
        limits: [{ kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per: "year" }],
      }),
      programmeInput({ id: "other-prog" }),
    ]).programmes.get("test-prog")!;
    const e = run(q, {}, { history: [award("other-prog", 2026, 5)] });
    expect(e).toMatchObject({ eligible: "unknown", amountFen: null });
    expect(conditionOf(e, id)).toMatchObject({
      result: "unknown",
      reason: "已享受同类补助5万元;就高不就低,需算出本项金额后比较",
    });
  });

  it("cannot compare with an amount set case by case (一事一议): unknown, not a failure against 0", () => {
    const c = limited(
      [{ kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per: "year" }],
      [{ kind: "caseByCase", label: "重大项目" }],
    );
    const e = run(c, withCode, { history: [award("other-prog", 2026, 30)] });
    expect(e).toMatchObject({ eligible: "unknown", amountFen: null });
    expect(conditionOf(e, id)!.result).toBe("unknown");
  });

  it("deducts the other award from both ends of a review range", () => {
    const r = limited(
      [{ kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per: "year" }],
      [{ kind: "review", label: "评审", minFen: 30 * WAN, maxFen: 100 * WAN }],
    );
    // Paid = the reviewed amount (30万–100万) less 20万: 10万–80万.
    expect(run(r, withCode, { history: [award("other-prog", 2026, 20)] }).range).toEqual({
      minFen: 10 * WAN,
      maxFen: 80 * WAN,
    });
    // Less 50万: anything from nothing (a reviewed amount at or under 50万 is not paid) to 50万.
    expect(run(r, withCode, { history: [award("other-prog", 2026, 50)] }).range).toEqual({
      minFen: 0,
      maxFen: 50 * WAN,
    });
  });
});

describe("several limits", () => {
  it("apply in order, each numbered, each step accounted for", () => {
    const p = limited([
      { kind: "perEnterprisePerYear", label: "年度最高60万元", fen: 60 * WAN },
      { kind: "exclusive", label: "就高不就低", programmes: ["other-prog"], per: "year" },
    ]);
    const e = run(p, withCode, { history: [award("test-prog", 2026, 20), award("other-prog", 2026, 15)] });
    // 50万 cut to the 40万 left this year, then less the 15万 already received from the group.
    expect(e.amountFen).toBe(25 * WAN);
    expect(e.conditions.filter((c) => c.id.startsWith("limit-")).map((c) => [c.id, c.result])).toEqual([
      ["limit-1-perEnterprisePerYear", "pass"],
      ["limit-2-exclusive", "pass"],
    ]);
    expect(stepsTotal(e)).toBe(25 * WAN);
  });
});
