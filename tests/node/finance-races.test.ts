/**
 * "50 parallel applications for one product made 49" and "50 parallel grants made 8
 * active rows", re-run against a libSQL database FILE with one connection per request
 * (as separate requests would have), all started at once through the services: every
 * one reads before any writes, so only the unique indexes of migration 0008 stand
 * between them and a second row. The Node driver is synchronous, so what races here is
 * each request's read→write gap — exactly where the "已申请过" check let them through.
 * The same races through the Worker: tests/workerd/finance-races.test.ts.
 */
import { createClient } from "@libsql/client";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import zone from "../../tenants/zibo/zone";
import { openTenantDb, type TenantDb } from "../../worker/db/open";
import {
  applicationNumbers,
  auditLog,
  banks,
  dataConsents,
  loanApplications,
  loanEvents,
  outbox,
  users,
  type Role,
} from "../../worker/db/schema";
import { openFileWorld, type FileWorld } from "../support/file-world";
import { grantConsent, revokeConsent } from "../../worker/features/finance/consents";
import type { Actor, RequestCtx } from "../../worker/middleware/request-ctx";
import { applyForLoan } from "../../worker/features/finance/loan-applications";
import { createProduct, setProductStatus } from "../../worker/features/finance/products";
import { product } from "../../worker/features/finance/test-support";

/** What the finance services read: a request's context, built here by hand. */
type ServiceCtx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">;

const WAN = 1_000_000;
const NOW = new Date("2026-06-15T02:00:00Z");
const N = 50;
let world: FileWorld;
let db: TenantDb;
let bank: Actor;
let member: Actor;

const actor = async (email: string): Promise<Actor> => {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { id: u!.id, email: u!.email, role: u!.role as Role, enterpriseId: u!.enterpriseId, bankId: u!.bankId };
};

beforeAll(async () => {
  world = await openFileWorld("finance-races", NOW);
  db = world.db;
  bank = await actor("bank@zibo.demo");
  member = await actor("enterprise@zibo.demo");
});

afterAll(() => world.close());

/** A context on a connection of its own to the file. */
function ownConnection(a: Actor): ServiceCtx {
  const client = createClient({ url: world.url });
  world.clients.push(client);
  return { db: openTenantDb(client), zone, now: NOW, ip: "203.0.113.9", origin: "https://zibo.example.cn", actor: a };
}

const ctx = (a: Actor): ServiceCtx => ({
  db,
  zone,
  now: NOW,
  ip: "203.0.113.9",
  origin: "https://zibo.example.cn",
  actor: a,
});

async function publishedProduct(name: string) {
  const p = await createProduct(ctx(bank), product({ name, qualifications: [] }));
  await setProductStatus(ctx(bank), p.id, "published");
  return p;
}

const counter = async () =>
  (
    await db
      .select()
      .from(applicationNumbers)
      .where(and(eq(applicationNumbers.kind, "loan"), eq(applicationNumbers.year, 2026)))
  )[0]?.last ?? 0;
const applicationsFor = (productId: string) =>
  db
    .select()
    .from(loanApplications)
    .where(and(eq(loanApplications.enterpriseId, member.enterpriseId!), eq(loanApplications.productId, productId)));
const failures = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) =>
    r.status === "rejected" ? [`${(r.reason as { code?: string }).code}: ${(r.reason as Error).message}`] : [],
  );
const activeConsents = () =>
  db
    .select()
    .from(dataConsents)
    .where(
      and(
        eq(dataConsents.enterpriseId, member.enterpriseId!),
        eq(dataConsents.bankId, bank.bankId!),
        isNull(dataConsents.revokedAt),
      ),
    );
const audited = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));
const apply = (productId: string, key: string | null) =>
  applyForLoan(ownConnection(member), { productId, amountFen: 300 * WAN, termMonths: 12, consent: true }, key);

describe("50 applications for one product at once", () => {
  it(
    "without an Idempotency-Key: one is created, 49 are refused as already applied, and only " +
      "the winner took a number, a consent, an event and mails",
    async () => {
      const p = await publishedProduct("并发申请产品甲");
      const before = await counter();
      const results = await Promise.allSettled(Array.from({ length: N }, () => apply(p.id, null)));

      const created = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      expect(created.map((c) => c.created)).toEqual([true]);
      expect(failures(results)).toEqual(Array(N - 1).fill("conflict: 你已申请过这个产品,正在办理中。"));
      const rows = await applicationsFor(p.id);
      expect(rows.map((r) => r.id)).toEqual([created[0]!.application.id]);
      // The losers' batches rolled back whole: the counter moved once, so the numbers keep no gap.
      expect(await counter()).toBe(before + 1);
      expect(rows[0]!.numberSeq).toBe(before + 1);
      expect(
        (await db.select().from(loanEvents).where(eq(loanEvents.applicationId, rows[0]!.id))).map((e) => e.action),
      ).toEqual(["submitted"]);
      expect((await audited("finance.loan_applied")).filter((a) => a.target === rows[0]!.id)).toHaveLength(1);
      expect(
        await db
          .select()
          .from(outbox)
          .where(
            and(
              eq(outbox.kind, "loan_submitted"),
              eq(outbox.subject, `【${zone.shortName.zh}】新的贷款申请:并发申请产品甲`),
            ),
          ),
      ).toHaveLength(1);
      expect(await activeConsents()).toHaveLength(1);
      expect(await audited("finance.consent_granted")).toHaveLength(1);
    },
  );

  it(
    "with one Idempotency-Key: every request answers the same application, one created and 49 " +
      "returned as already made",
    async () => {
      const p = await publishedProduct("并发申请产品乙");
      const before = await counter();
      const results = await Promise.allSettled(Array.from({ length: N }, () => apply(p.id, "same-key-50")));
      expect(failures(results)).toEqual([]);
      const answers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const rows = await applicationsFor(p.id);
      expect(rows).toHaveLength(1);
      expect(new Set(answers.map((a) => a.application.id))).toEqual(new Set([rows[0]!.id]));
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      expect(await counter()).toBe(before + 1);
      // A retry later, in sequence, is the same answer again.
      expect(await apply(p.id, "same-key-50")).toMatchObject({ created: false, application: { id: rows[0]!.id } });
    },
  );

  it(
    "for 10 products of one bank at once: all 10 are created, and the consent for the bank is " + "given once",
    async () => {
      const b = await createBankOfItsOwn();
      const products = [];
      for (let i = 0; i < 10; i++) products.push(await publishedProductOf(b, `同行产品${i}`));
      const results = await Promise.allSettled(products.map((p) => apply(p.id, null)));
      expect(failures(results)).toEqual([]);
      const consents = await db
        .select()
        .from(dataConsents)
        .where(and(eq(dataConsents.enterpriseId, member.enterpriseId!), eq(dataConsents.bankId, b.bankId!)));
      expect(consents.map((c) => c.revokedAt)).toEqual([null]);
      expect((await audited("finance.consent_granted")).filter((a) => a.target === `bank:${b.bankId}`)).toHaveLength(1);
      expect(
        await db
          .select()
          .from(loanApplications)
          .where(
            inArray(
              loanApplications.productId,
              products.map((p) => p.id),
            ),
          ),
      ).toHaveLength(10);
    },
  );
});

describe("50 consents for one bank at once", () => {
  it(
    "granting 50 times: every grant succeeds, one consent is active and one grant audited; 50 " +
      "revokes then end it once",
    async () => {
      const b = await createBankOfItsOwn();
      const grants = await Promise.allSettled(
        Array.from({ length: N }, () => grantConsent(ownConnection(member), b.bankId!)),
      );
      expect(failures(grants)).toEqual([]);
      const rows = await db
        .select()
        .from(dataConsents)
        .where(and(eq(dataConsents.enterpriseId, member.enterpriseId!), eq(dataConsents.bankId, b.bankId!)));
      expect(rows.map((r) => r.revokedAt)).toEqual([null]);
      expect((await audited("finance.consent_granted")).filter((a) => a.target === `bank:${b.bankId}`)).toHaveLength(1);

      const revokes = await Promise.allSettled(
        Array.from({ length: N }, () => revokeConsent(ownConnection(member), b.bankId!)),
      );
      expect(failures(revokes)).toEqual([]);
      const after = await db
        .select()
        .from(dataConsents)
        .where(and(eq(dataConsents.enterpriseId, member.enterpriseId!), eq(dataConsents.bankId, b.bankId!)));
      expect(after.map((r) => [r.id, r.revokedBy])).toEqual([[rows[0]!.id, member.id]]);
      expect((await audited("finance.consent_revoked")).filter((a) => a.target === `bank:${b.bankId}`)).toHaveLength(1);
    },
  );
});

let banksMade = 0;
/** Another active bank with one staff user (the services read the actor, not a user row). */
async function createBankOfItsOwn(): Promise<Actor> {
  const id = `race-bank-${++banksMade}`;
  await db.insert(banks).values({ id, name: `竞争银行${banksMade}`, createdAt: NOW.getTime(), status: "active" });
  return { id: `${id}-staff`, email: `staff@${id}.test`, role: "bank", enterpriseId: null, bankId: id };
}

async function publishedProductOf(b: Actor, name: string) {
  const p = await createProduct(ctx(b), product({ name, qualifications: [] }));
  await setProductStatus(ctx(b), p.id, "published");
  return p;
}
