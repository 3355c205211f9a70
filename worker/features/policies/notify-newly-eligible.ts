/**
 * 免申即享 notices: when a new policy version takes effect, every active
 * enterprise that qualifies for a programme it did not qualify for under the
 * previous version (or that is new) is told, through the outbox, by email to
 * each of its active members. "Qualifies" means eligible on what the platform
 * already knows, so the notice never promises what the enterprise must still prove.
 *
 * A zone has thousands of enterprises, so this is not done in the publishing request: publishing
 * queues a job (publish-policy-version.ts) and the scheduled run calls this handler for one chunk
 * of enterprises at a time, in id order after the job's cursor (worker/features/jobs/run-zone-jobs.ts).
 * A chunk's reads are one batch; its notices are committed by the runner with its progress.
 */
import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { enterprises, policyVersions, users } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { citeClause } from "../../engines/policy/citation";
import { fitOf } from "../../engines/policy/rank";
import { formatMoney } from "../../lib/money";
import type { JobChunkCtx, JobHandler, SingleRowInsert } from "../jobs/job-handler";
import { outboxInsert } from "../outbox/enqueue-message";
import { compileStored } from "./current-policy";
import { enterpriseChunkQueries, profilesFrom, type EnterpriseFacts } from "./enterprise-profiles";

/** What publishing stores on the job: the versions compared, and the day they are judged on. */
export const NotifyNewlyEligibleParams = z.object({
  versionId: z.number().int().positive(),
  /** The version in force before, or null: then every programme the enterprise qualifies for is new to it. */
  beforeVersionId: z.number().int().positive().nullable(),
  /** The publishing day (Asia/Shanghai): every chunk judges on it, however many runs the job takes. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /**
   * The moment of publishing (epoch ms): as when the notices were sent inside the request, only the
   * enterprises and members there were then are told (a zone seeded after its first version is not).
   */
  asOf: z.number().int(),
});
export type NotifyNewlyEligibleParams = z.infer<typeof NotifyNewlyEligibleParams>;

export const notifyNewlyEligibleChunk: JobHandler = async (ctx, job, limit) => {
  const p = NotifyNewlyEligibleParams.parse(JSON.parse(job.params));
  const { versions, chunk, members } = await readChunk(ctx.db, p, job.cursor, limit);
  const compiled = (id: number | null) => {
    const v = versions.find((r) => r.id === id);
    return v ? compileStored(ctx.zone, v.contentHash, v.data) : null;
  };
  const after = compiled(p.versionId);
  if (!after) throw new Error(`第${p.versionId}版政策不存在`);
  const before = compiled(p.beforeVersionId);
  const emailsOf = new Map<string, string[]>();
  for (const m of members) emailsOf.set(m.enterpriseId!, [...(emailsOf.get(m.enterpriseId!) ?? []), m.email]);
  const writes: SingleRowInsert[] = [];
  for (const e of chunk) {
    const emails = emailsOf.get(e.id);
    if (emails?.length) writes.push(...noticesFor(ctx, e, emails, { before, after, versionId: p.versionId }, p.today));
  }
  return {
    items: chunk.length,
    cursor: chunk.at(-1)?.id ?? job.cursor,
    finished: chunk.length < limit,
    writes,
    messages: writes.length,
  };
};

/** One enterprise's notice, once per member's address; none when nothing is newly eligible. */
function noticesFor(
  { db, zone, now, origin }: JobChunkCtx,
  e: EnterpriseFacts,
  emails: string[],
  { before, after, versionId }: { before: CompiledPolicySet | null; after: CompiledPolicySet; versionId: number },
  today: string,
): SingleRowInsert[] {
  const newly = after.list
    .filter((p) => p.applicants.kinds.includes("enterprise"))
    .map((p) => fitOf(p, e.profile, e.history, today))
    // Only where its own records prove a condition: "nothing fails" alone is no reason to write to anyone.
    .filter((f) => f.tier === "eligible")
    .filter((f) => {
      const old = before?.programmes.get(f.programme.id);
      return !old || fitOf(old, e.profile, e.history, today).tier !== "eligible";
    });
  if (!newly.length) return [];
  const lines = newly.map((f) => {
    const amount =
      f.result.amountFen !== null
        ? `预计${formatMoney(f.result.amountFen)}`
        : (f.result.amountNote ?? "金额经评审确定");
    const link = `${origin}/policies/programmes/${f.programme.id}`;
    return `· ${f.programme.title.zh}(${citeClause(f.programme.clause)}):${amount}\n  ${link}`;
  });
  const body =
    `${e.name}:\n\n${zone.shortName.zh}发布了第${versionId}版政策。根据贵企业在平台登记的资料,以下项目贵企业新近符合条件:\n\n` +
    `${lines.join("\n")}\n\n以上为按现有资料的测算,以审核结果为准。查看全部匹配项目:${origin}/policies/match\n`;
  return emails.map((email) =>
    outboxInsert(
      db,
      {
        channel: "email",
        recipient: email,
        subject: `【${zone.shortName.zh}】政策更新:贵企业新符合${newly.length}个扶持项目`,
        body,
        kind: "policy_newly_eligible",
      },
      now,
    ),
  );
}

/**
 * The two versions, the next `limit` active enterprises after `cursor` with what the engine reads of
 * them, and their active members' addresses: one batch, every per-enterprise read keyed on the
 * chunk's ids (a subquery), so no read grows with the zone.
 */
async function readChunk(db: TenantDb, p: NotifyNewlyEligibleParams, cursor: string | null, limit: number) {
  const { ids, queries } = enterpriseChunkQueries(db, cursor, limit, lte(enterprises.createdAt, p.asOf));
  const versionIds = p.beforeVersionId === null ? [p.versionId] : [p.versionId, p.beforeVersionId];
  const [versions, rows, quals, figures, awardRows, members] = await db.batch([
    db
      .select({ id: policyVersions.id, contentHash: policyVersions.contentHash, data: policyVersions.data })
      .from(policyVersions)
      .where(inArray(policyVersions.id, versionIds)),
    ...queries,
    db
      .select({ email: users.email, enterpriseId: users.enterpriseId })
      .from(users)
      .where(
        and(
          inArray(users.enterpriseId, ids),
          // + : by the chunk's members (users_enterprise_idx), not every enterprise user (users_role_idx).
          sql`+${users.role} = 'enterprise'`,
          eq(users.status, "active"),
          lte(users.createdAt, p.asOf),
        ),
      ),
  ]);
  return { versions, chunk: profilesFrom([rows, quals, figures, awardRows], p.today), members };
}

/** The SQL that counts a job's items when it is queued (for its done/total): the enterprises there are now. */
export const activeEnterpriseCount: SQL<number> = sql<number>`(select count(*) from ${enterprises}
  where ${eq(enterprises.status, "active")})`;
