/**
 * Reading loan applications: a member sees its enterprise's, a bank's staff
 * their own bank's, zone staff every one in the zone — each with the product,
 * bank and enterprise names and whether it is past its response time — and one
 * application with its timeline and the product a decline referred to. Who may
 * read one application is decided in one place, readableLoan.
 */
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  banks,
  enterprises,
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  users,
  type LoanApplicationRow,
} from "../../db/schema";
import { applicationNumber, parseApplicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { LoanDetail, LoanListRow } from "../../../web/pages/finance/rows";
import { readableLoan } from "./loan-applications";
import { getProduct } from "./products";

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

/** At most this many rows per list; a zone with more needs paging, which no zone is near. */
const LIST_LIMIT = 500;

async function loansWhere(
  ctx: Pick<RequestCtx, "db" | "zone" | "now">,
  where: SQL | undefined,
): Promise<LoanListRow[]> {
  const rows = await ctx.db
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
    .where(where)
    .orderBy(desc(loanApplications.submittedAt), asc(loanApplications.id))
    .limit(LIST_LIMIT);
  const today = shanghaiDate(ctx.now);
  return rows.map((r) => ({
    ...r,
    number: applicationNumber(ctx.zone, "loan", r.application),
    overdue: isOverdue(r.application, today),
  }));
}

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
 * The applications the actor may see: its enterprise's (member), its bank's (bank staff),
 * all (zone staff); `q` narrows them (loanSearch).
 */
export async function listLoansFor(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  q?: string,
): Promise<LoanListRow[]> {
  const a = ctx.actor;
  const search = loanSearch(ctx, q);
  if (a.role === "enterprise" && a.enterpriseId)
    return loansWhere(ctx, and(eq(loanApplications.enterpriseId, a.enterpriseId), search));
  if (a.role === "bank" && a.bankId) return loansWhere(ctx, and(eq(loanApplications.bankId, a.bankId), search));
  if (a.role === "zone_admin" || a.role === "reviewer") return loansWhere(ctx, search);
  throw new AppError("forbidden", "你的账号不能查看贷款申请。");
}

/**
 * One application its reader may see (others 404), with the timeline, any
 * referred product, the enterprise's contact and the member who applied, and
 * the need it came from (its 资金用途).
 */
export async function getLoanDetail(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  id: string,
): Promise<LoanDetail> {
  await readableLoan(ctx, id);
  const [row] = await loansWhere(ctx, eq(loanApplications.id, id));
  if (!row) throw new AppError("not_found", "没有这笔贷款申请。");
  const a = row.application;
  // Whom the bank calls about it, and what the money is for: read with the timeline in one round trip.
  const [events, contacts, applicants, needs] = await ctx.db.batch([
    ctx.db.select().from(loanEvents).where(eq(loanEvents.applicationId, id)).orderBy(asc(loanEvents.id)),
    ctx.db
      .select({ name: enterprises.contactName, phone: enterprises.contactMobile })
      .from(enterprises)
      .where(eq(enterprises.id, a.enterpriseId)),
    ctx.db
      .select({ name: users.name, email: users.email, mobile: users.mobile })
      .from(users)
      .where(eq(users.id, a.createdBy)),
    ctx.db
      .select({
        id: financingNeeds.id,
        purpose: financingNeeds.purpose,
        amountFen: financingNeeds.amountFen,
        termMonths: financingNeeds.termMonths,
      })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.id, a.needId ?? ""), eq(financingNeeds.enterpriseId, a.enterpriseId))),
  ]);
  const contact = { name: contacts[0]?.name ?? null, phone: contacts[0]?.phone ?? null };
  const applicant = applicants[0] ?? null;
  const need = needs[0] ?? null;
  const referralId = row.application.referralProductId;
  // A referred product withdrawn since is no longer offered; the decline's note still says it was referred.
  const referral = referralId
    ? await getProduct(ctx.db, referralId, null).then(
        (r) => ({ productId: r.product.id, name: r.product.name, bankName: r.bankName }),
        (e: unknown) => {
          if (e instanceof AppError && e.code === "not_found") return null;
          throw e;
        },
      )
    : null;
  return { ...row, events, referral, contact, applicant, need };
}
