/**
 * Reading loan applications: a member sees its enterprise's, a bank's staff
 * their own bank's, zone staff every one in the zone — each with the product,
 * bank and enterprise names and whether it is past its response time — a page
 * at a time with the total, in one round trip (one application: ./loan-detail).
 * Who may read which is readerScope, a condition in each query rather than a
 * read of its own, so the check costs no round trip.
 */
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { banks, enterprises, loanApplications, loanProducts, type LoanApplicationRow } from "../../db/schema";
import { applicationNumber, parseApplicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { LoanListRow } from "../../../web/pages/finance/rows";
import { CursorParam, decodeCursor, LimitParam, pageOf, type Page } from "./paging";

/** Past its accept-by day while submitted, or its decide-by day while accepted (the scheduled job flags it once). */
export function isOverdue(
  a: Pick<LoanApplicationRow, "status" | "acceptDueOn" | "decideDueOn">,
  today: string,
): boolean {
  return (
    (a.status === "submitted" && a.acceptDueOn < today) ||
    (a.status === "accepted" && a.decideDueOn !== null && a.decideDueOn < today)
  );
}

/** The columns every list row and the detail read: the application and the names around it. */
export function loanRows(db: RequestCtx["db"], where: SQL | undefined) {
  return db
    .select({
      application: loanApplications,
      productName: loanProducts.name,
      bankName: banks.name,
      enterprise: enterprises.name,
    })
    .from(loanApplications)
    .innerJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
    .innerJoin(banks, eq(banks.id, loanApplications.bankId))
    .innerJoin(enterprises, eq(enterprises.id, loanApplications.enterpriseId))
    .where(where);
}

/**
 * One application the actor may see (readerScope), with its names, unawaited: a write puts it at the end of its
 * own batch, so its answer shows the row as written without another round trip.
 */
export function loanRowById(ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string) {
  return loanRows(ctx.db, and(eq(loanApplications.id, id), readerScope(ctx.actor))).limit(1);
}

export type LoanRow = Omit<LoanListRow, "number" | "overdue">;
export function listRow(ctx: Pick<RequestCtx, "zone" | "now">, r: LoanRow): LoanListRow {
  return {
    ...r,
    number: applicationNumber(ctx.zone, "loan", r.application),
    overdue: isOverdue(r.application, shanghaiDate(ctx.now)),
  };
}

/** Whose applications the actor reads: its enterprise's (member), its bank's (staff), all (zone staff). */
export function readerScope(a: Actor): SQL | undefined {
  if (a.role === "enterprise" && a.enterpriseId) return eq(loanApplications.enterpriseId, a.enterpriseId);
  if (a.role === "bank" && a.bankId) return eq(loanApplications.bankId, a.bankId);
  if (a.role === "zone_admin" || a.role === "reviewer") return undefined;
  throw new AppError("forbidden", "你的账号不能查看贷款申请。");
}

export const LOANS_PAGE = 50;
export const LoanListQuery = z.object({
  q: z.string().max(50).optional(),
  after: CursorParam.optional(),
  limit: LimitParam(LOANS_PAGE),
});
export type LoanListQuery = z.input<typeof LoanListQuery>;

/**
 * A search: the application number (ZB-DK-2026-000045, also without the letters), or part of
 * one of the names given (the enterprise's, the product's, the bank's: whatever the query joins).
 */
export function loanSearch(
  ctx: Pick<RequestCtx, "zone">,
  q: string | undefined,
  names: readonly SQLiteColumn[] = [enterprises.name, loanProducts.name],
): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const n = parseApplicationNumber(ctx.zone, "loan", text);
  const pattern = `%${text.replace(/[%_\\]/g, "\\$&")}%`;
  // ESCAPE makes the backslashes above mean "this % or _ is itself"; LIKE has no escape character without it.
  const byName = or(...names.map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`));
  return n ? or(and(eq(loanApplications.numberYear, n.year), eq(loanApplications.numberSeq, n.seq)), byName) : byName;
}

/**
 * The applications the actor may see (readerScope), newest first, a page at a time, with the total;
 * `q` narrows them (loanSearch). One round trip: the page and the count in one batch.
 */
export async function listLoansFor(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  query: LoanListQuery = {},
): Promise<Page<LoanListRow>> {
  const q = LoanListQuery.parse(query);
  const where = and(readerScope(ctx.actor), loanSearch(ctx, q.q));
  const after = decodeCursor(q.after, ["n", "s"]);
  const keyset = after
    ? sql`(${loanApplications.submittedAt} < ${after[0]} or (${loanApplications.submittedAt} = ${after[0]}
        and ${loanApplications.id} < ${after[1]}))`
    : undefined;
  const [rows, [counted]] = await ctx.db.batch([
    loanRows(ctx.db, and(where, keyset))
      .orderBy(desc(loanApplications.submittedAt), desc(loanApplications.id))
      .limit(q.limit + 1),
    countLoans(ctx.db, where, q.q !== undefined),
  ]);
  return pageOf(
    rows.map((r) => listRow(ctx, r)),
    q.limit,
    counted?.total ?? 0,
    (r) => [r.application.submittedAt, r.application.id],
  );
}

/** The count for a list's filter; the name joins only when a search needs them (a plain count reads one index). */
export function countLoans(db: RequestCtx["db"], where: SQL | undefined, joined: boolean) {
  const counted = db.select({ total: sql<number>`count(*)` }).from(loanApplications);
  return joined
    ? counted
        .innerJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
        .innerJoin(banks, eq(banks.id, loanApplications.bankId))
        .innerJoin(enterprises, eq(enterprises.id, loanApplications.enterpriseId))
        .where(where)
    : counted.where(where);
}
