/**
 * Lists of applications: a member's own (every status), and the staff's queue
 * per stage with filters (status, stage, programme, enterprise name or
 * application number) and counts per stage, so each reviewer sees what waits
 * for their stage first.
 */
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { enterprises, SUBSIDY_STATUSES, subsidyApplications } from "../../db/schema";
import type { ZoneConfig } from "../../../tenants/schema";
import { parseApplicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

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

export async function listMyApplications({ db, actor }: Pick<RequestCtx<Actor>, "db" | "actor">) {
  if (actor.role !== "enterprise" || !actor.enterpriseId)
    throw new AppError("forbidden", "只有入驻企业的用户有自己的申报。");
  return db
    .select(columns)
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(eq(subsidyApplications.enterpriseId, actor.enterpriseId))
    .orderBy(desc(subsidyApplications.updatedAt));
}

export async function listQueue(
  { db, zone }: { db: TenantDb; zone: Pick<ZoneConfig, "slug" | "code"> },
  query: QueueQuery,
) {
  const where: SQL[] = [sql`${subsidyApplications.status} <> 'draft'`];
  if (query.status) where.push(eq(subsidyApplications.status, query.status));
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
  const [rows, counts] = await db.batch([
    db
      .select(columns)
      .from(subsidyApplications)
      .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
      .where(and(...where))
      .orderBy(asc(subsidyApplications.dueOn), asc(subsidyApplications.submittedAt))
      .limit(500),
    db
      .select({ status: subsidyApplications.status, stage: subsidyApplications.stage, n: sql<number>`count(*)` })
      .from(subsidyApplications)
      .where(sql`${subsidyApplications.status} <> 'draft'`)
      .groupBy(subsidyApplications.status, subsidyApplications.stage),
  ]);
  return { rows, counts: counts.map((c) => ({ ...c, n: Number(c.n) })) };
}
