/**
 * Lists of applications, a page at a time (keyset: ./queue-cursor.ts): a
 * member's own (every status, most recently changed first), and the staff's
 * queue with filters (status, stage, programme, enterprise name or application
 * number, back after a correction: ./resubmitted.ts), oldest due first, and
 * counts per stage, so each reviewer sees what waits for their stage first.
 * Each list is one batch: the page, its total and the counts. Filters are SQL,
 * and each has an index whose order is the list's (subsidies tables;
 * queue-plans.test.ts checks the plans), so a page reads the rows it shows and
 * one more, at 20,000 applications as at 20.
 */
import { and, desc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { TenantDb } from "../../db/open";
import { enterprises, SUBSIDY_STATUSES, subsidyApplications, subsidyObjections } from "../../db/schema";
import type { ZoneConfig } from "../../../tenants/schema";
import { parseApplicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { queueDueKey, queueSubmittedKey } from "../../db/tables/subsidies";
import { CursorParam, decodeCursor, MAX_PAGE, pageOf } from "./queue-cursor";
import { resubmittedInReview } from "./resubmitted";

export const QUEUE_PAGE = 50;

export const QueueQuery = z.object({
  status: z.enum(SUBSIDY_STATUSES).optional(),
  stage: z
    .string()
    .max(31)
    .regex(/^[a-z][a-z0-9-]{1,30}$/)
    .optional(),
  programme: z
    .string()
    .max(63)
    .regex(/^[a-z][a-z0-9-]{2,62}$/)
    .optional(),
  q: textField({ label: "搜索词", max: 50 }).optional(),
  resubmitted: z.enum(["0", "1"], "仅看退回后重新提交只能是 1(是)或 0(否)").optional().openapi({
    description:
      "1: only applications back in review after a correction and not yet passed on (the 工作台's 补正后重新提交)",
  }),
  after: CursorParam.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .optional()
    .openapi({ description: `Rows per page (default ${QUEUE_PAGE})` }),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

const columns = {
  id: subsidyApplications.id,
  numberYear: subsidyApplications.numberYear,
  numberSeq: subsidyApplications.numberSeq,
  programmeId: subsidyApplications.programmeId,
  enterpriseId: subsidyApplications.enterpriseId,
  enterprise: enterprises.name,
  status: subsidyApplications.status,
  stage: subsidyApplications.stage,
  amountFen: subsidyApplications.amountFen,
  requestedFen: subsidyApplications.requestedFen,
  submittedAt: subsidyApplications.submittedAt,
  updatedAt: subsidyApplications.updatedAt,
  dueOn: subsidyApplications.dueOn,
  revision: subsidyApplications.revision,
};

const countsOf = (rows: { status: (typeof SUBSIDY_STATUSES)[number]; stage: string | null; n: number }[]) =>
  rows.map((c) => ({ ...c, n: Number(c.n) }));

/** What a member's list may be narrowed to: one application number, or programmes (their titles matched q). */
export interface MemberFilter {
  number?: { year: number; seq: number };
  programmes?: { ids: string[]; orRetiredFrom?: string[] };
  after?: string;
  limit?: number;
}

/** A member's three reads (the page, its total, the counts per stage), built for one batch. */
export function myApplicationsQueries(db: TenantDb, enterpriseId: string, filter: MemberFilter = {}) {
  const mine = eq(subsidyApplications.enterpriseId, enterpriseId);
  const where: SQL[] = [mine];
  if (filter.number)
    where.push(
      eq(subsidyApplications.numberYear, filter.number.year),
      eq(subsidyApplications.numberSeq, filter.number.seq),
    );
  const p = filter.programmes;
  if (p) {
    // A programme the policy in force no longer has is titled 已不在现行政策 (programme-title.ts): a search for
    // that phrase finds it by "not among today's programmes".
    const named = inArray(subsidyApplications.programmeId, p.ids.length ? p.ids : [""]);
    where.push(p.orRetiredFrom ? or(named, notInArray(subsidyApplications.programmeId, p.orRetiredFrom))! : named);
  }
  const size = filter.limit ?? QUEUE_PAGE;
  const after = filter.after
    ? (() => {
        const [updatedAt, id] = decodeCursor(filter.after, 2);
        return sql`(${subsidyApplications.updatedAt}, ${subsidyApplications.id}) < (${updatedAt}, ${id})`;
      })()
    : undefined;
  const page = db
    .select(columns)
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(and(...where, after))
    .orderBy(desc(subsidyApplications.updatedAt), desc(subsidyApplications.id))
    .limit(size + 1);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(subsidyApplications)
    .where(and(...where));
  const counts = db
    .select({ status: subsidyApplications.status, stage: subsidyApplications.stage, n: sql<number>`count(*)` })
    .from(subsidyApplications)
    .where(mine)
    .groupBy(subsidyApplications.status, subsidyApplications.stage);
  return { size, page, total, counts };
}

export async function listMyApplications(
  { db, actor }: Pick<RequestCtx<Actor>, "db" | "actor">,
  filter: MemberFilter = {},
) {
  if (actor.role !== "enterprise" || !actor.enterpriseId)
    throw new AppError("forbidden", "只有入驻企业的用户有自己的申报。");
  const q = myApplicationsQueries(db, actor.enterpriseId, filter);
  const [rows, total, counts] = await db.batch([q.page, q.total, q.counts]);
  const page = pageOf(rows, q.size, (r) => [r.updatedAt, r.id]);
  return { ...page, total: Number(total[0]?.n ?? 0), counts: countsOf(counts) };
}

/** The queue's filters as SQL (the cursor aside): what the page and its total share. */
export function queueFilters(zone: Pick<ZoneConfig, "slug" | "code">, query: QueueQuery): SQL[] {
  const where: SQL[] = [];
  const resubmitted = query.resubmitted === "1";
  if (query.status) where.push(eq(subsidyApplications.status, query.status));
  // Without a status, "anything but a draft" as a filter, not an IN: the queue's order index is then read
  // in order (an IN made SQLite seek each status and sort every submitted application instead).
  // Resubmitted says "in review" itself; with another status the list is rightly empty.
  else if (!resubmitted) where.push(sql`${subsidyApplications.status} <> 'draft'`);
  if (resubmitted) where.push(resubmittedInReview);
  if (query.stage) where.push(eq(subsidyApplications.stage, query.stage));
  if (query.programme) where.push(eq(subsidyApplications.programmeId, query.programme));
  if (query.q) {
    // q is an enterprise name or an application number (ZB-2026-000123, also without the letters).
    // ESCAPE is what makes the backslashes mean "this % or _ is itself": without it LIKE
    // read them as ordinary characters, and a search for "%" or "_" found nothing.
    const byName = sql`${enterprises.name} LIKE ${`%${query.q.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'`;
    const n = parseApplicationNumber(zone, "subsidy", query.q);
    where.push(
      n
        ? or(byName, and(eq(subsidyApplications.numberYear, n.year), eq(subsidyApplications.numberSeq, n.seq)))!
        : byName,
    );
  }
  return where;
}

/** The queue's three reads (the page, its total, the counts per stage), built for one batch. */
export function queueQueries(db: TenantDb, zone: Pick<ZoneConfig, "slug" | "code">, query: QueueQuery) {
  const where = queueFilters(zone, query);
  const size = query.limit ?? QUEUE_PAGE;
  const after = query.after
    ? (() => {
        const [due, submitted, id] = decodeCursor(query.after, 3);
        return sql`(${queueDueKey}, ${queueSubmittedKey}, ${subsidyApplications.id}) > (${due}, ${submitted}, ${id})`;
      })()
    : undefined;
  // Whether a 公示 objection waits on the row: a correlated EXISTS through the objections' (application, status)
  // index, in the page's own query — the page's rows each cost one index probe, never a query of their own.
  const openObjection = sql<number>`exists (select 1 from ${subsidyObjections} where ${subsidyObjections.applicationId}
    = ${subsidyApplications.id} and ${subsidyObjections.status} = 'open')`;
  const page = db
    .select({
      ...columns,
      openObjection,
      dueKey: sql<string>`${queueDueKey}`,
      submittedKey: sql<number>`${queueSubmittedKey}`,
    })
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(and(...where, after))
    .orderBy(queueDueKey, queueSubmittedKey, subsidyApplications.id)
    .limit(size + 1);
  const count = db.select({ n: sql<number>`count(*)` });
  // The enterprise's name is only needed to count a search by it.
  const total = query.q
    ? count
        .from(subsidyApplications)
        .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
        .where(and(...where))
    : count.from(subsidyApplications).where(and(...where));
  const counts = db
    .select({ status: subsidyApplications.status, stage: subsidyApplications.stage, n: sql<number>`count(*)` })
    .from(subsidyApplications)
    .where(sql`${subsidyApplications.status} <> 'draft'`)
    .groupBy(subsidyApplications.status, subsidyApplications.stage);
  return { size, page, total, counts };
}

export async function listQueue(
  { db, zone }: { db: TenantDb; zone: Pick<ZoneConfig, "slug" | "code"> },
  query: QueueQuery,
) {
  const q = queueQueries(db, zone, query);
  const [rows, total, counts] = await db.batch([q.page, q.total, q.counts]);
  const page = pageOf(rows, q.size, (r) => [r.dueKey, r.submittedKey, r.id]);
  return {
    rows: page.rows.map(({ dueKey: _d, submittedKey: _s, openObjection, ...r }) => ({
      ...r,
      hasOpenObjection: Boolean(Number(openObjection)),
    })),
    nextCursor: page.nextCursor,
    total: Number(total[0]?.n ?? 0),
    counts: countsOf(counts),
  };
}
