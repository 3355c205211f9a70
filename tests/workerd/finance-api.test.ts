/**
 * The 金融超市 API against the real Worker: products validated with messages
 * naming the field, published and withdrawn, filtered in the catalogue; a need's
 * products ranked deterministically and explained; a bank seeing an
 * enterprise's financial data only while it consents; the application path to
 * disbursement or a decline with a referral, the enterprise told at each step;
 * response times flagged by the scheduled job, once; statistics for zone staff.
 */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loanApplications, loanEvents, outbox } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { dbFor } from "./auth-support";
import { numberLine } from "../../worker/features/finance/loan-applications";
import { zones } from "../../tenants/index";
import {
  act,
  api,
  applied,
  BANK,
  bankWithStaff,
  demo,
  FIN,
  financeEnterprise,
  inDays,
  postedNeed,
  productBody,
  publishedProduct,
  REVENUE_FEN,
  runScheduled,
  slug,
  WAN,
  type Json,
} from "./finance-support";

const tagged = () => `T${newId().slice(0, 6)}`;
const ids = (rows: Json[]) => rows.map((r) => r.id as string);
const inToday = () => inDays(0);

describe("products", () => {
  it(
    "refuses a product with ranges out of order, a rate over 36% or an industry the zone " +
      "lacks, naming the field, and stores nothing",
    async () => {
      const bank = await bankWithStaff();
      const tag = tagged();
      const cases: [Json, string][] = [
        [{ minAmountFen: 2000 * WAN, maxAmountFen: 1000 * WAN }, "minAmountFen"],
        [{ minRateBp: 600, maxRateBp: 500 }, "minRateBp"],
        [{ minTermMonths: 48, maxTermMonths: 36 }, "minTermMonths"],
        [{ maxRateBp: 3700 }, "maxRateBp"],
        [{ industries: ["spaceships"] }, "industries"],
        [{ qualifications: ["nobel-prize"] }, "qualifications"],
        [{ guarantees: [] }, "guarantees"],
        [{ type: "payday" }, "type"],
      ];
      for (const [over, field] of cases) {
        const res = await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(tag, over) });
        expect(res.status, JSON.stringify(over)).toBe(422);
        expect(Object.keys(res.body.error.fields), JSON.stringify(over)).toContain(field);
        expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }
      expect(
        (await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(tag, { maxRateBp: 3700 }) }))
          .body.error.fields.maxRateBp,
      ).toBe("年利率不超过36%");
      expect((await api("GET", `${BANK}/products`, { cookie: bank.cookie })).body.products).toEqual([]);
    },
  );

  it("creates a draft, edits it with its revision (a stale one is 409), and returns JSON columns parsed", async () => {
    const bank = await bankWithStaff();
    const created = await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(tagged()) });
    expect(created.status).toBe(201);
    const p = created.body.product as Json;
    expect(p).toMatchObject({
      status: "draft",
      bankId: bank.id,
      guarantees: ["credit"],
      industries: ["new-materials"],
      qualifications: ["hnte"],
      materials: ["营业执照", "近两年财务报表"],
      minRateBp: 400,
      publishedAt: null,
      revision: 0,
    });
    expect(p.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    const edited = await api("PUT", `${BANK}/products/${p.id}`, {
      cookie: bank.cookie,
      data: { ...productBody("改", { maxRateBp: 520 }), revision: 0 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.product).toMatchObject({ name: "科技信用贷改", maxRateBp: 520, revision: 1, status: "draft" });
    expect(
      (
        await api("PUT", `${BANK}/products/${p.id}`, {
          cookie: bank.cookie,
          data: { ...productBody("再改"), revision: 0 },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api("PUT", `${BANK}/products/${p.id}`, {
          cookie: bank.cookie,
          data: { ...productBody("再改"), minRateBp: 900 },
        })
      ).status,
    ).toBe(422);
  });

  it(
    "lists only published products of the catalogue, filtered " + "by type, amount, term, rate, guarantee and industry",
    async () => {
      const bank = await bankWithStaff();
      const tag = tagged();
      const f1 = await publishedProduct(
        bank.cookie,
        productBody(`${tag}甲`, {
          minAmountFen: 50 * WAN,
          maxAmountFen: 500 * WAN,
          minTermMonths: 6,
          maxTermMonths: 36,
          minRateBp: 350,
          maxRateBp: 480,
          guarantees: ["credit"],
          industries: [],
        }),
      );
      const f2 = await publishedProduct(
        bank.cookie,
        productBody(`${tag}乙`, {
          type: "mortgage",
          minAmountFen: 100 * WAN,
          maxAmountFen: 3000 * WAN,
          minTermMonths: 12,
          maxTermMonths: 60,
          minRateBp: 420,
          maxRateBp: 600,
          guarantees: ["mortgage"],
          industries: ["new-materials"],
        }),
      );
      const f3 = await publishedProduct(
        bank.cookie,
        productBody(`${tag}丙`, {
          type: "ip_pledge",
          minAmountFen: 10 * WAN,
          maxAmountFen: 300 * WAN,
          minTermMonths: 3,
          maxTermMonths: 24,
          minRateBp: 500,
          maxRateBp: 700,
          guarantees: ["pledge"],
          industries: ["intelligent-equipment"],
        }),
      );
      const draft = (await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(`${tag}丁`) })).body
        .product as Json;
      const gone = await publishedProduct(bank.cookie, productBody(`${tag}戊`));
      const withdrawn = await api("POST", `${BANK}/products/${gone.id}/withdraw`, { cookie: bank.cookie });
      expect(withdrawn.body.product.status).toBe("withdrawn");
      // again: no change
      expect((await api("POST", `${BANK}/products/${f1.id}/publish`, { cookie: bank.cookie })).status).toBe(200);

      const find = async (query: string) => {
        const res = await api("GET", `${FIN}/products?q=${tag}${query}`);
        expect(res.status, query).toBe(200);
        return ids(res.body.products);
      };
      expect(await find("")).toEqual([f1.id, f2.id, f3.id]); // lowest rate first; no draft, nothing withdrawn
      expect(await find("&type=mortgage")).toEqual([f2.id]);
      expect(await find(`&amountFen=${2000 * WAN}`)).toEqual([f2.id]);
      expect(await find(`&amountFen=${20 * WAN}`)).toEqual([f3.id]);
      expect(await find("&termMonths=48")).toEqual([f2.id]);
      expect(await find("&termMonths=3")).toEqual([f3.id]);
      expect(await find("&maxRateBp=400")).toEqual([f1.id]);
      expect(await find("&maxRateBp=450")).toEqual([f1.id, f2.id]);
      expect(await find("&guarantee=pledge")).toEqual([f3.id]);
      expect(await find("&industry=new-materials")).toEqual([f1.id, f2.id]); // f1 serves any industry
      expect(await find("&industry=intelligent-equipment")).toEqual([f1.id, f3.id]);
      expect(await find(`&type=credit&amountFen=${300 * WAN}&termMonths=12&guarantee=credit`)).toEqual([f1.id]);
      const one = (await api("GET", `${FIN}/products?q=${tag}`)).body.products[0] as Json;
      expect(one).toMatchObject({
        bankName: bank.name,
        bankBranch: "淄博分行",
        guarantees: ["credit"],
        industries: [],
      });

      const bad = await api("GET", `${FIN}/products?type=payday&amountFen=-1`);
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["type", "amountFen"]));
      expect((await api("GET", `${FIN}/products/${f1.id}`)).body.product).toMatchObject({
        id: f1.id,
        bankName: bank.name,
      });
      expect((await api("GET", `${FIN}/products/${draft.id}`)).status).toBe(404);
      expect((await api("GET", `${FIN}/products/${gone.id}`)).status).toBe(404);
      expect((await api("GET", `${FIN}/products/${draft.id}`, { cookie: bank.cookie })).body.product.status).toBe(
        "draft",
      ); // its own bank sees it
      expect(ids((await api("GET", `${BANK}/products`, { cookie: bank.cookie })).body.products).sort()).toEqual(
        [f1.id, f2.id, f3.id, draft.id, gone.id].sort(),
      );
    },
  );
});

describe("ranking a need's products", () => {
  it(
    "puts a product that fits before one that partly fits, breaks ties by the lower rate and " +
      "then by id, the same every time, with reasons",
    async () => {
      const bank = await bankWithStaff();
      const firm = await financeEnterprise();
      const tag = tagged();
      const fits = await publishedProduct(bank.cookie, productBody(`${tag}合`));
      const cheaper = await publishedProduct(bank.cookie, productBody(`${tag}低`, { minRateBp: 380 }));
      const twinA = await publishedProduct(bank.cookie, productBody(`${tag}同一`));
      const twinB = await publishedProduct(bank.cookie, productBody(`${tag}同二`));
      const partly = await publishedProduct(
        bank.cookie,
        productBody(`${tag}部分`, { maxAmountFen: 200 * WAN, minRateBp: 300, maxRateBp: 400 }),
      );
      const fails = await publishedProduct(
        bank.cookie,
        productBody(`${tag}抵押`, { guarantees: ["mortgage"], minRateBp: 200, maxRateBp: 300 }),
      );
      const need = await postedNeed(firm.cookie);
      expect(need).toMatchObject({ status: "open", guarantees: ["credit"], amountFen: 300 * WAN });

      const ranked = async () => {
        const res = await api("GET", `${FIN}/needs/${need.id}/matches`, { cookie: firm.cookie });
        expect(res.status).toBe(200);
        const mine = new Set([fits.id, cheaper.id, twinA.id, twinB.id, partly.id, fails.id]);
        return (res.body.matches as Json[]).filter((m) => mine.has(m.product.id));
      };
      const first = await ranked();
      const sameRate = [fits.id, twinA.id, twinB.id].sort();
      expect(first.map((m) => m.product.id)).toEqual([cheaper.id, ...sameRate, partly.id, fails.id]);
      expect((await ranked()).map((m) => m.product.id)).toEqual(first.map((m) => m.product.id));
      const ranks = first.map((m) => m.rank as number);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

      const top = first.find((m) => m.product.id === fits.id)!;
      expect(top.criteria.map((c: Json) => [c.id, c.result])).toEqual([
        ["amount", "meets"],
        ["term", "meets"],
        ["guarantee", "meets"],
        ["industry", "meets"],
        ["qualifications", "meets"],
        ["years", "meets"],
        ["revenue", "meets"],
      ]);
      expect(top).toMatchObject({ fails: 0, partly: 0, unknown: 0, bankName: bank.name });
      for (const c of top.criteria as Json[])
        expect(Object.keys(c).sort()).toEqual(["id", "label", "reason", "result"]);
      const amount = (first.find((m) => m.product.id === partly.id)!.criteria as Json[]).find(
        (c) => c.id === "amount",
      )!;
      expect(amount).toMatchObject({ label: "金额", result: "partly" });
      expect(amount.reason).toContain("可满足66%");
      const guarantee = (first.find((m) => m.product.id === fails.id)!.criteria as Json[]).find(
        (c) => c.id === "guarantee",
      )!;
      expect(guarantee).toMatchObject({ result: "fails" });
      expect(guarantee.reason).toContain("抵押");
    },
  );
});

describe("what a bank sees of a need", () => {
  it(
    "withholds the enterprise's financial facts until it " + "consents for that bank, and again once it revokes",
    async () => {
      const bank = await bankWithStaff();
      const firm = await financeEnterprise();
      await publishedProduct(bank.cookie, productBody(tagged()));
      const need = await postedNeed(firm.cookie);
      const seen = async () => {
        const res = await api("GET", `${BANK}/needs`, { cookie: bank.cookie });
        expect(res.status).toBe(200);
        return (res.body.needs as Json[]).find((n) => n.need.id === need.id)!;
      };
      const hidden = (row: Json) => {
        expect(row.consented).toBe(false);
        expect(row.facts).toEqual({
          industry: "new-materials",
          qualifications: null,
          yearsInOperation: null,
          revenueFen: null,
        });
        expect(
          row.best.criteria
            .filter((c: Json) => ["qualifications", "years", "revenue"].includes(c.id))
            .map((c: Json) => c.result),
        ).toEqual(["unknown", "unknown", "unknown"]);
        const text = JSON.stringify(row);
        expect(text).not.toContain(String(REVENUE_FEN));
        expect(text).not.toContain("5,432万");
        expect(text).not.toContain("hnte");
      };

      const before = await seen();
      expect(before.enterprise).toEqual({ id: firm.id, name: firm.name, industry: "new-materials" });
      expect(before.need).toMatchObject({ amountFen: 300 * WAN, purpose: "采购原材料,扩大生产" });
      hidden(before);

      const granted = await api("PUT", `${FIN}/consents/${bank.id}`, { cookie: firm.cookie });
      expect(granted.status).toBe(200);
      expect(granted.body.consents).toEqual([
        expect.objectContaining({ bankId: bank.id, bankName: bank.name, active: true, revokedAt: null }),
      ]);
      const shared = await seen();
      expect(shared.consented).toBe(true);
      expect(shared.facts).toMatchObject({
        industry: "new-materials",
        qualifications: ["hnte"],
        revenueFen: REVENUE_FEN,
      });
      expect(shared.facts.yearsInOperation).toBeGreaterThanOrEqual(10);
      expect(shared.best.criteria.map((c: Json) => c.result)).toEqual([
        "meets",
        "meets",
        "meets",
        "meets",
        "meets",
        "meets",
        "meets",
      ]);

      const revoked = await api("DELETE", `${FIN}/consents/${bank.id}`, { cookie: firm.cookie });
      expect(revoked.status).toBe(200);
      expect(revoked.body.consents).toEqual([expect.objectContaining({ bankId: bank.id, active: false })]);
      hidden(await seen());

      // A closed need is no longer shown to banks.
      expect((await api("POST", `${FIN}/needs/${need.id}/close`, { cookie: firm.cookie })).body.need.status).toBe(
        "closed",
      );
      expect(
        (await api("GET", `${BANK}/needs`, { cookie: bank.cookie })).body.needs.some(
          (n: Json) => n.need.id === need.id,
        ),
      ).toBe(false);
      expect((await api("PUT", `${FIN}/consents/${newId()}`, { cookie: firm.cookie })).status).toBe(404);
    },
  );
});

describe("applying for a loan", () => {
  let bank: Awaited<ReturnType<typeof bankWithStaff>>;
  let firm: Awaited<ReturnType<typeof financeEnterprise>>;
  let product: Json;
  let other: Json;
  beforeAll(async () => {
    bank = await bankWithStaff();
    firm = await financeEnterprise();
    const tag = tagged();
    product = await publishedProduct(bank.cookie, productBody(`${tag}甲`));
    other = await publishedProduct(bank.cookie, productBody(`${tag}乙`, { minRateBp: 450, maxRateBp: 600 }));
  });

  it(
    "needs the separate consent, makes one application per Idempotency-Key, and goes 受理 → 授信 " +
      "(within the product's ranges) → 放款",
    async () => {
      const need = await postedNeed(firm.cookie);
      const data = { productId: product.id, needId: need.id, amountFen: 300 * WAN, termMonths: 12 };
      for (const consent of [undefined, false]) {
        const res = await api("POST", `${FIN}/loans`, { cookie: firm.cookie, data: { ...data, consent } });
        expect(res.status).toBe(422);
        expect(res.body.error.fields.consent).toContain("同意");
      }
      expect((await api("GET", `${FIN}/loans`, { cookie: firm.cookie })).body.applications).toEqual([]);

      const key = crypto.randomUUID();
      const first = await api("POST", `${FIN}/loans`, {
        cookie: firm.cookie,
        data: { ...data, consent: true },
        headers: { "Idempotency-Key": key },
      });
      expect(first.status).toBe(201);
      const again = await api("POST", `${FIN}/loans`, {
        cookie: firm.cookie,
        data: { ...data, consent: true },
        headers: { "Idempotency-Key": key },
      });
      expect(again.status).toBe(200);
      const id = first.body.application.id as string;
      expect(again.body.application.id).toBe(id);
      expect(
        await dbFor(slug)
          .select({ id: loanApplications.id })
          .from(loanApplications)
          .where(eq(loanApplications.enterpriseId, firm.id)),
      ).toHaveLength(1);
      expect(first.body.application).toMatchObject({
        status: "submitted",
        statusZh: "已提交,待受理",
        productName: product.name,
        bankName: bank.name,
        enterprise: firm.name,
        needId: need.id,
        overdue: false,
        escalatedAt: null,
      });
      expect(first.body.application.acceptDueOn).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(first.body.application).not.toHaveProperty("idempotencyKey");
      const told = await dbFor(slug)
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, bank.staff[0]!.email), eq(outbox.kind, "loan_submitted")));
      expect(told).toHaveLength(1);
      // Applying granted the consent for that bank (and only that bank).
      expect((await api("GET", `${FIN}/consents`, { cookie: firm.cookie })).body.consents).toEqual([
        expect.objectContaining({ bankId: bank.id, active: true }),
      ]);
      expect(
        (await api("POST", `${FIN}/loans`, { cookie: firm.cookie, data: { ...data, consent: true } })).status,
      ).toBe(409); // already in progress

      const accepted = await act(bank.cookie, id, { action: "accept" });
      expect(accepted.status).toBe(200);
      expect(accepted.body.application).toMatchObject({ status: "accepted" });
      expect(accepted.body.application.decideDueOn).toMatch(/^\d{4}-\d\d-\d\d$/);
      const approve = { action: "approve", amountFen: 280 * WAN, rateBp: 420, termMonths: 12 };
      for (const [over, field] of [
        [{ amountFen: 2000 * WAN }, "amountFen"],
        [{ rateBp: 390 }, "rateBp"],
        [{ termMonths: 48 }, "termMonths"],
      ] as const) {
        const res = await act(bank.cookie, id, { ...approve, ...over });
        expect(res.status).toBe(422);
        expect(Object.keys(res.body.error.fields)).toEqual([field]);
      }
      expect(
        (await act(bank.cookie, id, { action: "disburse", amountFen: 280 * WAN, disbursedOn: inToday() })).status,
      ).toBe(409); // not approved yet
      const approved = await act(bank.cookie, id, approve);
      expect(approved.body.application).toMatchObject({
        status: "approved",
        approvedAmountFen: 280 * WAN,
        approvedRateBp: 420,
        approvedTermMonths: 12,
      });
      expect(
        (await act(bank.cookie, id, { action: "disburse", amountFen: 300 * WAN, disbursedOn: inToday() })).status,
      ).toBe(422);
      const paid = await act(bank.cookie, id, { action: "disburse", amountFen: 280 * WAN, disbursedOn: inToday() });
      expect(paid.body.application).toMatchObject({
        status: "disbursed",
        disbursedAmountFen: 280 * WAN,
        disbursedOn: inToday(),
      });
      expect(
        (await api("GET", `${FIN}/needs`, { cookie: firm.cookie })).body.needs.find((n: Json) => n.id === need.id)
          .status,
      ).toBe("met");

      const detail = await api("GET", `${FIN}/loans/${id}`, { cookie: firm.cookie });
      expect(detail.body.events.map((e: Json) => e.action)).toEqual(["submitted", "accept", "approve", "disburse"]);
      expect(detail.body.referral).toBeNull();
      const mail = await dbFor(slug)
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, firm.email), like(outbox.body, `%/finance/loans/${id}%`)));
      expect(mail.map((m) => m.kind).sort()).toEqual(["loan_accept", "loan_approve", "loan_disburse"]);
    },
  );

  it("declines with a reason and a referral to another published product, and tells the enterprise", async () => {
    const loan = await applied(firm.cookie, other.id);
    const draft = (await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(tagged()) })).body
      .product as Json;
    const decline = { action: "decline", reason: "申请额度超出本产品的授信政策" };
    expect((await act(bank.cookie, loan.id, { ...decline, referralProductId: draft.id })).body.error.fields).toEqual({
      referralProductId: "不是已发布的产品",
    });
    // not the same product
    expect((await act(bank.cookie, loan.id, { ...decline, referralProductId: other.id })).status).toBe(422);
    expect((await act(bank.cookie, loan.id, { action: "decline", reason: "不" })).status).toBe(422);
    const declined = await act(bank.cookie, loan.id, { ...decline, referralProductId: product.id });
    expect(declined.status).toBe(200);
    expect(declined.body.application).toMatchObject({
      status: "declined",
      declineReason: decline.reason,
      referralProductId: product.id,
    });
    expect(declined.body.application.decidedAt).toMatch(/Z$/);
    const detail = await api("GET", `${FIN}/loans/${loan.id}`, { cookie: firm.cookie });
    expect(detail.body.referral).toEqual({ productId: product.id, name: product.name, bankName: bank.name });
    const [mail] = await dbFor(slug)
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.recipient, firm.email),
          eq(outbox.kind, "loan_decline"),
          like(outbox.body, `%/finance/loans/${loan.id}%`),
        ),
      );
    expect(mail!.body).toContain(decline.reason);
    expect(mail!.body).toContain(`/finance/products/${product.id}`);
    expect((await act(bank.cookie, loan.id, { action: "accept" })).status).toBe(409);
  });
});

describe("response times", () => {
  it(
    "flags an application not accepted in time, once, to the bank's staff and the zone admins, " +
      "by the scheduled job",
    async () => {
      const bank = await bankWithStaff(2);
      const bystander = await bankWithStaff();
      const firm = await financeEnterprise();
      const loan = await applied(firm.cookie, (await publishedProduct(bank.cookie, productBody(tagged()))).id);
      await runScheduled();
      expect(
        (await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bank.cookie })).body.application.escalatedAt,
      ).toBeNull(); // not due yet
      await dbFor(slug)
        .update(loanApplications)
        .set({ acceptDueOn: "2020-01-02" })
        .where(eq(loanApplications.id, loan.id));
      expect(
        (await api("GET", `${FIN}/loans`, { cookie: bank.cookie })).body.applications.find(
          (a: Json) => a.id === loan.id,
        ).overdue,
      ).toBe(true);

      await runScheduled();
      const [row] = await dbFor(slug).select().from(loanApplications).where(eq(loanApplications.id, loan.id));
      expect(row!.escalatedAt).not.toBeNull();
      const overdueMail = async () =>
        (
          await dbFor(slug)
            .select()
            .from(outbox)
            .where(and(eq(outbox.kind, "loan_overdue"), like(outbox.body, `%/bank/loans/${loan.id}%`)))
        )
          .map((m) => m.recipient)
          .sort();
      const recipients = await overdueMail();
      expect(recipients).toEqual(expect.arrayContaining(bank.staff.map((s) => s.email)));
      // The zone admins' copy links to their own statistics page (the bank's loan page is 403 for them).
      const [adminMail] = await dbFor(slug)
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, "loan_overdue"),
            eq(outbox.recipient, "admin@zibo.demo"),
            like(outbox.body, `%${numberLine(zones.get("zibo")!, row!).trim()}%`),
          ),
        );
      expect(adminMail!.body).toContain("/admin/finance");
      expect(adminMail!.body).not.toContain("/bank/loans/");
      expect(recipients).not.toContain("admin@zibo.demo");
      expect(recipients).not.toContain(bystander.staff[0]!.email);
      expect(recipients).not.toContain(firm.email);
      expect(new Set(recipients).size).toBe(recipients.length);
      const detail = await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bank.cookie });
      expect(detail.body.events.map((e: Json) => [e.action, e.actor])).toEqual([
        ["submitted", firm.email],
        ["overdue", "system"],
      ]);
      expect(detail.body.application.escalatedAt).toMatch(/Z$/);

      await runScheduled();
      expect(await overdueMail()).toEqual(recipients);
      expect(
        await dbFor(slug)
          .select()
          .from(loanEvents)
          .where(and(eq(loanEvents.applicationId, loan.id), eq(loanEvents.action, "overdue"))),
      ).toHaveLength(1);
      const [still] = await dbFor(slug).select().from(loanApplications).where(eq(loanApplications.id, loan.id));
      expect(still!.escalatedAt).toBe(row!.escalatedAt);

      // Zone staff see it in the statistics: the bank's one application, overdue.
      const stats = await api("GET", "/api/v1/admin/finance/statistics", { cookie: await demo("reviewer") });
      expect(stats.status).toBe(200);
      expect(stats.body.banks.find((b: Json) => b.bankId === bank.id)).toEqual({
        bankId: bank.id,
        bank: bank.name,
        applications: 1,
        approved: 0,
        declined: 0,
        overdue: 1,
        avgDaysToRespond: null,
        avgDaysToDecide: null,
      });
    },
  );
});
