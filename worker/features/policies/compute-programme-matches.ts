/**
 * The "programme_matches" job: evaluates one programme for every active enterprise, a chunk at a
 * time in id order after the job's cursor, and stores each result (db/tables/programme-matches.ts)
 * for the staff's 政策找企业 page and API, which then read one page of it instead of evaluating
 * the whole zone inside a request. A chunk's reads are one batch keyed on the chunk's ids; its rows
 * are committed by the runner with its progress (features/jobs/run-zone-jobs.ts). The last chunk
 * also points the programme's run row at this job's rows and drops the older ones.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { jobs, MATCH_TIERS, programmeMatchRuns, programmeMatches } from "../../db/schema";
import { fitOf } from "../../engines/policy/rank";
import type { JobHandler } from "../jobs/job-handler";
import { policyFromRow, policyVersionsQuery } from "./current-policy";
import { enterpriseChunkQueries, profilesFrom, withInProgress } from "./enterprise-profiles";

/** What queueing stores on the job: the programme, the version and the day every chunk judges on. */
export const ProgrammeMatchesParams = z.object({
  programmeId: z.string().min(1).max(100),
  versionId: z.number().int().positive(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ProgrammeMatchesParams = z.infer<typeof ProgrammeMatchesParams>;

export const computeProgrammeMatchesChunk: JobHandler = async (ctx, job, limit) => {
  const p = ProgrammeMatchesParams.parse(JSON.parse(job.params));
  const { version, chunk } = await readChunk(ctx.db, ctx.zone, p, job.cursor, limit);
  const policy = await policyFromRow(ctx, version);
  if (!policy) throw new Error(`第${p.versionId}版政策不存在`);
  const programme = policy.compiled.programmes.get(p.programmeId);
  if (!programme) throw new Error(`第${p.versionId}版政策没有项目 ${p.programmeId}`);
  const t = ctx.now.getTime();
  const writes = chunk.map((e) => {
    const fit = fitOf(programme, e.profile, e.history, p.today);
    return ctx.db.insert(programmeMatches).values({
      programmeId: p.programmeId,
      jobId: job.id,
      enterpriseId: e.id,
      name: e.name,
      tierRank: MATCH_TIERS.indexOf(fit.tier),
      tier: fit.tier,
      versionId: p.versionId,
      met: fit.met,
      missed: fit.missed,
      untold: fit.untold,
      result: JSON.stringify(withInProgress(e, fit.result)),
      computedAt: t,
    });
  });
  const finished = chunk.length < limit;
  return {
    items: chunk.length,
    cursor: chunk.at(-1)?.id ?? job.cursor,
    finished,
    writes,
    messages: 0,
    finish: finished ? finishRun(job.id, p, t) : [],
  };
};

/**
 * The list becomes this job's rows: the run row upserted (never back to an older job's), then the
 * older jobs' rows dropped. Both only once the job is done, and both idempotent (see JobChunk.finish).
 */
function finishRun(jobId: number, p: ProgrammeMatchesParams, t: number) {
  const done = sql`exists (select 1 from ${jobs} where ${jobs.id} = ${jobId} and ${jobs.status} = 'done')`;
  return [
    sql`insert into ${programmeMatchRuns}
      ("programme_id", "job_id", "version_id", "evaluated_on", "computed_at")
      select ${p.programmeId}, ${jobId}, ${p.versionId}, ${p.today}, ${t} where ${done}
      on conflict ("programme_id") do update set "job_id" = excluded."job_id",
        "version_id" = excluded."version_id", "evaluated_on" = excluded."evaluated_on",
        "computed_at" = excluded."computed_at"
      where excluded."job_id" >= ${programmeMatchRuns}."job_id"`,
    sql`delete from ${programmeMatches}
      where ${programmeMatches.programmeId} = ${p.programmeId} and ${programmeMatches.jobId} < ${jobId} and ${done}`,
  ];
}

/** The version and the next `limit` active enterprises after `cursor` with what the engine reads of them: one batch. */
async function readChunk(
  db: TenantDb,
  zone: Parameters<typeof policyVersionsQuery>[1],
  p: ProgrammeMatchesParams,
  cursor: string | null,
  limit: number,
) {
  const [versions, ...profiles] = await db.batch([
    policyVersionsQuery(db, zone, [p.versionId]),
    ...enterpriseChunkQueries(db, cursor, limit).queries,
  ]);
  return { version: versions[0], chunk: profilesFrom(profiles, p.today) };
}
