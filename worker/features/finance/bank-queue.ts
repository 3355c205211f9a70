/**
 * 贷款申请 as a bank's staff work through them: what waits on the bank first
 * (submitted or accepted), the overdue among those on top, then the rest,
 * newest first (then by id) — a page at a time, with the counts the page heads with (all,
 * waiting, overdue), in one round trip. The order is computed in SQL so a page
 * is the next rows of it (keyset), not the sorted whole of a bank's history.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { banks, enterprises, loanApplications, loanProducts } from "../../db/schema";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { LoanListRow } from "../../../web/pages/finance/rows";
import { bankOf } from "./actor-roles";
import { listRow, loanRows, loanSearch } from "./list-loans";
import { decodeCursor, pageOf, type Page } from "./paging";

export const BANK_QUEUE_PAGE = 30;

export interface BankQueuePage extends Page<LoanListRow> {
  /** Submitted or accepted: waiting on the bank. */
  waiting: number;
  /** Past its due day, or escalated to the zone. */
  overdue: number;
}

export async function bankQueue(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  query: { q?: string | undefined; after?: string | undefined },
): Promise<BankQueuePage> {
  const bankId = bankOf(ctx.actor);
  const today = shanghaiDate(ctx.now);
  const a = loanApplications;
  const pending = sql`${a.status} in ('submitted', 'accepted')`;
  // Past its accept-by day while submitted or its decide-by day while accepted (isOverdue), or escalated.
  const overdue = sql`((${a.status} = 'submitted' and ${a.acceptDueOn} < ${today})
    or (${a.status} = 'accepted' and ${a.decideDueOn} < ${today}) or ${a.escalatedAt} is not null)`;
  const waitRank = sql<number>`(case when ${pending} then 0 else 1 end)`;
  const lateRank = sql<number>`(case when ${pending} and ${overdue} then 0 else 1 end)`;
  const where = and(eq(a.bankId, bankId), loanSearch(ctx, query.q));
  const after = decodeCursor(query.after, ["n", "n", "n", "s"]);
  const keyset = after
    ? sql`(${waitRank}, ${lateRank}, -${a.submittedAt}, ${a.id})
        > (${after[0]}, ${after[1]}, ${-after[2]!}, ${after[3]})`
    : undefined;
  const tally = ctx.db
    .select({
      total: sql<number>`count(*)`,
      waiting: sql<number>`coalesce(sum(case when ${pending} then 1 else 0 end), 0)`,
      overdue: sql<number>`coalesce(sum(case when ${overdue} then 1 else 0 end), 0)`,
    })
    .from(a);
  const [rows, [counted]] = await ctx.db.batch([
    loanRows(ctx.db, and(where, keyset))
      .orderBy(waitRank, lateRank, desc(a.submittedAt), asc(a.id))
      .limit(BANK_QUEUE_PAGE + 1),
    // The search matches names: only then do the counts need the joins.
    query.q
      ? tally
          .innerJoin(loanProducts, eq(loanProducts.id, a.productId))
          .innerJoin(banks, eq(banks.id, a.bankId))
          .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
          .where(where)
      : tally.where(where),
  ]);
  const shown = rows.map((r) => {
    const row = listRow(ctx, r);
    return { ...row, overdue: row.overdue || row.application.escalatedAt !== null };
  });
  const page = pageOf(shown, BANK_QUEUE_PAGE, counted?.total ?? 0, (r) => {
    const p = r.application.status === "submitted" || r.application.status === "accepted";
    return [p ? 0 : 1, p && r.overdue ? 0 : 1, r.application.submittedAt, r.application.id];
  });
  return { ...page, waiting: counted?.waiting ?? 0, overdue: counted?.overdue ?? 0 };
}
