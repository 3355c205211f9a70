/**
 * The review queue: applications filtered by status, industry and submission date, newest
 * activity first, one page at a time (queue-paging.ts), with the total of the filter and the
 * count per status — all in one batch, one round trip. Every filter is SQL on an index
 * (onboarding.ts: status/industry × updated_at), so a page reads its own rows and no more.
 */
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { APPLICATION_STATUSES, onboardingApplications as apps } from "../../db/schema";
import type { ListFilters } from "./schemas";
import type { RequestCtx } from "../../middleware/request-ctx";
import { decodeQueueCursor, queuePageOf } from "./queue-paging";

const DAY_MS = 86_400_000;
/** Rows per page unless the API asks for fewer or more (at most 100). */
export const QUEUE_PAGE_SIZE = 50;
/** Midnight of a calendar day in Beijing time (UTC+8, no daylight saving). */
const beijingMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00+08:00`);

function filtersWhere(filters: ListFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(apps.status, filters.status));
  if (filters.industry) where.push(eq(apps.industry, filters.industry));
  if (filters.from) where.push(gte(apps.createdAt, beijingMidnight(filters.from)));
  if (filters.to) where.push(lt(apps.createdAt, beijingMidnight(filters.to) + DAY_MS));
  return where;
}

export async function listApplications({ db }: Pick<RequestCtx, "db">, filters: ListFilters) {
  const size = filters.limit ?? QUEUE_PAGE_SIZE;
  const where = filtersWhere(filters);
  // `before` (上一页) reads backwards from its cursor; `after` (下一页), or none, forwards.
  const forward = !filters.before;
  const cursor = filters.before
    ? decodeQueueCursor(filters.before, "before")
    : filters.after
      ? decodeQueueCursor(filters.after, "after")
      : null;
  const keyed = cursor
    ? [
        forward
          ? sql`(${apps.updatedAt}, ${apps.id}) < (${cursor[0]}, ${cursor[1]})`
          : sql`(${apps.updatedAt}, ${apps.id}) > (${cursor[0]}, ${cursor[1]})`,
      ]
    : [];
  const order = forward ? [desc(apps.updatedAt), desc(apps.id)] : [asc(apps.updatedAt), asc(apps.id)];
  const [read, perStatus, [total]] = await db.batch([
    db
      .select({
        id: apps.id,
        status: apps.status,
        companyName: apps.companyName,
        uscc: apps.uscc,
        industry: apps.industry,
        createdAt: apps.createdAt,
        updatedAt: apps.updatedAt,
      })
      .from(apps)
      .where(and(...where, ...keyed))
      .orderBy(...order)
      .limit(size + 1),
    db.select({ status: apps.status, n: count() }).from(apps).groupBy(apps.status),
    db
      .select({ n: count() })
      .from(apps)
      .where(and(...where)),
  ]);
  const page = queuePageOf(read, size, { forward, cursor: cursor !== null }, (r) => [r.updatedAt, r.id]);
  const counts = Object.fromEntries(
    APPLICATION_STATUSES.map((s) => [s, perStatus.find((r) => r.status === s)?.n ?? 0]),
  ) as Record<(typeof APPLICATION_STATUSES)[number], number>;
  return {
    applications: page.rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
    counts,
    total: total?.n ?? 0,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
