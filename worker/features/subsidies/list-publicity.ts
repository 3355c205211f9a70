/**
 * The public list of 公示 (./publicity.ts has the rules): what is on notice now, a page
 * at a time, with its total and each item's title from the version it was computed with.
 */
import { z } from "@hono/zod-openapi";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { enterprises, subsidyApplications } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import type { RequestCtx } from "../../middleware/request-ctx";
import { policyFromRow, policyVersionsQuery } from "../policies/current-policy";
import { titleFrom } from "./programme-title";
import { PUBLICITY } from "./publicity";
import { CursorParam, decodeCursor, MAX_PAGE, pageOf } from "./queue-cursor";

export const PUBLICITY_PAGE = 50;

export const PublicityQuery = z.object({
  after: CursorParam.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .optional()
    .openapi({ description: `Items per page (default ${PUBLICITY_PAGE})` }),
});
export type PublicityQuery = z.infer<typeof PublicityQuery>;

/**
 * What the public notice shows (no person, no contact, no figures beyond the amount), ending soonest
 * first, a page at a time; its total; and the policy versions the items were computed with (their
 * titles), all for one batch: an anonymous page is one round trip.
 */
export function publicityQueries(db: TenantDb, zone: ZoneConfig, query: PublicityQuery = {}) {
  const onNotice = and(eq(subsidyApplications.status, "in_review"), eq(subsidyApplications.stage, PUBLICITY(zone)));
  const size = query.limit ?? PUBLICITY_PAGE;
  const key = sql<string>`ifnull(${subsidyApplications.publicityTo}, '')`;
  const after = query.after
    ? (() => {
        const [to, name, id] = decodeCursor(query.after, 3);
        return sql`(${key}, ${enterprises.name}, ${subsidyApplications.id}) > (${to}, ${name}, ${id})`;
      })()
    : undefined;
  const page = db
    .select({
      id: subsidyApplications.id,
      numberYear: subsidyApplications.numberYear,
      numberSeq: subsidyApplications.numberSeq,
      enterprise: enterprises.name,
      programmeId: subsidyApplications.programmeId,
      amountFen: subsidyApplications.amountFen,
      from: subsidyApplications.publicityFrom,
      to: subsidyApplications.publicityTo,
      policyVersion: subsidyApplications.policyVersion,
    })
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(and(onNotice, after))
    .orderBy(asc(subsidyApplications.publicityTo), asc(enterprises.name), asc(subsidyApplications.id))
    .limit(size + 1);
  const total = db.select({ n: sql<number>`count(*)` }).from(subsidyApplications).where(onNotice);
  const versionIds = db
    .selectDistinct({ v: subsidyApplications.policyVersion })
    .from(subsidyApplications)
    .where(onNotice);
  return { size, page, total, versions: policyVersionsQuery(db, zone, versionIds) };
}

/** A page of the notice, its total, and a title for each item from the version it was computed with. */
export async function listPublicity(ctx: Pick<RequestCtx, "db" | "zone">, query: PublicityQuery = {}) {
  const q = publicityQueries(ctx.db, ctx.zone, query);
  const [rows, total, versionRows] = await ctx.db.batch([q.page, q.total, q.versions]);
  const versions = new Map<number, CompiledPolicySet | null>();
  for (const row of versionRows) versions.set(row.id, (await policyFromRow(ctx, row))?.compiled ?? null);
  const page = pageOf(rows, q.size, (r) => [r.to ?? "", r.enterprise, r.id]);
  return {
    ...page,
    total: Number(total[0]?.n ?? 0),
    /** The programme's title as the item's own version wrote it. */
    titleOf: (r: (typeof rows)[number]) =>
      titleFrom(r.policyVersion !== null ? versions.get(r.policyVersion) : null)(r.programmeId),
  };
}

/** Whether an application is on the public notice now (what may be objected to). */
export async function onNotice({ db, zone }: Pick<RequestCtx, "db" | "zone">, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subsidyApplications.id })
    .from(subsidyApplications)
    .where(
      and(
        eq(subsidyApplications.id, id),
        eq(subsidyApplications.status, "in_review"),
        eq(subsidyApplications.stage, PUBLICITY(zone)),
      ),
    )
    .limit(1);
  return row !== undefined;
}
