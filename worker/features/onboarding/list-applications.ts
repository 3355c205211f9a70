/** The review queue: applications filtered by status, industry and submission date, with counts per status. */
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { APPLICATION_STATUSES, onboardingApplications as apps } from "../../db/schema";
import type { ListFilters } from "./schemas";
import type { RequestCtx } from "../../middleware/request-ctx";

const DAY_MS = 86_400_000;
/** Midnight of a calendar day in Beijing time (UTC+8, no daylight saving). */
const beijingMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00+08:00`);

export async function listApplications({ db }: Pick<RequestCtx, "db">, filters: ListFilters) {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(apps.status, filters.status));
  if (filters.industry) where.push(eq(apps.industry, filters.industry));
  if (filters.from) where.push(gte(apps.createdAt, beijingMidnight(filters.from)));
  if (filters.to) where.push(lt(apps.createdAt, beijingMidnight(filters.to) + DAY_MS));
  const [rows, perStatus] = await db.batch([
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
      .where(and(...where))
      .orderBy(desc(apps.updatedAt))
      .limit(500),
    db.select({ status: apps.status, n: count() }).from(apps).groupBy(apps.status),
  ]);
  const counts = Object.fromEntries(
    APPLICATION_STATUSES.map((s) => [s, perStatus.find((r) => r.status === s)?.n ?? 0]),
  ) as Record<(typeof APPLICATION_STATUSES)[number], number>;
  return {
    applications: rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
    counts,
  };
}
