/**
 * Paging the 金融超市's lists: each page follows the last without a row twice
 * or a row missed, in the list's order, with the whole list's total on every
 * page; a cursor that was tampered with is a 422 the reader can act on.
 * Rows are written straight into a migrated in-memory zone, more than a page.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enterprises, financingNeeds, loanApplications, loanProducts } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { Actor } from "../../middleware/request-ctx";
import { needsForBank } from "./bank-needs";
import { bankQueue } from "./bank-queue";
import { listLoansFor } from "./list-loans";
import { myLoans } from "./member-reads";
import { encodeCursor } from "./paging";
import { createProduct, setProductStatus } from "./products";
import { listCatalogue } from "./catalogue";
import { financeWorld, product, type FinanceWorld } from "./test-support";

const WAN = 1_000_000;
let w: FinanceWorld;
let bank: Actor;
let member: Actor;
let admin: Actor;
let productId: string;
const NEEDS = 47;
const LOANS = 71;

/** Every page of a list, following nextCursor; the ids in order and the totals each page reported. */
async function walk<T>(
  read: (after: string | undefined) => Promise<{ rows: T[]; total: number; nextCursor: string | null }>,
  id: (row: T) => string,
) {
  const ids: string[] = [];
  const rows: T[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await read(after);
    ids.push(...page.rows.map(id));
    rows.push(...page.rows);
    totals.push(page.total);
    if (!page.nextCursor) return { ids, rows, totals, pages: pages + 1 };
    after = page.nextCursor;
  }
  throw new Error("the pages never ended");
}

beforeAll(async () => {
  w = await financeWorld();
  bank = await w.actor("bank@zibo.demo");
  member = await w.actor("applicant1@zibo.demo");
  admin = await w.actor("admin@zibo.demo");
  const fits = await createProduct(w.ctx(bank), product({ qualifications: [], minYears: 0, minRevenueFen: 0 }));
  await setProductStatus(w.ctx(bank), fits.id, "published");
  productId = fits.id;
  const firms = await w.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.status, "active"));
  const t = w.now.getTime();
  // Three tiers: within the product's amount and term; a guarantee it accepts but too much money; none it accepts.
  await w.db.insert(financingNeeds).values(
    Array.from({ length: NEEDS }, (_, i) => ({
      id: `need-${String(i).padStart(3, "0")}`,
      enterpriseId: firms[i % firms.length]!.id,
      createdBy: member.id,
      amountFen: (i % 3 === 1 ? 5000 : 300) * WAN,
      termMonths: 12,
      purpose: "采购原材料",
      guarantees: i % 3 === 2 ? '["mortgage"]' : '["credit"]',
      neededBy: "2026-07-01",
      validUntil: "2026-09-30",
      status: "open" as const,
      // Some share a moment: the id breaks the tie, and no row may fall between two pages.
      createdAt: t - Math.floor(i / 2) * 1000,
      updatedAt: t,
    })),
  );
  // One product per application: an enterprise has one open application per product (a unique index).
  const [p] = await w.db.select().from(loanProducts).where(eq(loanProducts.id, productId));
  const drafts = Array.from({ length: LOANS }, () => ({ ...p!, id: newId(), status: "draft" as const }));
  await w.db.insert(loanProducts).values(drafts);
  await w.db.insert(loanApplications).values(
    Array.from({ length: LOANS }, (_, i) => ({
      id: newId(),
      productId: drafts[i]!.id,
      bankId: p!.bankId,
      enterpriseId: i < 30 ? member.enterpriseId! : firms[(i % (firms.length - 1)) + 1]!.id,
      createdBy: member.id,
      amountFen: 300 * WAN,
      termMonths: 12,
      status: (["submitted", "accepted", "approved", "disbursed", "declined"] as const)[i % 5]!,
      submittedAt: t - Math.floor(i / 3) * 60_000,
      acceptDueOn: i % 10 === 0 ? "2026-05-20" : "2026-06-10",
      decideDueOn: i % 5 === 1 ? "2026-05-25" : null,
    })),
  );
});

describe("paging the 金融超市's lists", () => {
  it("a bank's needs: each open need once, best tier first, newest first in a tier, the total per page", async () => {
    const { ids, totals, pages } = await walk(
      (after) => needsForBank(w.ctx(bank), { after, limit: 10 }),
      (r) => r.need.id,
    );
    expect(pages).toBe(5);
    expect(new Set(ids).size).toBe(NEEDS);
    expect(totals).toEqual([NEEDS, NEEDS, NEEDS, NEEDS, NEEDS]);
    const tier = (id: string) => [0, 1, 2][Number(id.slice(5)) % 3]!;
    expect(ids.map(tier)).toEqual([...ids.map(tier)].sort());
    // Newest first within a tier: need-000 (the newest of tier 0) leads.
    expect(ids[0]).toBe("need-000");
  });

  it("a bank's needs narrowed in SQL: a guarantee offered, or only a full fit; the total follows", async () => {
    const mortgage = await needsForBank(w.ctx(bank), { guarantee: "mortgage", limit: 100 });
    expect(mortgage.total).toBe(15);
    expect(mortgage.rows.every((r) => r.need.guarantees.includes("mortgage"))).toBe(true);
    const full = await walk(
      (after) => needsForBank(w.ctx(bank), { fit: "full", after, limit: 7 }),
      (r) => r.need.id,
    );
    expect(full.ids).toHaveLength(16);
    expect(full.totals.every((t) => t === 16)).toBe(true);
  });

  it("a member's loans: newest first, 20 a page, its own only", async () => {
    const own = await w.db
      .select({ id: loanApplications.id })
      .from(loanApplications)
      .where(eq(loanApplications.enterpriseId, member.enterpriseId!));
    expect(own.length).toBeGreaterThan(40);
    const { ids, rows, totals, pages } = await walk(
      (after) => myLoans(w.ctx(member), { after }),
      (r) => r.id,
    );
    expect(pages).toBe(Math.ceil(own.length / 20));
    expect(ids.sort()).toEqual(own.map((r) => r.id).sort());
    expect(totals.every((t) => t === own.length)).toBe(true);
    const times = rows.map((r) => r.submittedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("the loans API for zone staff: every application once, newest first", async () => {
    const seen = await walk(
      (after) => listLoansFor(w.ctx(admin), { after, limit: 25 }),
      (r) => r.application.id,
    );
    expect(seen.pages).toBe(3);
    expect(new Set(seen.ids).size).toBe(LOANS);
    const all = await listLoansFor(w.ctx(admin), { limit: 100 });
    const times = all.rows.map((r) => r.application.submittedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("the bank's queue: waiting ones first, the overdue among them on top; counts over the whole queue", async () => {
    const { ids, rows, totals, pages } = await walk(
      (after) => bankQueue(w.ctx(bank), { after }),
      (r) => r.application.id,
    );
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(LOANS);
    expect(totals.every((t) => t === LOANS)).toBe(true);
    const first = await bankQueue(w.ctx(bank), {});
    const waiting = (s: string) => s === "submitted" || s === "accepted";
    expect(first.waiting).toBe(rows.filter((r) => waiting(r.application.status)).length);
    expect(first.overdue).toBe(rows.filter((r) => r.overdue).length);
    expect(first.overdue).toBeGreaterThan(0);
    // Waiting ones first, the overdue among them first of all; then the rest.
    const rank = (r: (typeof rows)[number]) => (waiting(r.application.status) ? (r.overdue ? 0 : 1) : 2);
    expect(rows.map(rank)).toEqual([...rows.map(rank)].sort());
  });

  it("the catalogue: lowest rate first, a page at a time, with the total", async () => {
    for (let i = 0; i < 11; i++) {
      const p = await createProduct(w.ctx(bank), product({ name: `分页产品${i}`, minRateBp: 300 + (i % 4) }));
      await setProductStatus(w.ctx(bank), p.id, "published");
    }
    const { ids, rows, totals } = await walk(
      (after) => listCatalogue(w.db, { after, limit: 4 }),
      (r) => r.product.id,
    );
    expect(new Set(ids).size).toBe(12);
    expect(totals.every((t) => t === 12)).toBe(true);
    const rates = rows.map((r) => r.product.minRateBp);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });

  it("refuses a tampered cursor with a message, reading nothing", async () => {
    await expect(needsForBank(w.ctx(bank), { after: "bm90LWpzb24" })).rejects.toMatchObject({
      status: 422,
      message: "翻页链接已失效,请回到第一页。",
    });
    await expect(myLoans(w.ctx(member), { after: encodeCursor(["x", 1]) })).rejects.toMatchObject({ status: 422 });
  });
});
