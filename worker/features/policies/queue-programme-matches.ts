/**
 * 重新计算: queues the "programme_matches" job that computes a programme's 政策找企业 list
 * (./compute-programme-matches.ts), unless one is already queued or running for it. One read (the
 * version in force, so the programme is checked and the job pinned to that version), then one
 * batch: the job's INSERT guarded by NOT EXISTS an open job for the programme — two staff pressing
 * the button together queue one job — and, after it, the programme's open job, which is either
 * the one just queued or the one that was there already.
 */
import { sql } from "drizzle-orm";
import { jobs } from "../../db/schema";
import { activeEnterpriseCount } from "./notify-newly-eligible";
import type { RequestCtx } from "../../middleware/request-ctx";
import { currentPolicyOf } from "./current-policy";
import { findProgramme } from "./estimate-programme";
import { openMatchesJobQuery, type OpenMatchesJob } from "./list-programme-matches";
import type { ProgrammeMatchesParams } from "./compute-programme-matches";

export interface QueuedMatches {
  /** False when a job for the programme was already queued or running: `job` is that one. */
  queued: boolean;
  job: OpenMatchesJob;
}

export async function queueProgrammeMatches(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "actor">,
  programmeId: string,
): Promise<QueuedMatches> {
  const { db } = ctx;
  const { policy, today } = await currentPolicyOf(ctx);
  findProgramme(policy, programmeId);
  const params: ProgrammeMatchesParams = { programmeId, versionId: policy.version.id, today };
  const t = ctx.now.getTime();
  const [inserted, open] = await db.batch([
    db.all<{ id: number }>(sql`insert into ${jobs}
      ("kind", "params", "total", "created_by", "created_at", "updated_at")
      select 'programme_matches', ${JSON.stringify(params)}, ${activeEnterpriseCount}, ${ctx.actor?.id ?? null},
        ${t}, ${t}
      where not exists (select 1 from ${jobs} where ${jobs.status} in ('queued', 'running')
        and ${jobs.kind} = 'programme_matches' and json_extract(${jobs.params}, '$.programmeId') = ${programmeId})
      returning "id"`),
    openMatchesJobQuery(db, programmeId),
  ]);
  const job = open[0] as OpenMatchesJob | undefined;
  // The open job cannot be missing: the INSERT either added it or found it (a job finishing in
  // between would need the scheduled run to claim and complete it inside this one batch).
  if (!job) throw new Error("queueProgrammeMatches: no open job after the insert");
  return { queued: inserted.length > 0 && inserted[0]!.id === job.id, job };
}
