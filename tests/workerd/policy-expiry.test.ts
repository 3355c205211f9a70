/**
 * Changzhi's 2021—2023 plan expired on 2023-12-31, and the engine knows it
 * (decision 0013): through the real Worker, the estimate API, 政策找企业 for
 * members and for staff and the programme API all answer its programmes as not
 * eligible (or ending 2023-12-31) with a reason naming the document and its end
 * date — while an estimate dated inside the period is answered as before.
 * Reads only: nothing is published here.
 */
import { describe, expect, it } from "vitest";
import { call, login, postJson, sessionCookie } from "./auth-support";
import { recomputeMatches } from "./programme-matches-support";

const CZ = "changzhi.localhost";
const PROGRAMME = "changzhi-rd-post-subsidy";
const REASON = "(长高发〔2020〕65号)有效期至2023-12-31,已到期";
/** The demo 贴息 programme (演示, issue 19) rests on its own document, in force 2025—2027: not the plan's. */
const DEMO_LOAN_PROGRAMME = "changzhi-loan-interest-subsidy";
type Condition = { id: string; result: string; reason: string };
type Result = { eligible: unknown; amountFen: number | null; conditions: Condition[]; amountNote?: string };
const effective = (r: Result) => r.conditions.find((c) => c.id === "effective");

async function signIn(who: string) {
  return sessionCookie(await login("changzhi", `${who}@changzhi.demo`, "Demo-changzhi-2026"));
}

describe("Changzhi's expired plan in the engine's answers", () => {
  it(
    "POST /api/v1/policy/estimate: not eligible today, naming the document and its end date; " +
      "eligible on a day inside the period",
    async () => {
      const res = await postJson(CZ, "/api/v1/policy/estimate", { programme: PROGRAMME, facts: {} });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Result;
      expect(body.eligible).toBe(false);
      expect(body.amountFen).toBe(0);
      expect(effective(body)).toMatchObject({ result: "fail", reason: expect.stringContaining(REASON) });
      expect(body.amountNote).toContain(REASON);

      const then = await postJson(CZ, "/api/v1/policy/estimate", {
        programme: PROGRAMME,
        facts: {},
        date: "2023-06-30",
      });
      expect(then.status).toBe(200);
      const inPeriod = (await then.json()) as Result;
      expect(inPeriod.eligible).toBe(true);
      expect(effective(inPeriod)).toBeUndefined();
    },
  );

  it("GET /api/v1/policy/matches: no programme is eligible, each failing on the document's validity", async () => {
    const res = await call(CZ, "GET", "/api/v1/policy/matches", { cookie: await signIn("enterprise") });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { matches: { programme: { id: string }; tier: string; result: Result }[] };
    const plan = body.matches.filter((m) => m.programme.id !== DEMO_LOAN_PROGRAMME);
    expect(plan.length).toBeGreaterThan(0);
    for (const m of plan) {
      expect(m.result.eligible, m.programme.id).toBe(false);
      expect(m.tier).toBe("ineligible");
      expect(effective(m.result)?.reason, m.programme.id).toContain(REASON);
    }
  });

  it("staff 政策找企业 finds no enterprise eligible for its programmes", async () => {
    await recomputeMatches(PROGRAMME, { on: CZ, cookie: await signIn("reviewer") });
    const res = await call(CZ, "GET", `/api/v1/admin/policy/programmes/${PROGRAMME}/matches`, {
      cookie: await signIn("reviewer"),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      counts: { eligible: number; confirm: number };
      enterprises: { result: Result }[];
    };
    expect(body.counts).toMatchObject({ eligible: 0, confirm: 0 });
    expect(body.enterprises.length).toBeGreaterThan(0);
    for (const e of body.enterprises) expect(effective(e.result)?.reason).toContain(REASON);
  });

  it("the programme API gives its effective period ending on 2023-12-31", async () => {
    const one = (await (await call(CZ, "GET", `/api/v1/policy/programmes/${PROGRAMME}`)).json()) as {
      effective: { from: string; to: string | null };
    };
    expect(one.effective).toEqual({ from: "2020-11-20", to: "2023-12-31" });
    const all = (await (await call(CZ, "GET", "/api/v1/policy/programmes")).json()) as {
      programmes: { id: string; effective: { to: string | null } }[];
    };
    const plan = all.programmes.filter((p) => p.id !== DEMO_LOAN_PROGRAMME);
    expect(plan.every((p) => p.effective.to === "2023-12-31")).toBe(true);
    expect(all.programmes.find((p) => p.id === DEMO_LOAN_PROGRAMME)?.effective.to).toBe("2027-12-31");
  });
});
