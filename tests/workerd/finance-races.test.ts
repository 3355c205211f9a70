/**
 * "50 parallel applications for one product made 49" and "50 parallel grants made 8
 * active rows", through the real Worker and the shared local libSQL server, every
 * request at once: one open application per enterprise and product and one active
 * consent per enterprise and bank are unique indexes now (migration 0008), so a losing
 * insert answers 409 — or, with the same Idempotency-Key, the first application — and
 * leaves nothing behind. The same races on a database file:
 * worker/features/finance/races.node.test.ts.
 */
import { and, eq, isNull, max } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applicationNumbers, auditLog, dataConsents, loanApplications, loanEvents } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor } from "./auth-support";
import {
  api,
  bankWithStaff,
  FIN,
  financeEnterprise,
  productBody,
  publishedProduct,
  slug,
  WAN,
} from "./finance-support";

const N = 50;
const ALREADY = "你已申请过这个产品,正在办理中。";
const db = () => dbFor(slug);
const apply = (cookie: string, productId: string, key?: string) =>
  api("POST", `${FIN}/loans`, {
    cookie,
    data: { productId, amountFen: 300 * WAN, termMonths: 12, consent: true },
    headers: key ? { "Idempotency-Key": key } : {},
  });
const rowsOf = (enterpriseId: string, productId: string) =>
  db()
    .select()
    .from(loanApplications)
    .where(and(eq(loanApplications.enterpriseId, enterpriseId), eq(loanApplications.productId, productId)));
const consentsOf = (enterpriseId: string, bankId: string) =>
  db()
    .select()
    .from(dataConsents)
    .where(and(eq(dataConsents.enterpriseId, enterpriseId), eq(dataConsents.bankId, bankId)));
const auditedFor = (action: string, target: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.target, target)));

async function world() {
  const bank = await bankWithStaff();
  const firm = await financeEnterprise();
  const product = await publishedProduct(bank.cookie, productBody(`并发${newId().slice(0, 6)}`));
  return { bank, firm, productId: product.id as string };
}

describe("50 applications for one product at once", () => {
  it("without an Idempotency-Key: exactly one 201, 49 × 409 已申请过, one row with one event, one consent", async () => {
    const { bank, firm, productId } = await world();
    const responses = await Promise.all(Array.from({ length: N }, () => apply(firm.cookie, productId)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.error.message))).toEqual(
      new Set([ALREADY]),
    );

    const rows = await rowsOf(firm.id, productId);
    expect(rows.map((r) => r.id)).toEqual([responses.find((r) => r.status === 201)!.body.application.id]);
    expect(
      (await db().select().from(loanEvents).where(eq(loanEvents.applicationId, rows[0]!.id))).map((e) => e.action),
    ).toEqual(["submitted"]);
    expect(await auditedFor("finance.loan_applied", rows[0]!.id)).toHaveLength(1);
    expect((await consentsOf(firm.id, bank.id)).map((c) => c.revokedAt)).toEqual([null]);
    expect(await auditedFor("finance.consent_granted", `bank:${bank.id}`)).toHaveLength(1);
    // The 49 refused batches took no number with them: the year's counter is the highest number given.
    const year = rows[0]!.numberYear!;
    const [counter] = await db()
      .select({ last: applicationNumbers.last })
      .from(applicationNumbers)
      .where(and(eq(applicationNumbers.kind, "loan"), eq(applicationNumbers.year, year)));
    const [given] = await db()
      .select({ seq: max(loanApplications.numberSeq) })
      .from(loanApplications)
      .where(eq(loanApplications.numberYear, year));
    expect(counter!.last).toBe(given!.seq);
  });

  it(
    "with one Idempotency-Key: all 50 answer the same " + "application (one 201, the rest 200), never 409, one row",
    async () => {
      const { firm, productId } = await world();
      const key = `race-${newId()}`;
      const responses = await Promise.all(Array.from({ length: N }, () => apply(firm.cookie, productId, key)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(N - 1);
      const rows = await rowsOf(firm.id, productId);
      expect(rows).toHaveLength(1);
      expect(new Set(responses.map((r) => r.body.application.id))).toEqual(new Set([rows[0]!.id]));
      // And a retry afterwards, in sequence.
      const again = await apply(firm.cookie, productId, key);
      expect([again.status, again.body.application.id]).toEqual([200, rows[0]!.id]);
    },
  );

  it(
    "from the product page's form, a double submit with its key lands on one application; " +
      "without a key the second is told 已申请过",
    async () => {
      const { firm, productId } = await world();
      const ORIGIN = `http://${slug}.localhost:8787`;
      const submit = (key: string) =>
        call(`${slug}.localhost`, "POST", "/finance/loans", {
          cookie: firm.cookie,
          origin: ORIGIN,
          contentType: "application/x-www-form-urlencoded",
          body: new URLSearchParams({
            productId,
            amount: "300",
            term: "12",
            consent: "yes",
            idempotencyKey: key,
          }).toString(),
        });
      const key = `form-${newId()}`;
      const twice = await Promise.all(Array.from({ length: 10 }, () => submit(key)));
      expect(twice.map((r) => r.status)).toEqual(Array(10).fill(303));
      const [row] = await rowsOf(firm.id, productId);
      expect(new Set(twice.map((r) => r.headers.get("location")))).toEqual(
        new Set([`/finance/loans/${row!.id}?done=applied`]),
      );
      const other = await submit("");
      expect(other.status).toBe(409);
      expect(await other.text()).toContain(ALREADY);
      expect(await rowsOf(firm.id, productId)).toHaveLength(1);
    },
  );
});

describe("50 consents for one bank at once", () => {
  it(
    "50 grants: all 200, one active consent, one audited grant; 50 revokes: all 200, none " +
      "active, one audited revocation",
    async () => {
      const bank = await bankWithStaff(0);
      const firm = await financeEnterprise();
      const grants = await Promise.all(
        Array.from({ length: N }, () => api("PUT", `${FIN}/consents/${bank.id}`, { cookie: firm.cookie })),
      );
      expect(grants.map((r) => r.status)).toEqual(Array(N).fill(200));
      const rows = await consentsOf(firm.id, bank.id);
      expect(rows.map((r) => r.revokedAt)).toEqual([null]);
      expect(await auditedFor("finance.consent_granted", `bank:${bank.id}`)).toHaveLength(1);
      // Every answer lists the one active consent.
      for (const g of grants)
        expect(
          g.body.consents.filter((c: { bankId: string; active: boolean }) => c.bankId === bank.id && c.active),
        ).toHaveLength(1);

      const revokes = await Promise.all(
        Array.from({ length: N }, () => api("DELETE", `${FIN}/consents/${bank.id}`, { cookie: firm.cookie })),
      );
      expect(revokes.map((r) => r.status)).toEqual(Array(N).fill(200));
      expect(
        await db()
          .select()
          .from(dataConsents)
          .where(
            and(
              eq(dataConsents.enterpriseId, firm.id),
              eq(dataConsents.bankId, bank.id),
              isNull(dataConsents.revokedAt),
            ),
          ),
      ).toEqual([]);
      expect((await consentsOf(firm.id, bank.id)).map((r) => r.id)).toEqual([rows[0]!.id]);
      expect(await auditedFor("finance.consent_revoked", `bank:${bank.id}`)).toHaveLength(1);
    },
  );
});
