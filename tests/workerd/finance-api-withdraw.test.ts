/**
 * The 金融超市 API on what an application may ask and how it ends early: an
 * amount or term outside the product's ranges is refused (422, the range named
 * in Chinese, nothing written); a pending application is withdrawn by its own
 * enterprise only (another's is a 404, a bank's staff are refused), the bank's
 * staff are told through the outbox, the timeline shows it, and the bank can no
 * longer act on it; the bank reads whom to call and what the money is for.
 */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, loanApplications, loanEvents, outbox } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { dbFor } from "./auth-support";
import {
  act,
  api,
  applied,
  bankWithStaff,
  FIN,
  financeEnterprise,
  postedNeed,
  productBody,
  publishedProduct,
  slug,
  WAN,
  type Json,
} from "./finance-support";

const db = () => dbFor(slug);
const mine = (enterpriseId: string) =>
  db().select().from(loanApplications).where(eq(loanApplications.enterpriseId, enterpriseId));

describe("an application outside the product's ranges", () => {
  it("is refused with the range named, for the amount and the term, and nothing is written", async () => {
    const bank = await bankWithStaff();
    const firm = await financeEnterprise();
    // 50万元–500万元, 6–36 months: the 600万元 against a 50–500万元 product.
    const p = await publishedProduct(
      bank.cookie,
      productBody(`R${newId().slice(0, 6)}`, { minAmountFen: 50 * WAN, maxAmountFen: 500 * WAN }),
    );
    const apply = (over: Json) =>
      api("POST", `${FIN}/loans`, {
        cookie: firm.cookie,
        data: { productId: p.id, amountFen: 300 * WAN, termMonths: 12, consent: true, ...over },
      });

    const tooMuch = await apply({ amountFen: 600 * WAN });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.fields).toEqual({ amountFen: "申请金额须在50万元至500万元之间" });
    expect(tooMuch.body.error.message).toBe("申请金额须在50万元至500万元之间。");
    expect((await apply({ amountFen: 49 * WAN })).body.error.fields).toEqual({
      amountFen: "申请金额须在50万元至500万元之间",
    });
    const both = await apply({ amountFen: 501 * WAN, termMonths: 48 });
    expect(both.status).toBe(422);
    expect(both.body.error.fields).toEqual({
      amountFen: "申请金额须在50万元至500万元之间",
      termMonths: "期限须在6至36个月之间",
    });
    expect((await apply({ termMonths: 3 })).body.error.fields).toEqual({ termMonths: "期限须在6至36个月之间" });

    expect(await mine(firm.id)).toEqual([]);
    expect(
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, bank.staff[0]!.email), eq(outbox.kind, "loan_submitted"))),
    ).toEqual([]);
    // no consent granted by a refused application
    expect((await api("GET", `${FIN}/consents`, { cookie: firm.cookie })).body.consents).toEqual([]);

    // The ends of the range are inside it.
    expect((await apply({ amountFen: 500 * WAN, termMonths: 36 })).status).toBe(201);
  });
});

describe("withdrawing an application", () => {
  let bank: Awaited<ReturnType<typeof bankWithStaff>>;
  let firm: Awaited<ReturnType<typeof financeEnterprise>>;
  let product: Json;
  beforeAll(async () => {
    bank = await bankWithStaff(2);
    firm = await financeEnterprise();
    product = await publishedProduct(bank.cookie, productBody(`W${newId().slice(0, 6)}`));
  });
  const withdraw = (cookie: string, id: string, data?: Json) =>
    api("POST", `${FIN}/loans/${id}/withdraw`, { cookie, ...(data ? { data } : {}) });

  it("is for its own enterprise only: another enterprise gets 404 and the bank 403, and nothing changes", async () => {
    const loan = await applied(firm.cookie, product.id);
    const stranger = await financeEnterprise();
    const other = await withdraw(stranger.cookie, loan.id);
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe("没有这笔贷款申请。");
    expect((await withdraw(bank.cookie, loan.id)).status).toBe(403);
    expect((await withdraw(firm.cookie, newId())).status).toBe(404);
    const [row] = await db().select().from(loanApplications).where(eq(loanApplications.id, loan.id));
    expect(row).toMatchObject({ status: "submitted", revision: 0 });
    await act(bank.cookie, loan.id, { action: "decline", reason: "本测试收尾,拒绝这笔申请" });
  });

  it(
    "withdraws a pending one: the bank's staff are told, the timeline shows it, the bank can " +
      "no longer act, and applying again is possible",
    async () => {
      const loan = await applied(firm.cookie, product.id);
      expect((await act(bank.cookie, loan.id, { action: "accept" })).status).toBe(200);
      expect((await withdraw(firm.cookie, loan.id, { reason: "x".repeat(201) })).status).toBe(422);
      expect((await withdraw(firm.cookie, loan.id, { revision: 0 })).status).toBe(409); // the bank accepted it since

      const res = await withdraw(firm.cookie, loan.id, { reason: "已从其他渠道获得资金", revision: 1 });
      expect(res.status).toBe(200);
      expect(res.body.application).toMatchObject({ id: loan.id, status: "withdrawn", statusZh: "已撤回", revision: 2 });

      const told = await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, "loan_withdrawn"), like(outbox.body, `%/bank/loans/${loan.id}%`)));
      expect(told.map((m) => m.recipient).sort()).toEqual(bank.staff.map((s) => s.email).sort());
      expect(told[0]!.subject).toContain(product.name);
      expect(told[0]!.body).toContain(firm.name);
      expect(told[0]!.body).toContain("已从其他渠道获得资金");
      expect(told[0]!.body).toContain("300万元");

      const detail = await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bank.cookie });
      expect(detail.body.events.map((e: Json) => [e.action, e.actor])).toEqual([
        ["submitted", firm.email],
        ["accept", bank.staff[0]!.email],
        ["withdrawn", firm.email],
      ]);
      expect(detail.body.events.at(-1).note).toBe("撤回原因:已从其他渠道获得资金");
      expect(
        await db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "finance.loan_withdrawn"), eq(auditLog.target, loan.id))),
      ).toHaveLength(1);

      for (const action of [
        { action: "accept" },
        { action: "approve", amountFen: 300 * WAN, rateBp: 450, termMonths: 12 },
        { action: "decline", reason: "撤回之后不能再拒绝" },
      ]) {
        const refused = await act(bank.cookie, loan.id, action);
        expect(refused.status, action.action).toBe(409);
        expect(refused.body.error.message).toContain("已撤回");
      }
      // Again: nothing new — no second event, no second message.
      expect((await withdraw(firm.cookie, loan.id)).body.application.status).toBe("withdrawn");
      expect(
        await db()
          .select()
          .from(loanEvents)
          .where(and(eq(loanEvents.applicationId, loan.id), eq(loanEvents.action, "withdrawn"))),
      ).toHaveLength(1);
      expect(
        await db()
          .select()
          .from(outbox)
          .where(and(eq(outbox.kind, "loan_withdrawn"), like(outbox.body, `%/bank/loans/${loan.id}%`))),
      ).toHaveLength(2);

      // The product is free to apply for again.
      const again = await applied(firm.cookie, product.id);
      expect(again.id).not.toBe(loan.id);
      await act(bank.cookie, again.id, { action: "decline", reason: "本测试收尾,拒绝这笔申请" });
    },
  );

  it("cannot withdraw what is already decided", async () => {
    const loan = await applied(firm.cookie, product.id);
    await act(bank.cookie, loan.id, { action: "decline", reason: "资料不全,无法授信" });
    const res = await withdraw(firm.cookie, loan.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("这笔申请已拒绝,不能撤回。");
  });
});

describe("what the bank reads of an application", () => {
  it("names the enterprise's contact person and phone, the member who applied, and the need's purpose", async () => {
    const bank = await bankWithStaff();
    const firm = await financeEnterprise();
    const product = await publishedProduct(bank.cookie, productBody(`C${newId().slice(0, 6)}`));
    const need = await postedNeed(firm.cookie, { purpose: "购置检测设备,扩建实验室" });
    const loan = await applied(firm.cookie, product.id, { needId: need.id });
    const detail = await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bank.cookie });
    expect(detail.status).toBe(200);
    expect(detail.body.contact).toEqual({ name: "李四", phone: "13800138000" });
    expect(detail.body.applicant).toEqual({ name: "申报经办人", email: firm.email, mobile: null });
    expect(detail.body.need).toEqual({
      id: need.id,
      purpose: "购置检测设备,扩建实验室",
      amountFen: 300 * WAN,
      termMonths: 12,
    });
    const plain = await applied(
      firm.cookie,
      (await publishedProduct(bank.cookie, productBody(`D${newId().slice(0, 6)}`))).id,
    );
    expect((await api("GET", `${FIN}/loans/${plain.id}`, { cookie: bank.cookie })).body.need).toBeNull();
  });
});
