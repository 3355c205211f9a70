/**
 * Calendar-valid but implausible dates are refused with the range in the
 * message: a need valid until 9999-12-31 (it never expired, and stayed on every
 * bank's page), a certificate issued in 1000 or valid until 2099.
 */
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enterpriseQualifications, financingNeeds } from "../../worker/db/schema";
import { addYears } from "../../worker/lib/date-range";
import { dbFor } from "./auth-support";
import { api, FIN, financeEnterprise, inDays, slug } from "./finance-support";

const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const db = () => dbFor(slug);

let member: Awaited<ReturnType<typeof financeEnterprise>>;
beforeAll(async () => {
  member = await financeEnterprise();
});

describe("a financing need's dates", () => {
  const post = (over: Record<string, string>) =>
    api("POST", `${FIN}/needs`, {
      cookie: member.cookie,
      data: {
        amountFen: 300_000_000,
        termMonths: 12,
        purpose: "采购原材料,扩大生产",
        guarantees: ["credit"],
        neededBy: inDays(10),
        validUntil: inDays(60),
        ...over,
      },
    });
  const today = () => inDays(0);

  it("refuses a need valid until 9999-12-31, stating today to a year from today", async () => {
    const res = await post({ validUntil: "9999-12-31" });
    expect(res.status).toBe(422);
    const range = `有效期须在 ${today()} 至 ${addYears(today(), 1)} 之间`;
    expect(res.body.error.fields.validUntil).toBe(range);
    expect(res.body.error.message).toBe(`${range}。`);
    expect(await db().select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, member.id))).toHaveLength(0);
  });

  it("refuses money needed more than a year from now, and accepts the range's last day", async () => {
    const last = addYears(today(), 1);
    expect((await post({ neededBy: inDays(400), validUntil: inDays(400) })).body.error.fields.neededBy).toBe(
      `用款时间须在 ${today()} 至 ${last} 之间`,
    );
    const ok = await post({ neededBy: last, validUntil: last });
    expect(ok.status).toBe(201);
    expect(ok.body.need.validUntil).toBe(last);
  });
});

describe("a qualification certificate's dates", () => {
  const claim = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries({
      code: "above-scale",
      certificateNo: "",
      issuedOn: "",
      validUntil: "",
      ...fields,
    }))
      body.append(k, v);
    return exports.default.fetch(`http://${host}/enterprise/qualifications`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie: member.cookie },
      body,
      redirect: "manual",
    });
  };
  const claims = () =>
    db().select().from(enterpriseQualifications).where(eq(enterpriseQualifications.enterpriseId, member.id));

  it("refuses an issue date in the year 1000 and a validity to 2099, naming each range", async () => {
    const before = await claims();
    const today = inDays(0);
    const old = await claim({ issuedOn: "1000-01-01" });
    expect(old.status).toBe(422);
    expect(await old.text()).toContain(`发证日期须在 ${addYears(today, -20)} 至 ${today} 之间`);
    const far = await claim({ issuedOn: inDays(-30), validUntil: "2099-01-01" });
    expect(far.status).toBe(422);
    expect(await far.text()).toContain(`有效期至须在 ${today} 至 ${addYears(today, 10)} 之间`);
    expect(await claims()).toEqual(before);
  });
});
