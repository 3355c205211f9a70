/**
 * Deadlines counted through a year whose national holidays are not announced
 * yet (2027, as shipped) are Monday-to-Friday arithmetic, and the staff pages
 * that show them say so: the subsidy queue and application page (办理期限 and
 * 公示期), the bank's loan list and loan page, and the zone's finance page.
 * Deadlines inside an announced year carry no note.
 *
 * Rows are placed straight in the shared database with fixed dates on either
 * side of the last announced year; each test looks only at its own rows.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { banks, loanApplications, loanEvents, loanProducts, users } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { login, makeUser, sessionCookie } from "./auth-support";
import { db, get, makeApplication, makeEnterprise, signIn } from "./subsidy-pages-support";

const NOTE = "2027年放假安排尚未公布,截止日按周一至周五计算,公布后请核对。";
const PROVISIONAL = "2027-01-08";
const ANNOUNCED = "2026-12-18";
const WAN = 1_000_000;

describe("subsidy staff pages", () => {
  it("mark a 办理期限 in 2027 as provisional on the queue and the application page, and not one in 2026", async () => {
    const { cookie } = await signIn("reviewer");
    const late = await makeEnterprise();
    const early = await makeEnterprise();
    const a = await makeApplication(late.id, "first-review", { dueOn: PROVISIONAL });
    const b = await makeApplication(early.id, "first-review", { dueOn: ANNOUNCED });

    const queueLate = await (await get(`/admin/subsidies?q=${encodeURIComponent(late.name)}`, cookie)).text();
    expect(queueLate).toContain("2027年1月8日");
    expect(queueLate).toContain(NOTE);
    const queueEarly = await (await get(`/admin/subsidies?q=${encodeURIComponent(early.name)}`, cookie)).text();
    expect(queueEarly).toContain("2026年12月18日");
    expect(queueEarly).not.toContain("放假安排尚未公布");

    const pageLate = await get(`/admin/subsidies/applications/${a.id}`, cookie);
    expect(pageLate.status).toBe(200);
    expect(await pageLate.text()).toContain(NOTE);
    const pageEarly = await (await get(`/admin/subsidies/applications/${b.id}`, cookie)).text();
    expect(pageEarly).not.toContain("放假安排尚未公布");
  });

  it("mark a 公示期 that runs into 2027", async () => {
    const { cookie } = await signIn("zone_admin");
    const e = await makeEnterprise();
    const a = await makeApplication(e.id, "publicity", {
      publicityFrom: "2026-12-28",
      publicityTo: "2027-01-04",
      dueOn: "2027-01-04",
    });
    const html = await (await get(`/admin/subsidies/applications/${a.id}`, cookie)).text();
    expect(html).toContain("2026年12月28日 至 2027年1月4日");
    expect(html).toContain(NOTE);
  });
});

describe("loan deadlines on the bank's pages and the zone's finance page", () => {
  it("mark an accept-by day in 2027 as provisional, and not one in 2026", async () => {
    const bankId = newId();
    await db()
      .insert(banks)
      .values({ id: bankId, name: `日历测试银行${bankId.slice(0, 6)}`, branch: "高新区支行", createdAt: Date.now() });
    const staff = await makeUser("zibo", "bank");
    await db().update(users).set({ bankId }).where(eq(users.id, staff.id));
    const cookie = sessionCookie(await login("zibo", staff.email, staff.password));
    const productId = newId();
    const t = Date.now() - 60_000;
    await db()
      .insert(loanProducts)
      .values({
        id: productId,
        bankId,
        name: `日历测试贷${bankId.slice(0, 4)}`,
        type: "credit",
        minAmountFen: 50 * WAN,
        maxAmountFen: 1000 * WAN,
        minRateBp: 400,
        maxRateBp: 500,
        minTermMonths: 6,
        maxTermMonths: 36,
        guarantees: '["credit"]',
        status: "published",
        createdBy: "test",
        createdAt: t,
        updatedAt: t,
        publishedAt: t,
      });
    // One application per enterprise and product: each loan gets its own enterprise.
    const loan = async (acceptDueOn: string) => {
      const e = await makeEnterprise();
      const id = newId();
      await db()
        .insert(loanApplications)
        .values({
          id,
          productId,
          bankId,
          enterpriseId: e.id,
          createdBy: "test",
          amountFen: 300 * WAN,
          termMonths: 12,
          status: "submitted",
          submittedAt: t,
          acceptDueOn,
        });
      await db()
        .insert(loanEvents)
        .values({ applicationId: id, at: t, actor: "member@test", action: "submitted", note: "300万元,12个月" });
      return id;
    };
    const onTime = await loan(ANNOUNCED);
    expect(await (await get(`/bank/loans/${onTime}`, cookie)).text()).not.toContain("放假安排尚未公布");
    expect(await (await get("/bank/loans", cookie)).text()).not.toContain("放假安排尚未公布");

    const late = await loan(PROVISIONAL);
    const page = await get(`/bank/loans/${late}`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("2027年1月8日前受理或拒绝");
    expect(html).toContain(NOTE);
    expect(await (await get("/bank/loans", cookie)).text()).toContain(NOTE);

    // The zone's finance page: its pending applications now include one due in 2027.
    const admin = await signIn("zone_admin");
    const stats = await get("/admin/finance", admin.cookie);
    expect(stats.status).toBe(200);
    expect(await stats.text()).toContain(NOTE);
  });
});
