/**
 * 政策找企业 for zone staff, read from the stored list (computed outside the request by the
 * "programme_matches" job, ./compute-programme-matches.ts): one page of a programme's enterprises,
 * qualifying first (keyset on tier, name, id), the counts per tier, when and under which version
 * the list was computed, and the job computing it now, if any. One batch, whatever the zone's size.
 * The caller checks the programme against the returned policy (page and API word the 404 differently).
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { jobs, MATCH_TIERS, programmeMatchRuns, programmeMatches, type MatchTier } from "../../db/schema";
import type { Evaluation } from "../../engines/policy/evaluate";
import { decodeCursorKey, encodeCursorKey } from "../../lib/cursor";
import { AppError } from "../../lib/errors";
import type { RequestCtx } from "../../middleware/request-ctx";
import { currentPolicyQuery, NO_POLICY, policyFromRow, type LoadedPolicy } from "./current-policy";
import { shanghaiDate } from "../../lib/calendar";

export const MATCHES_PAGE_SIZE = 50;
export const MATCHES_MAX_PAGE = 200;

export interface MatchRow {
  enterprise: { id: string; name: string };
  tier: MatchTier;
  result: Evaluation;
  met: number;
  missed: number;
  untold: number;
  versionId: number;
}

/** The job computing (or queued to compute) a programme's list. */
export interface OpenMatchesJob {
  id: number;
  status: "queued" | "running";
  done: number;
  total: number | null;
}

export interface ProgrammeMatchesPage {
  policy: LoadedPolicy;
  /** Null until the list was first computed. */
  run: { jobId: number; versionId: number; evaluatedOn: string; computedAt: number } | null;
  job: OpenMatchesJob | null;
  counts: Record<MatchTier, number>;
  total: number;
  rows: MatchRow[];
  nextCursor: string | null;
}

const Key = z.tuple([z.number().int().min(0).max(3), z.string().max(300), z.string().max(100)]);

function decodeAfter(after: string): z.infer<typeof Key> {
  const key = Key.safeParse(decodeCursorKey(after));
  if (key.success) return key.data;
  throw new AppError("validation_failed", "翻页参数有误,请回到第一页。", { after: "翻页参数有误" });
}

/** The job of this kind open for `programmeId` (few jobs are open at once: read on jobs_status_idx). */
export function openMatchesJobQuery(db: TenantDb, programmeId: string) {
  return (
    db
      .select({ id: jobs.id, status: jobs.status, done: jobs.done, total: jobs.total })
      .from(jobs)
      .where(
        and(
          inArray(jobs.status, ["queued", "running"]),
          eq(jobs.kind, "programme_matches"),
          sql`json_extract(${jobs.params}, '$.programmeId') = ${programmeId}`,
        ),
      )
      // At most one is open (queueing checks), so no order: none to sort among the open jobs.
      .limit(1)
  );
}

export async function listProgrammeMatches(
  ctx: Pick<RequestCtx, "db" | "zone" | "now">,
  {
    programmeId,
    after,
    limit = MATCHES_PAGE_SIZE,
  }: { programmeId: string; after?: string | undefined; limit?: number },
): Promise<ProgrammeMatchesPage> {
  const { db, zone } = ctx;
  const key = after === undefined ? null : decodeAfter(after);
  const shown = sql`(select ${programmeMatchRuns.jobId} from ${programmeMatchRuns}
    where ${programmeMatchRuns.programmeId} = ${programmeId})`;
  const ofList = and(eq(programmeMatches.programmeId, programmeId), eq(programmeMatches.jobId, shown));
  const [current, runs, open, rows, counted] = await db.batch([
    currentPolicyQuery(db, zone, shanghaiDate(ctx.now)),
    db.select().from(programmeMatchRuns).where(eq(programmeMatchRuns.programmeId, programmeId)).limit(1),
    openMatchesJobQuery(db, programmeId),
    db
      .select()
      .from(programmeMatches)
      .where(
        key
          ? and(
              ofList,
              sql`(${programmeMatches.tierRank}, ${programmeMatches.name}, ${programmeMatches.enterpriseId})
                > (${key[0]}, ${key[1]}, ${key[2]})`,
            )
          : ofList,
      )
      .orderBy(asc(programmeMatches.tierRank), asc(programmeMatches.name), asc(programmeMatches.enterpriseId))
      .limit(limit + 1),
    db
      .select({ tierRank: programmeMatches.tierRank, n: count() })
      .from(programmeMatches)
      .where(ofList)
      .groupBy(programmeMatches.tierRank),
  ]);
  const policy = await policyFromRow(ctx, current[0]);
  if (!policy) throw new AppError("not_found", NO_POLICY);
  const counts: Record<MatchTier, number> = { eligible: 0, confirm: 0, unknown: 0, ineligible: 0 };
  for (const c of counted) counts[MATCH_TIERS[c.tierRank] ?? "unknown"] += c.n;
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const [job] = open as (OpenMatchesJob | undefined)[];
  return {
    policy,
    run: runs[0] ?? null,
    job: job ?? null,
    counts,
    total: counted.reduce((s, c) => s + c.n, 0),
    rows: page.map((r) => ({
      enterprise: { id: r.enterpriseId, name: r.name },
      tier: r.tier,
      result: JSON.parse(r.result) as Evaluation,
      met: r.met,
      missed: r.missed,
      untold: r.untold,
      versionId: r.versionId,
    })),
    nextCursor: more && last ? encodeCursorKey([last.tierRank, last.name, last.enterpriseId]) : null,
  };
}
