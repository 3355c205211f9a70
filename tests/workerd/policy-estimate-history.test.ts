// biome-ignore-all lint/suspicious/noExplicitAny: these tests read JSON answers of many shapes loosely.
/**
 * The public estimate contract with award history (issue 13): limits judged
 * against the awards a visitor states and the evaluation date; malformed
 * history or date is a 400 naming the entry. Zibo's 技术合同 award is capped
 * at 30万 per enterprise per year (clause 21); its 首次申报高企未通过 subsidy
 * is once only (clause 15).
 */
import { describe, expect, it } from "vitest";
import { postJson } from "./auth-support";

const host = "zibo.localhost";
const WAN = 1_000_000;
const DEAL = "zibo-tech-contract";
const FIRST_FAIL = "zibo-hitech-first-fail";

async function estimate(body: Record<string, unknown>) {
  const res = await postJson(host, "/api/v1/policy/estimate", body);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const deal = (history: unknown[], extra: Record<string, unknown> = {}) =>
  estimate({ programme: DEAL, facts: { contractAmountFen: 1200 * WAN }, history, date: "2026-06-30", ...extra });
const explanation = (b: Record<string, any>) =>
  [
    ...b.conditions.map((c: { reason: string }) => c.reason),
    ...b.steps.map((s: { description: string }) => s.description),
    b.amountNote ?? "",
  ].join(" ");

describe("POST /api/v1/policy/estimate with history: a yearly cap", () => {
  it("gives the full 30万 with no earlier award, and with an award of another year", async () => {
    expect((await deal([])).body).toMatchObject({ eligible: true, amountFen: 30 * WAN });
    const lastYear = await deal([{ programme: DEAL, awardedOn: "2025-11-20", amountFen: 30 * WAN }]);
    expect(lastYear.status).toBe(200);
    expect(lastYear.body).toMatchObject({ eligible: true, amountFen: 30 * WAN });
  });

  it("gives the remainder under the cap, and says what was already awarded this year", async () => {
    const { status, body } = await deal([{ programme: DEAL, awardedOn: "2026-03-01", amountFen: 10 * WAN }]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ eligible: true, amountFen: 20 * WAN });
    expect(explanation(body)).toContain("已获10万元");
  });

  it("gives nothing at the cap and over it", async () => {
    for (const used of [30 * WAN, 45 * WAN]) {
      const { status, body } = await deal([{ programme: DEAL, awardedOn: "2026-03-01", amountFen: used }]);
      expect(status).toBe(200);
      expect(body.amountFen).toBe(0);
      expect(explanation(body)).toContain("2026年度已获");
    }
  });

  it("counts every award of the year together", async () => {
    const { body } = await deal([
      { programme: DEAL, awardedOn: "2026-01-10", amountFen: 12 * WAN },
      { programme: DEAL, awardedOn: "2026-05-10", amountFen: 12 * WAN },
    ]);
    expect(body.amountFen).toBe(6 * WAN);
  });

  it("takes the year from `date`: a 2026 award does not count in 2027, a 2027 one does", async () => {
    const award = { programme: DEAL, awardedOn: "2026-03-01", amountFen: 30 * WAN };
    expect((await deal([award], { date: "2026-12-31" })).body.amountFen).toBe(0);
    expect((await deal([award], { date: "2027-01-04" })).body).toMatchObject({ eligible: true, amountFen: 30 * WAN });
    expect((await deal([{ ...award, awardedOn: "2027-01-02" }], { date: "2027-01-04" })).body.amountFen).toBe(0);
  });
});

describe("POST /api/v1/policy/estimate with history: once only", () => {
  it("is not eligible once the award is in the history, and says since when", async () => {
    const fresh = await estimate({ programme: FIRST_FAIL, facts: { agencyFeeFen: 5 * WAN }, history: [] });
    expect(fresh.body).toMatchObject({ eligible: true, amountFen: 3 * WAN });
    const { status, body } = await estimate({
      programme: FIRST_FAIL,
      facts: { agencyFeeFen: 5 * WAN },
      history: [{ programme: FIRST_FAIL, awardedOn: "2024-08-15", amountFen: 3 * WAN }],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ eligible: false, amountFen: 0 });
    const once = body.conditions.find((c: { id: string }) => c.id.endsWith("-once"));
    expect(once).toMatchObject({ result: "fail" });
    expect(once.reason).toContain("2024");
  });

  it("ignores awards of other programmes", async () => {
    const { body } = await estimate({
      programme: FIRST_FAIL,
      facts: { agencyFeeFen: 5 * WAN },
      history: [{ programme: DEAL, awardedOn: "2024-08-15", amountFen: 3 * WAN }],
    });
    expect(body).toMatchObject({ eligible: true, amountFen: 3 * WAN });
  });
});

describe("POST /api/v1/policy/estimate: malformed history and date are 400s naming the entry", () => {
  const ok = { programme: DEAL, awardedOn: "2026-03-01", amountFen: 10 * WAN };

  it("names the entry and field of a bad date, amount or programme", async () => {
    const { status, body } = await deal([
      ok,
      ok,
      { ...ok, awardedOn: "2026-02-30" },
      { ...ok, amountFen: 1.5 },
      { ...ok, programme: "Bad Id!" },
      { ...ok, amountFen: -1 },
    ]);
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields).sort()).toEqual([
      "history.2.awardedOn",
      "history.3.amountFen",
      "history.4.programme",
      "history.5.amountFen",
    ]);
    expect(body.error.fields["history.2.awardedOn"]).toContain("不是日历上的日期");
  });

  it("refuses an award dated after the evaluation date or before 1990", async () => {
    const late = await deal([ok, { ...ok, awardedOn: "2026-07-01" }]);
    expect(late.status).toBe(400);
    expect(late.body.error.fields["history.1.awardedOn"]).toContain("1990-01-01 至 2026-06-30");
    const early = await deal([{ ...ok, awardedOn: "1989-12-31" }]);
    expect(early.status).toBe(400);
    expect(Object.keys(early.body.error.fields)).toEqual(["history.0.awardedOn"]);
  });

  it("bounds the history at 200 entries and an amount at 1e13 fen", async () => {
    expect((await deal(Array.from({ length: 200 }, () => ({ ...ok, amountFen: 0 })))).status).toBe(200);
    const many = await deal(Array.from({ length: 201 }, () => ok));
    expect(many.status).toBe(400);
    expect(Object.keys(many.body.error.fields)).toEqual(["history"]);
    const huge = await deal([{ ...ok, amountFen: 1e13 + 1 }]);
    expect(huge.status).toBe(400);
    expect(Object.keys(huge.body.error.fields)).toEqual(["history.0.amountFen"]);
  });

  it("takes the facts an award was made on, bounded at 40", async () => {
    expect((await deal([{ ...ok, facts: { level: "provincial", contractAmountFen: 100 } }])).status).toBe(200);
    const many = await deal([{ ...ok, facts: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, i])) }]);
    expect(many.status).toBe(400);
    expect(Object.keys(many.body.error.fields)).toEqual(["history.0.facts"]);
  });

  it("refuses an impossible or implausible evaluation date", async () => {
    for (const date of ["2026-13-01", "26-01-01", "1989-12-31", "2099-01-01"]) {
      const { status, body } = await deal([], { date });
      expect(status, date).toBe(400);
      expect(Object.keys(body.error.fields), date).toEqual(["date"]);
    }
  });

  it("refuses an entry with unknown shape: history must be a list of objects", async () => {
    const { status, body } = await deal([{ programme: DEAL }] as unknown[]);
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields).sort()).toEqual(["history.0.amountFen", "history.0.awardedOn"]);
  });
});
