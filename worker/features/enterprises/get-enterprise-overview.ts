/**
 * Everything one enterprise's page shows: profile, qualifications (with whether
 * each is still valid today), yearly figures, members, recent history and the zone's open yearly
 * reports (the member is asked to file them). The member reads their own; staff read any in the
 * zone. Unknown id → 404.
 */
import { and, asc, desc, eq, like } from "drizzle-orm";
import {
  enterpriseHistory,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  materials,
  reportWindows,
  users,
} from "../../db/schema";
import { AppError } from "../../lib/errors";
import { certificateKind } from "./claim-qualification";
import { shanghaiDate } from "../../lib/calendar";
import type { RequestCtx } from "../../middleware/request-ctx";

export const NOT_FOUND_MESSAGE = "本园区没有这家企业。";

export async function getEnterpriseOverview(
  { db, zone, now }: Pick<RequestCtx, "db" | "zone" | "now">,
  enterpriseId: string,
  opts: { historyLimit?: number } = {},
) {
  const [found, quals, figures, members, history, certificates, openReports] = await db.batch([
    db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).limit(1),
    db
      .select()
      .from(enterpriseQualifications)
      .where(eq(enterpriseQualifications.enterpriseId, enterpriseId))
      .orderBy(asc(enterpriseQualifications.code), desc(enterpriseQualifications.createdAt)),
    db
      .select()
      .from(enterpriseYearlyFigures)
      .where(eq(enterpriseYearlyFigures.enterpriseId, enterpriseId))
      .orderBy(desc(enterpriseYearlyFigures.year)),
    db
      .select({ id: users.id, name: users.name, email: users.email, status: users.status, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.enterpriseId, enterpriseId))
      .orderBy(asc(users.createdAt)),
    db
      .select()
      .from(enterpriseHistory)
      .where(eq(enterpriseHistory.enterpriseId, enterpriseId))
      .orderBy(desc(enterpriseHistory.id))
      .limit(opts.historyLimit ?? 20),
    db
      .select({ id: materials.id, kind: materials.kind })
      .from(materials)
      .where(
        and(
          eq(materials.ownerKind, "enterprise"),
          eq(materials.ownerId, enterpriseId),
          like(materials.kind, "certificate:%"),
        ),
      )
      .orderBy(asc(materials.createdAt), asc(materials.id)),
    // The zone's open yearly reports: the member's page asks for the year's figures while one is open.
    db
      .select({ year: reportWindows.year, dueOn: reportWindows.dueOn })
      .from(reportWindows)
      .where(eq(reportWindows.status, "open"))
      .orderBy(desc(reportWindows.year)),
  ]);
  const enterprise = found[0];
  if (!enterprise) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  const today = shanghaiDate(now);
  const names = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  // Which file is a qualification's certificate:
  // - a later claim's is the material of exactly its kind certificate:<code>:<claim id>
  //   (claim-qualification.ts);
  // - a qualification created at approval has none of its own: its certificate came
  //   with the application as kind certificate:<code> (onboarding/zone-checks.ts) and
  //   was copied to the enterprise. Approval writes the enterprise and these
  //   qualifications with one timestamp, which is how they are told apart from later
  //   claims of the same type (those never fall back to the application's file).
  //   A resubmitted application may carry several such files; ordered oldest first,
  //   the newest (the correction) wins in the map.
  const certificateOf = new Map(certificates.map((m) => [m.kind, m.id]));
  const certificateId = (q: typeof enterpriseQualifications.$inferSelect) =>
    certificateOf.get(certificateKind(q.code, q.id)) ??
    (q.createdAt === enterprise.createdAt ? certificateOf.get(`certificate:${q.code}`) : undefined) ??
    null;
  return {
    enterprise,
    qualifications: quals.map((q) => ({
      ...q,
      name: names.get(q.code) ?? q.code,
      expired: !!q.validUntil && q.validUntil < today,
      certificateId: certificateId(q),
    })),
    figures,
    members,
    history,
    openReports,
  };
}

export type EnterpriseOverview = Awaited<ReturnType<typeof getEnterpriseOverview>>;
