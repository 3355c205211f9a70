/**
 * 贴息 fed by the 金融超市's loans, on a zone of this file's own (provisioned here from Zibo's template,
 * with a small 贴息 programme published on top): 放款 tells the enterprise which 贴息 it may apply for;
 * an application starts from its own disbursed loan with the loan's facts filled (another enterprise's
 * loan, a loan not disbursed and a programme no loan feeds are refused); no review stage passes until
 * the lending bank confirms the interest paid, and only that bank can; the confirmed figure replaces
 * the stated one and the amount is computed again with the zone's recorded LPR; the LPR settings are checked.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notices, outbox, subsidyApplications, subsidyEvents } from "../../worker/db/schema";
import { APPS, db, form, ids, interestWorld, loans, PROGRAMME, req, TITLE } from "./interest-subsidy-support";
import { roundTrips } from "./round-trip-support";
import type { Json } from "./subsidies-support";

let w: Awaited<ReturnType<typeof interestWorld>>;
let applicationId = "";

beforeAll(async () => {
  w = await interestWorld();
});

describe("放款 opens 贴息", () => {
  it("tells the enterprise's members in the 消息中心 and by mail, linking to the loan's page", async () => {
    const res = await req("POST", `/api/v1/finance/loans/${loans.disbursed}/actions`, w.bankA.cookie, {
      action: "disburse",
      amountFen: 100_000_000,
      disbursedOn: "2025-06-01",
    });
    expect(res.status, res.text).toBe(200);
    const told = await db().select().from(notices).where(eq(notices.userId, w.member.id));
    const open = told.filter((n) => n.kind === "interest_subsidy_open");
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ title: "贷款可申请贴息", link: `/finance/loans/${loans.disbursed}#interest` });
    expect(open[0]!.body).toContain(TITLE);
    const mails = await db().select().from(outbox).where(eq(outbox.recipient, w.member.email));
    expect(mails.filter((m) => m.kind === "interest_subsidy_open")).toHaveLength(1);
    // The other enterprise's member hears nothing of it.
    const theirs = await db().select().from(notices).where(eq(notices.userId, w.other.id));
    expect(theirs.filter((n) => n.kind === "interest_subsidy_open")).toEqual([]);
    const page = await req("GET", `/finance/loans/${loans.disbursed}`, w.member.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(TITLE);
    expect(page.text).toContain("申请贴息");
  });
});

describe("starting from a loan", () => {
  it("makes a draft with the loan's facts filled, and opens that draft when asked again", async () => {
    const res = await form("/subsidies/apply", w.member.cookie, { programme: PROGRAMME, loanId: loans.disbursed });
    expect(res.status).toBe(303);
    applicationId = res.headers.get("location")!.split("/").pop()!.split("?")[0]!;
    const [row] = await db().select().from(subsidyApplications).where(eq(subsidyApplications.id, applicationId));
    expect(row).toMatchObject({ loanId: loans.disbursed, status: "draft", programmeId: PROGRAMME });
    expect(JSON.parse(row!.facts)).toEqual({ loanFen: 100_000_000, rate: 4.5, fromDate: "2025-06-01" });
    const again = await req("POST", APPS, w.member.cookie, { programme: PROGRAMME, loanId: loans.disbursed });
    expect(again.status).toBe(200);
    expect(again.body.application).toMatchObject({ id: applicationId, loanId: loans.disbursed });
  });

  it("refuses another enterprise's loan, a loan not disbursed, and a programme no loan feeds", async () => {
    const before = (await db().select().from(subsidyApplications)).length;
    const start = (loanId: string, programme = PROGRAMME) => req("POST", APPS, w.member.cookie, { programme, loanId });
    const theirs = await start(loans.others);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe("没有这笔贷款。");
    const pending = await start(loans.approved);
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toContain("放款后才能申请贴息");
    const notLoanFed = await start(loans.disbursed, "zibo-tech-contract");
    expect(notLoanFed.status).toBe(422);
    expect(notLoanFed.body.error.message).toContain("不是贴息项目");
    expect((await db().select().from(subsidyApplications)).length).toBe(before);
  });
});

describe("the loan's figures on an application started from it", () => {
  it("shows the loan and its figures read-only on the draft page; the period is the enterprise's", async () => {
    const page = await req("GET", `/subsidies/applications/${applicationId}`, w.member.cookie);
    expect(page.status).toBe(200);
    expect(page.waves).toBeLessThanOrEqual(2);
    expect(page.text).toContain("来自放款记录");
    expect(page.text).toContain(`href="/finance/loans/${loans.disbursed}"`);
    expect(page.text).toContain("贴息测试银行甲");
    expect(page.text).toContain("100万元");
    // 贷款金额 and 年利率 are no fields to type in (only the hidden copies the estimate reads).
    expect(page.text).not.toMatch(/id="f-loan"|id="f-rate"/);
    expect(page.text).toContain('<input type="hidden" name="loan" value="1000000"');
    expect(page.text).toMatch(/id="f-fromDate"/);
    expect(page.text).toMatch(/id="f-toDate"/);
  });

  it("keeps the loan's figures whatever a save sends, and refuses a period that starts before the 放款", async () => {
    const saved = await req("PUT", `${APPS}/${applicationId}/draft`, w.member.cookie, {
      facts: { loanFen: 1, rate: 9.9, fromDate: "2025-05-01", toDate: "2025-11-30", paidFen: 2_100_000 },
      formValues: { loan: "1", rate: "9.9", fromDate: "2025-05-01" },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.application.facts).toEqual({
      loanFen: 100_000_000,
      rate: 4.5,
      fromDate: "2025-05-01",
      toDate: "2025-11-30",
      paidFen: 2_100_000,
    });
    expect(saved.body.application.formValues).toMatchObject({ loan: "1000000", rate: "4.5" });
    // The page's own form, with the hidden copy changed, saves the loan's figure too.
    const posted = await form(`/subsidies/applications/${applicationId}`, w.member.cookie, {
      _action: "save",
      loan: "5",
      rate: "4.5",
      fromDate: "2025-05-01",
      toDate: "2025-11-30",
      paid: "21000",
    });
    expect(posted.status).toBe(303);
    // The loan is read beside the application: the save's waves stay the session's, the reads' and the write's.
    expect(roundTrips(posted).waves).toBeLessThanOrEqual(3);
    const [row] = await db().select().from(subsidyApplications).where(eq(subsidyApplications.id, applicationId));
    expect(JSON.parse(row!.facts)).toMatchObject({ loanFen: 100_000_000, rate: 4.5 });
    const early = await req("POST", `${APPS}/${applicationId}/submit`, w.member.cookie);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain("早于这笔贷款的放款日 2025-06-01");
  });
});

describe("the bank confirms the interest paid", () => {
  it("holds the review until the lending bank confirms; another bank cannot see or confirm it", async () => {
    // Stated: the period to 2025-11-30, 2.1万 paid (more than the bank will confirm).
    const saved = await req("PUT", `${APPS}/${applicationId}/draft`, w.member.cookie, {
      facts: { loanFen: 100_000_000, rate: 4.5, fromDate: "2025-06-01", toDate: "2025-11-30", paidFen: 2_100_000 },
    });
    expect(saved.status, saved.text).toBe(200);
    // A stored figure that is not the loan's (written before the loan's facts were locked) is put back at submission.
    const stored = { loanFen: 5, rate: 9.9, fromDate: "2025-06-01", toDate: "2025-11-30", paidFen: 2_100_000 };
    await db()
      .update(subsidyApplications)
      .set({ facts: JSON.stringify(stored) })
      .where(eq(subsidyApplications.id, applicationId));
    const submitted = await req("POST", `${APPS}/${applicationId}/submit`, w.member.cookie);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.application).toMatchObject({ amountFen: 915_000, interestConfirmation: null });
    expect(submitted.body.application.facts).toMatchObject({ loanFen: 100_000_000, rate: 4.5 });
    // The lending bank's staff are asked to confirm; the other bank's are not.
    const asked = async (userId: string) =>
      (await db().select().from(notices).where(eq(notices.userId, userId))).filter(
        (n) => n.kind === "interest_confirm_requested",
      );
    expect(await asked(w.bankA.id)).toMatchObject([{ link: "/bank/interest-confirmations" }]);
    expect(await asked(w.bankB.id)).toEqual([]);
    const bankMails = await db().select().from(outbox).where(eq(outbox.recipient, w.bankA.email));
    expect(bankMails.map((m) => m.kind)).toContain("interest_confirm_requested");

    const pass = await req("POST", `${APPS}/${applicationId}/review`, w.reviewer.cookie, { action: "pass" });
    expect(pass.status).toBe(409);
    expect(pass.body.error.message).toContain("放款银行尚未确认");

    const CONFIRM = `/api/v1/bank/interest-confirmations`;
    const theirList = await req("GET", CONFIRM, w.bankB.cookie);
    expect(theirList.status).toBe(200);
    expect(theirList.body.pending.map((r: Json) => r.id)).not.toContain(applicationId);
    const theirs = await req("POST", `${CONFIRM}/${applicationId}`, w.bankB.cookie, { interestPaidFen: 1 });
    expect(theirs.status).toBe(404);
    const staff = await req("POST", `${CONFIRM}/${applicationId}`, w.reviewer.cookie, { interestPaidFen: 1 });
    expect(staff.status).toBe(403);
    const bankPage = await req("GET", "/bank/interest-confirmations", w.bankB.cookie);
    expect(bankPage.text).not.toContain("贴息测试科技有限公司");
    const [row] = await db().select().from(subsidyApplications).where(eq(subsidyApplications.id, applicationId));
    expect(row).toMatchObject({ interestConfirmedFen: null, amountFen: 915_000 });
  });

  it("takes the bank's figure, computes the amount again with the zone's LPR, and lets the review pass", async () => {
    // The zone records a (test) LPR change inside the period: the recomputation cites it.
    const lpr = [{ term: "1y", from: "2025-09-22", bp: 200, source: "园区录入(测试)" }];
    const put = await req("PUT", "/api/v1/admin/zone/settings", w.admin.cookie, { finance: { lpr } });
    expect(put.status, put.text).toBe(200);

    const CONFIRM = `/api/v1/bank/interest-confirmations`;
    const list = await req("GET", CONFIRM, w.bankA.cookie);
    const mine = list.body.pending.find((r: Json) => r.id === applicationId);
    expect(mine).toMatchObject({ claimedFen: 2_100_000, period: { from: "2025-06-01", to: "2025-11-30" } });
    const page = await req("GET", "/bank/interest-confirmations", w.bankA.cookie);
    expect(page.text).toContain("贴息测试科技有限公司");
    // The page's form refuses a figure that is not an amount, showing the list again with the reason.
    const typo = await form(`/bank/interest-confirmations/${applicationId}`, w.bankA.cookie, {
      interestPaid: "一万五",
    });
    expect(typo.status).toBe(422);
    expect(await typo.text()).toContain("未确认,请按提示修改。");

    const res = await req("POST", `${CONFIRM}/${applicationId}`, w.bankA.cookie, {
      interestPaidFen: 1_500_000,
      note: "按扣息记录核实",
    });
    expect(res.status, res.text).toBe(200);
    // 1.5万 paid → 7,500元, under the cap (the recorded 2.00% from 2025-09-22 lowers it to about 7,983元).
    expect(res.body.application).toMatchObject({
      amountFen: 750_000,
      requestedFen: 750_000,
      facts: { paidFen: 1_500_000, loanFen: 100_000_000 },
      interestConfirmation: { paidFen: 1_500_000, by: w.bankA.email, note: "按扣息记录核实" },
    });
    expect(JSON.stringify(res.body.application.evaluation)).toContain("园区录入(测试)");
    const events = await db().select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, applicationId));
    const confirmed = events.find((e) => e.action === "interest_confirmed");
    expect(confirmed).toMatchObject({ actor: w.bankA.email, amountFen: 750_000 });
    expect(confirmed!.note).toContain("企业填报2.1万元");

    const staffPage = await req("GET", `/admin/subsidies/applications/${applicationId}`, w.reviewer.cookie);
    expect(staffPage.text).toContain("已确认已付利息1.5万元");
    // The loan it came from: staff have no loan page; the bank's page has its contacts.
    expect(staffPage.text).toContain("贴息贷款");
    expect(staffPage.text).toContain(`href="/admin/banks/${ids.bankA}"`);
    const memberPage = await req("GET", `/subsidies/applications/${applicationId}`, w.member.cookie);
    expect(memberPage.text).toContain(`href="/finance/loans/${loans.disbursed}"`);
    const pass = await req("POST", `${APPS}/${applicationId}/review`, w.reviewer.cookie, { action: "pass" });
    expect(pass.status, pass.text).toBe(200);
    // Passed on the confirmed figure: it stands.
    const again = await req("POST", `${CONFIRM}/${applicationId}`, w.bankA.cookie, { interestPaidFen: 1_400_000 });
    expect(again.status).toBe(409);
  });
});

describe("LPR recorded in the zone settings", () => {
  it("refuses rows a clerk got wrong, each with its reason, and keeps what was saved", async () => {
    const bad = [
      { term: "1y", from: "2026-02-30", bp: 300, source: "测试" },
      { term: "1y", from: "2025-09-22", bp: 2500, source: "测试" },
      { term: "5y", from: "2025-09-22", bp: 350, source: "测试" },
      { term: "5y", from: "2025-09-22", bp: 340, source: "测试" },
    ];
    const res = await req("PUT", "/api/v1/admin/zone/settings", w.admin.cookie, { finance: { lpr: bad } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toMatchObject({
      "finance.lpr.0.from": "起始日不是日历上的日期,请核对",
      "finance.lpr.1.bp": "利率最高 20%,请核对",
      "finance.lpr.3.from": "同一期限在 2025-09-22 已有一行,请删去重复的",
    });
    const now = (await req("GET", "/api/v1/admin/zone/settings", w.admin.cookie)).body;
    expect(now.finance.lpr).toEqual([{ term: "1y", from: "2025-09-22", bp: 200, source: "园区录入(测试)" }]);
    const page = await req("GET", "/admin/settings", w.admin.cookie);
    expect(page.text).toContain('value="2.00"');
    expect(page.text).toContain("贷款市场报价利率(LPR)");
  });

  it("are kept from the 园区设置 page's 金融服务 form: 利率 in %, a bad one named on its row", async () => {
    const version = /name="version" value="(\d+)"/.exec(
      (await req("GET", "/admin/settings", w.admin.cookie)).text,
    )![1]!;
    const fields = (rate: string) => ({
      version,
      "finance.acceptWorkingDays": "3",
      "finance.decideWorkingDays": "10",
      "finance.escalation.afterWorkingDays": "0",
      "finance.lpr.0.term": "1y",
      "finance.lpr.0.from": "2025-09-22",
      "finance.lpr.0.rate": "2.00",
      "finance.lpr.0.source": "园区录入(测试)",
      "finance.lpr.1.term": "5y",
      "finance.lpr.1.from": "2025-10-20",
      "finance.lpr.1.rate": rate,
      "finance.lpr.1.source": "全国银行间同业拆借中心受权公布(测试)",
    });
    const bad = await form("/admin/settings/finance", w.admin.cookie, fields("三点五"));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("利率应为百分数,例如 3.10");
    const good = await form("/admin/settings/finance", w.admin.cookie, fields("3.5%"));
    expect(good.status).toBe(303);
    const now = (await req("GET", "/api/v1/admin/zone/settings", w.admin.cookie)).body;
    expect(now.finance.lpr).toEqual([
      { term: "1y", from: "2025-09-22", bp: 200, source: "园区录入(测试)" },
      { term: "5y", from: "2025-10-20", bp: 350, source: "全国银行间同业拆借中心受权公布(测试)" },
    ]);
  });
});
