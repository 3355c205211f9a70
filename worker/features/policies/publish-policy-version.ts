/**
 * Publishes a new policy version: only a valid set whose cases all pass, that
 * differs from the newest version, previewed against that same newest version.
 * The version, its audit row and the documents shown on the zone's pages (following
 * the new set) are written in one batch; the version number is the primary key, so
 * two admins publishing at once cannot both win. Enterprises that newly
 * qualify are told (免申即享) by a job queued in that same batch and run by the
 * scheduled run in chunks (notify-newly-eligible.ts): judging every enterprise of
 * a real zone does not fit in a request. The admin follows it at /admin/jobs/{id}.
 */
import { policyVersions } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { shanghaiDate } from "../../lib/calendar";
import { dropJobIfEmpty, jobInsert } from "../jobs/enqueue-job";
import type { VersionInfo } from "./current-policy";
import { activeEnterpriseCount, type NotifyNewlyEligibleParams } from "./notify-newly-eligible";
import { previewPolicyVersion, type PolicyPreview } from "./preview-policy-version";
import { documentWrites, storedDocumentsQuery } from "./sync-documents";

export interface Published {
  version: VersionInfo;
  preview: PolicyPreview;
  /** Always 0 now: the notices are the job's, queued after the answer (kept for the API's `notified`). */
  notified: number;
  /** The 免申即享 job; null when the version takes effect later, or the zone has no enterprise yet. */
  job: { id: number } | null;
}

/**
 * `ip` and `actor` are null when the operator publishes tenants/<slug>/ from the CLI;
 * `origin` is the zone's public origin, for links in notices.
 */
export async function publishPolicyVersion(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "origin"> & {
    ip: string | null;
    actor: Pick<Actor, "id" | "email"> | null;
  },
  raw: unknown,
  opts: { baseVersion: number | null; note?: string | undefined },
): Promise<Published> {
  const { db, zone, now } = ctx;
  // One round trip of reads: the newest version (the preview's) and the stored documents' hashes.
  const [preview, storedDocuments] = await Promise.all([
    previewPolicyVersion({ db, zone }, raw),
    storedDocumentsQuery(db),
  ]);
  if (!preview.set || preview.errors.length)
    throw new AppError("validation_failed", `政策数据有误:${preview.errors.slice(0, 5).join(";")}`);
  if (preview.cases.failures.length) {
    const first = preview.cases.failures[0]!;
    throw new AppError(
      "validation_failed",
      `${preview.cases.failures.length} 个测试用例未通过,不能发布。例如“${first.name}”:${first.problems.join(";")}`,
    );
  }
  if (preview.unchanged) throw new AppError("conflict", `与第${preview.base!.id}版内容相同,无需发布。`);
  const baseId = preview.base?.id ?? null;
  if (baseId !== opts.baseVersion) throw new AppError("conflict", `政策已更新为第${baseId}版,请重新预览后再发布。`);

  const id = (baseId ?? 0) + 1;
  const set = preview.set;
  const data = JSON.stringify(set);
  const row = {
    id,
    label: set.label,
    effectiveFrom: set.effectiveFrom,
    contentHash: preview.contentHash!,
    data,
    programmeCount: set.programmes.length,
    caseCount: set.cases.length,
    changes: JSON.stringify(preview.diff),
    publishedAt: now.getTime(),
    publishedBy: ctx.actor?.id ?? null,
    publishedVia: ctx.actor ? ("admin" as const) : ("cli" as const),
    note: opts.note ?? set.note ?? null,
  };
  const today = shanghaiDate(now);
  // Notices only for a version in force today; a future version announces itself when the zone re-publishes or an
  // admin runs the match. Compared with the version in force before, if it was.
  const notify: NotifyNewlyEligibleParams | null =
    set.effectiveFrom <= today
      ? {
          versionId: id,
          beforeVersionId: preview.base && preview.base.effectiveFrom <= today ? baseId : null,
          today,
          asOf: now.getTime(),
        }
      : null;
  // The documents shown on the zone's pages follow the new set in the same batch: published together or not at all.
  const documents = await documentWrites(db, { documents: set.documents }, storedDocuments);
  let jobId: number | null = null;
  try {
    const [, , job, empty] = await db.batch([
      db.insert(policyVersions).values(row),
      auditInsert(
        db,
        {
          actorId: ctx.actor?.id ?? null,
          actor: ctx.actor?.email ?? "system",
          action: "policy.publish",
          target: `policy_version:${id}`,
          result: "ok",
          ip: ctx.ip,
          detail: {
            label: set.label,
            effectiveFrom: set.effectiveFrom,
            programmes: set.programmes.length,
            cases: set.cases.length,
          },
        },
        now,
      ),
      ...(notify
        ? [
            jobInsert(
              db,
              {
                kind: "notify_newly_eligible",
                params: notify,
                total: activeEnterpriseCount,
                createdBy: ctx.actor?.id ?? null,
              },
              now,
            ),
            dropJobIfEmpty(db),
          ]
        : []),
      ...documents.writes,
    ]);
    const [queued, dropped] = [job, empty] as ({ id: number }[] | undefined)[];
    jobId = dropped?.length ? null : (queued?.[0]?.id ?? null);
  } catch (err) {
    if (/UNIQUE|PRIMARY KEY|constraint/i.test(String((err as { cause?: unknown }).cause ?? err)))
      throw new AppError("conflict", `第${id}版刚被他人发布,请重新预览后再发布。`);
    throw err;
  }

  return {
    version: { id, label: row.label, effectiveFrom: row.effectiveFrom, publishedAt: row.publishedAt },
    preview,
    notified: 0,
    job: jobId === null ? null : { id: jobId },
  };
}
