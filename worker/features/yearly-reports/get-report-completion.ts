/**
 * What staff see of the yearly reports: every window with its completion counts, and for one year
 * the covered enterprises (admitted, active) each with its filing status, paged with a total. Each
 * is one batch; "filed" is judged in SQL by the rule the member's page applies (./filing-sql.ts).
 */
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { enterpriseYearlyFigures as f, enterprises, reportChases, reportWindows } from "../../db/schema";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { filingStatus, type FilingStatus } from "../../lib/yearly-report";
import type { RequestCtx } from "../../middleware/request-ctx";
import { coveredEnterprise, filingStatusSql, yearJoin } from "./filing-sql";
import { PAGE_SIZE, type CompletionFilter } from "./schemas";

export interface Counts {
  enterprises: number;
  filed: number;
  incomplete: number;
  unfiled: number;
}

/** Counts of one year's covered enterprises by status, correlated on `yearSql` (a window's year). */
function countOf(yearSql: SQL, complete: boolean) {
  return sql<number>`(select count(*) from ${enterprises} join ${f}
    on ${f.enterpriseId} = ${enterprises.id} and ${f.year} = ${yearSql}
    where ${coveredEnterprise} and (${filingStatusSql} ${complete ? sql`=` : sql`!=`} 'filed'))`;
}

const coveredCount = sql<number>`(select count(*) from ${enterprises} where ${coveredEnterprise})`;

export async function listReportWindows({ ctx }: { ctx: Pick<RequestCtx, "db"> }) {
  const rows = await ctx.db
    .select({
      window: reportWindows,
      enterprises: coveredCount,
      filed: countOf(sql`${reportWindows.year}`, true),
      incomplete: countOf(sql`${reportWindows.year}`, false),
    })
    .from(reportWindows)
    .orderBy(desc(reportWindows.year));
  return rows.map((r) => ({ ...r.window, counts: countsOf(r.enterprises, r.filed, r.incomplete) }));
}
export type ReportWindowView = Awaited<ReturnType<typeof listReportWindows>>[number];

const countsOf = (total: number, filed: number, incomplete: number): Counts => ({
  enterprises: total,
  filed,
  incomplete,
  unfiled: Math.max(0, total - filed - incomplete),
});

function statusCondition(status: CompletionFilter["status"]): SQL | undefined {
  if (status === "all") return undefined;
  if (status === "pending") return sql`${filingStatusSql} != 'filed'`;
  return sql`${filingStatusSql} = ${status}`;
}

/** `%`, `_` and `\` typed in a search are letters, not wildcards. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function getReportCompletion(o: { ctx: Pick<RequestCtx, "db" | "now">; year: number } & CompletionFilter) {
  const { ctx, year } = o;
  const { db } = ctx;
  const today = shanghaiDate(ctx.now);
  const filter = and(
    coveredEnterprise,
    statusCondition(o.status),
    o.q ? sql`${enterprises.name} like ${likeText(o.q)} escape '\\'` : undefined,
  );
  const lastChase = sql<string | null>`(select max(${reportChases.day}) from ${reportChases}
    where ${reportChases.enterpriseId} = ${enterprises.id} and ${reportChases.year} = ${year})`;
  const [windows, byStatus, rows, [total]] = await db.batch([
    db.select().from(reportWindows).where(eq(reportWindows.year, year)).limit(1),
    db
      .select({ status: filingStatusSql, n: count() })
      .from(enterprises)
      .leftJoin(f, yearJoin(year))
      .where(coveredEnterprise)
      .groupBy(filingStatusSql),
    db
      .select({
        enterprise: { id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc },
        figures: f,
        lastChase,
      })
      .from(enterprises)
      .leftJoin(f, yearJoin(year))
      .where(filter)
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(PAGE_SIZE)
      .offset((o.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(enterprises).leftJoin(f, yearJoin(year)).where(filter),
  ]);
  const window = windows[0];
  if (!window) throw new AppError("not_found", `还没有开启 ${year} 年度报表。`);
  const n = (s: FilingStatus) => byStatus.find((b) => b.status === s)?.n ?? 0;
  const counts: Counts = {
    enterprises: n("filed") + n("incomplete") + n("unfiled"),
    filed: n("filed"),
    incomplete: n("incomplete"),
    unfiled: n("unfiled"),
  };
  return {
    window: { ...window, counts },
    today,
    total: total?.n ?? 0,
    page: o.page,
    pageSize: PAGE_SIZE,
    rows: rows.map((r) => ({
      ...r.enterprise,
      status: filingStatus(r.figures),
      figures: r.figures,
      lastChasedOn: r.lastChase,
      chasedToday: r.lastChase === today,
    })),
  };
}
export type ReportCompletion = Awaited<ReturnType<typeof getReportCompletion>>;
