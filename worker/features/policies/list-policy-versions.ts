/** The zone's published policy versions, newest first, and one version's stored set. */
import { desc, eq } from "drizzle-orm";
import { policyVersions, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { PolicyDiff } from "../../engines/policy/diff";
import type { RequestCtx } from "../../middleware/request-ctx";

export async function listPolicyVersions({ db }: Pick<RequestCtx, "db">, today: string) {
  const rows = await db
    .select({
      id: policyVersions.id,
      label: policyVersions.label,
      effectiveFrom: policyVersions.effectiveFrom,
      publishedAt: policyVersions.publishedAt,
      publishedVia: policyVersions.publishedVia,
      publishedBy: users.email,
      programmeCount: policyVersions.programmeCount,
      caseCount: policyVersions.caseCount,
      note: policyVersions.note,
    })
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.publishedBy))
    .orderBy(desc(policyVersions.id));
  // In force: the newest whose date has come; newer ones are scheduled.
  const current = rows.find((r) => r.effectiveFrom <= today)?.id ?? null;
  return rows.map((r) => ({
    ...r,
    status:
      r.id === current
        ? ("current" as const)
        : r.effectiveFrom > today
          ? ("scheduled" as const)
          : ("superseded" as const),
  }));
}

export async function getPolicyVersion({ db }: Pick<RequestCtx, "db">, id: number) {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id)).limit(1);
  if (!row) throw new AppError("not_found", `没有第${id}版政策。`);
  return {
    id: row.id,
    label: row.label,
    effectiveFrom: row.effectiveFrom,
    publishedAt: row.publishedAt,
    policySet: JSON.parse(row.data) as unknown,
    changes: JSON.parse(row.changes) as PolicyDiff,
  };
}
