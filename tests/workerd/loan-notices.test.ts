/**
 * 消息中心 for the 金融超市: the bank's 受理 / 授信 / 放款 / 拒绝 tells the enterprise's active members
 * (`loan_progress`, `loan_declined`), and an overdue application escalated to the zone tells its active
 * admins (`loan_escalated`) — each written in the batch of the change, so a refused step or a lost race
 * tells no one and a second run of the job tells no one again.
 */
import { env } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { banks, enterprises, loanApplications, notices, outbox, users } from "../../worker/db/schema";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { openTenantDb } from "../../worker/db/open";
import { flagOverdueLoans } from "../../worker/features/finance/response-times";
import { newId } from "../../worker/lib/ids";
import { loadZone } from "../../worker/middleware/zone-settings";
import { call, dbFor, makeUser } from "./auth-support";
import {
  act,
  applied,
  bankWithStaff,
  financeEnterprise,
  inDays,
  productBody,
  publishedProduct,
  runScheduled,
  slug,
  unansweredLoan,
  WAN,
} from "./finance-support";
import { provisionTestZone } from "./platform-support";
import { api, host, ORIGIN, staffUser } from "./subsidies-support";

const db = () => dbFor(slug);
const loanLink = (id: string) => `/finance/loans/${id}`;

/** The notices `userId` holds with this link, oldest first. */
const noticesAt = (userId: string, link: string, s = slug) =>
  dbFor(s)
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.link, link)))
    .orderBy(notices.id);

const userId = async (email: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** A member added to the enterprise (active unless told otherwise). */
async function memberOf(enterpriseId: string, status: "active" | "disabled" = "active") {
  const u = await makeUser(slug, "enterprise");
  await db().update(users).set({ enterpriseId, status }).where(eq(users.id, u.id));
  return u.id;
}

/** A bank with two staff, a published product, an enterprise with three members (one disabled) and its application. */
async function world() {
  const tag = newId().slice(0, 6);
  const bank = await bankWithStaff(2);
  const product = await publishedProduct(bank.cookie, productBody(tag));
  const firm = await financeEnterprise();
  const members = [await userId(firm.email), await memberOf(firm.id)];
  const disabled = await memberOf(firm.id, "disabled");
  const other = await financeEnterprise();
  const loan = await applied(firm.cookie, product.id);
  return { bank, product, firm, members, disabled, other, otherMember: await userId(other.email), loan };
}

/** Nobody but the members holds a notice about the application. */
async function onlyMembersTold(w: Awaited<ReturnType<typeof world>>) {
  const link = loanLink(w.loan.id);
  for (const outsider of [w.disabled, w.otherMember, ...w.bank.staff.map((s) => s.id)])
    expect(await noticesAt(outsider, link)).toEqual([]);
}

describe("the bank's steps tell the enterprise's members", () => {
  it("受理, 授信 and 放款: each active member gets one notice per step with bank, product and amount", async () => {
    const w = await world();
    const name = w.product.name as string;
    const steps = [
      [{ action: "accept", revision: 0 }, "贷款申请已受理"],
      [{ action: "approve", amountFen: 280 * WAN, rateBp: 450, termMonths: 12 }, "贷款申请已获授信"],
      [{ action: "disburse", amountFen: 280 * WAN, disbursedOn: inDays(0) }, "贷款已放款"],
    ] as const;
    for (const [data, title] of steps) {
      const res = await act(w.bank.cookie, w.loan.id, data);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      for (const m of w.members) expect((await noticesAt(m, loanLink(w.loan.id))).at(-1)?.title).toBe(title);
    }
    const decideDueOn = (await db().select().from(loanApplications).where(eq(loanApplications.id, w.loan.id)))[0]!
      .decideDueOn;
    for (const m of w.members) {
      const told = await noticesAt(m, loanLink(w.loan.id));
      expect(told.map((n) => [n.kind, n.readAt])).toEqual([
        ["loan_progress", null],
        ["loan_progress", null],
        ["loan_progress", null],
      ]);
      expect(told.map((n) => n.body)).toEqual([
        `${w.bank.name}已受理“${name}”300万元的贷款申请,将于 ${decideDueOn} 前作出授信决定。`,
        `${w.bank.name}已批准“${name}”的贷款申请:授信280万元,年利率4.5%,期限12个月。`,
        `${w.bank.name}已于 ${inDays(0)} 发放“${name}”贷款280万元。`,
      ]);
    }
    await onlyMembersTold(w);
    // The mail to the members is as it was: one per step.
    const mails = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, w.firm.email), like(outbox.body, `%${loanLink(w.loan.id)}%`)));
    expect(mails.map((m) => m.kind).sort()).toEqual(["loan_accept", "loan_approve", "loan_disburse"]);

    // The member's header counts them and the 消息中心 labels them; opening one goes to the application.
    const page = await call(host, "GET", "/notices", { cookie: w.firm.cookie });
    const html = await page.text();
    expect(html).toContain("消息 (3)");
    expect(html).toContain("贷款进展");
    const listed = await api("GET", "/api/v1/notices", { cookie: w.firm.cookie });
    const newest = listed.body.notices[0];
    expect(newest).toMatchObject({ kind: "loan_progress", kindLabel: "贷款进展", title: "贷款已放款" });
    const open = await call(host, "POST", `/notices/${newest.id}/read`, {
      cookie: w.firm.cookie,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: "open=1",
    });
    expect(open.status).toBe(303);
    expect(open.headers.get("location")).toBe(loanLink(w.loan.id));
    expect((await call(host, "GET", loanLink(w.loan.id), { cookie: w.firm.cookie })).status).toBe(200);
  });

  it("拒绝: `loan_declined` with the bank's reason and the product it recommends instead", async () => {
    const w = await world();
    const other = await publishedProduct(w.bank.cookie, productBody(`荐${newId().slice(0, 6)}`));
    const res = await act(w.bank.cookie, w.loan.id, {
      action: "decline",
      reason: "近两年财务报表\n未能提供。",
      referralProductId: other.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const m of w.members) {
      const [n, ...more] = await noticesAt(m, loanLink(w.loan.id));
      expect(more).toEqual([]);
      expect(n).toMatchObject({ kind: "loan_declined", title: "贷款申请未获批准" });
      expect(n!.body).toBe(
        `${w.bank.name}未批准“${w.product.name}”300万元的贷款申请。理由:近两年财务报表 未能提供。` +
          `银行推荐改申请${w.bank.name}的“${other.name}”,详见申请页面。`,
      );
    }
    await onlyMembersTold(w);
    const listed = await api("GET", "/api/v1/notices", { cookie: w.firm.cookie });
    expect(listed.body.notices[0]).toMatchObject({ kind: "loan_declined", kindLabel: "贷款未获批准" });
  });

  it("a refused step writes no notice; of two staff racing to 受理, one is told", async () => {
    const w = await world();
    const link = loanLink(w.loan.id);
    // 放款 before 授信, and a 授信 outside the product's range: refused, nothing written.
    const early = await act(w.bank.cookie, w.loan.id, { action: "disburse", amountFen: WAN, disbursedOn: inDays(0) });
    expect(early.status).toBe(409);
    const wide = await act(w.bank.cookie, w.loan.id, {
      action: "approve",
      amountFen: 5000 * WAN,
      rateBp: 450,
      termMonths: 12,
    });
    expect(wide.status).toBe(422);
    const stale = await act(w.bank.cookie, w.loan.id, { action: "accept", revision: 7 });
    expect(stale.status).toBe(409);
    for (const m of w.members) expect(await noticesAt(m, link)).toEqual([]);

    const [a, b] = await Promise.all(
      w.bank.staff.map((s) => act(s.cookie, w.loan.id, { action: "accept", revision: 0 })),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    for (const m of w.members) expect((await noticesAt(m, link)).map((n) => n.title)).toEqual(["贷款申请已受理"]);
    await onlyMembersTold(w);
  });
});

describe("an overdue loan escalated to the zone tells its admins", () => {
  it("the scheduled job tells each active admin once (run twice), by mail unless they chose otherwise", async () => {
    const [admin, quiet, reviewer] = [
      await staffUser("zone_admin"),
      await staffUser("zone_admin"),
      await staffUser("reviewer"),
    ];
    const chose = await api("PUT", "/api/v1/notices/preferences", {
      cookie: quiet.cookie,
      data: { preferences: [{ kind: "loan_escalated", channel: "in_app" }] },
    });
    expect(chose.status).toBe(200);
    expect(chose.body.preferences).toContainEqual({ kind: "loan_escalated", channel: "in_app" });
    const w = await world();
    await db().update(loanApplications).set({ acceptDueOn: "2020-01-02" }).where(eq(loanApplications.id, w.loan.id));
    await runScheduled();
    await runScheduled();
    const link = `/admin/banks/${w.bank.id}`;
    for (const who of [admin, quiet]) {
      const [n, ...more] = await noticesAt(who.id, link);
      expect(more).toEqual([]);
      expect(n).toMatchObject({ kind: "loan_escalated", title: "贷款申请逾期未办理,已上报园区" });
      expect(n!.body).toBe(
        `${w.bank.name}收到的贷款申请 ${w.loan.number}(${w.firm.name},300万元)` +
          "超时未受理或拒绝(应于 2020-01-02 前),银行已收到超时提醒。可在机构页面找到联系人督办。",
      );
    }
    // Its link is the bank's page for the zone admin (contacts to chase it).
    expect((await call(host, "GET", link, { cookie: admin.cookie })).status).toBe(200);
    expect(await noticesAt(reviewer.id, link)).toEqual([]);
    // The bank's staff are told by their own kind, on their own page.
    for (const s of w.bank.staff) {
      expect(await noticesAt(s.id, link)).toEqual([]);
      expect((await noticesAt(s.id, `/bank/loans/${w.loan.id}`)).map((n) => n.kind)).toEqual(["loan_overdue"]);
    }
    // Mail as chosen, selected from the notices: the admin who kept the default gets the one mail admins always got.
    const mailTo = async (email: string) =>
      db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, email), like(outbox.body, `%${w.loan.number}%`)));
    const [mail, ...again] = await mailTo(admin.email);
    expect(again).toEqual([]);
    expect(mail).toMatchObject({ channel: "email", kind: "loan_overdue" });
    expect(mail!.body).toContain("/admin/finance");
    expect(await mailTo(quiet.email)).toEqual([]);
    // 提醒方式 offers the kind to admins.
    const page = await (await call(host, "GET", "/account/notices", { cookie: admin.cookie })).text();
    expect(page).toContain("贷款申请逾期上报");
  });

  it("escalated working days after the bank's flag: the admins are told then, once, not with the flag", async () => {
    const SLUG = "wdloanesc";
    const deps = workerDeps(env as WorkerEnv);
    const zdb = () => dbFor(SLUG);
    await provisionTestZone(SLUG, { zh: "贷款上报测试高新区", en: "Loan Escalation Test Zone" }, "0535-5555555");
    const T = Date.now();
    const [bankId, enterpriseId] = [newId(), newId()];
    await zdb().insert(banks).values({ id: bankId, name: "上报测试银行", branch: "烟台分行", createdAt: T });
    await zdb().insert(enterprises).values({ id: enterpriseId, name: "上报测试企业", createdAt: T });
    const banker = await makeUser(SLUG, "bank");
    await zdb().update(users).set({ bankId }).where(eq(users.id, banker.id));
    const admin = await makeUser(SLUG, "zone_admin");
    const away = await makeUser(SLUG, "zone_admin");
    await zdb().update(users).set({ status: "disabled" }).where(eq(users.id, away.id));
    const { id: appId } = await unansweredLoan(SLUG, {
      bankId,
      enterpriseId,
      createdBy: banker.id,
      productName: "上报测试产品",
      acceptDueOn: "2099-06-01", // a Monday
    });
    const tenant = (await deps.directory.get(SLUG))!;
    const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
    const base = await loadZone(deps.directory.baseZone(tenant), () => zoneDb);
    const zone = { ...base, finance: { ...base.finance, escalation: { afterWorkingDays: 2 } } };
    const run = (day: string) =>
      flagOverdueLoans({ db: zoneDb, zone, now: new Date(`${day}T02:00:00Z`), origin: `http://${SLUG}.localhost` });
    const link = `/admin/banks/${bankId}`;
    expect(await run("2099-06-02")).toBe(1); // the bank is told
    expect(await noticesAt(banker.id, `/bank/loans/${appId}`, SLUG)).toHaveLength(1);
    expect(await noticesAt(admin.id, link, SLUG)).toEqual([]);
    await run("2099-06-03"); // Tuesday and Wednesday pass
    expect(await noticesAt(admin.id, link, SLUG)).toEqual([]);
    expect(await run("2099-06-04")).toBe(1);
    await run("2099-06-05");
    const [n, ...more] = await noticesAt(admin.id, link, SLUG);
    expect(more).toEqual([]);
    expect(n).toMatchObject({ kind: "loan_escalated" });
    expect(n!.body).toContain("上报测试银行收到的贷款申请");
    expect(n!.body).toContain("(上报测试企业,3万元)超过时限 2 个工作日仍未受理或拒绝(应于 2099-06-01 前)");
    expect(await noticesAt(away.id, link, SLUG)).toEqual([]);
    expect(await noticesAt(banker.id, link, SLUG)).toEqual([]);
    const mails = await zdb().select().from(outbox).where(eq(outbox.recipient, admin.email));
    expect(mails.map((m) => m.kind)).toEqual(["loan_escalated"]);
    expect(mails[0]!.subject).toMatch(/】贷款申请逾期未办理,已上报园区$/);
  });
});
