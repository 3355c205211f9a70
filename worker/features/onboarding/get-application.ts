/** One application with its timeline and materials, for staff, or for its own applicant. */
import { and, asc, desc, eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { applicationEvents, materials, onboardingApplications as apps } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { ClaimedQualification } from "./schemas";
import type { RequestCtx } from "../../middleware/request-ctx";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const NOT_FOUND = "本园区没有这个入驻申请。";

/**
 * `viewer.applicantOnly` limits the lookup to the viewer's own application, so
 * another company's application answers exactly like one that does not exist.
 */
export async function getApplication(
  { db }: Pick<RequestCtx, "db">,
  id: string,
  viewer: { userId: string; applicantOnly: boolean },
) {
  const where = viewer.applicantOnly ? and(eq(apps.id, id), eq(apps.applicantUserId, viewer.userId)) : eq(apps.id, id);
  const [app] = await db.select().from(apps).where(where).limit(1);
  if (!app) throw new AppError("not_found", NOT_FOUND);
  return withTimeline(db, app);
}

/** The signed-in applicant's own application (the latest, should there be several), or null. */
export async function findOwnApplication({ db }: Pick<RequestCtx, "db">, userId: string) {
  const [app] = await db
    .select()
    .from(apps)
    .where(eq(apps.applicantUserId, userId))
    .orderBy(desc(apps.createdAt))
    .limit(1);
  return app ? withTimeline(db, app) : null;
}

async function withTimeline(db: TenantDb, app: typeof apps.$inferSelect) {
  const [events, files] = await db.batch([
    db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(asc(applicationEvents.id)),
    db
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, app.id)))
      .orderBy(asc(materials.createdAt)),
  ]);
  const { qualifications, applicantUserId: _a, createdAt, updatedAt, decidedAt, ...facts } = app;
  return {
    ...facts,
    createdAt: iso(createdAt)!,
    updatedAt: iso(updatedAt)!,
    decidedAt: iso(decidedAt),
    qualifications: ClaimedQualification.array().parse(JSON.parse(qualifications)),
    events: events.map((e) => ({ at: iso(e.at)!, actor: e.actor, action: e.action, comment: e.comment })),
    materials: files.map((m) => ({
      id: m.id,
      kind: m.kind,
      filename: m.filename,
      contentType: m.contentType,
      size: m.size,
      url: `/materials/${m.id}`,
    })),
  };
}
