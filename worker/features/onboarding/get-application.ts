/** One application with its timeline and materials, for staff, or for its own applicant. */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
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
 * The application, its timeline and its files are read in one batch (one round trip).
 */
export async function getApplication(
  { db }: Pick<RequestCtx, "db">,
  id: string,
  viewer: { userId: string; applicantOnly: boolean },
) {
  const where = viewer.applicantOnly ? and(eq(apps.id, id), eq(apps.applicantUserId, viewer.userId)) : eq(apps.id, id);
  const [[app], events, files] = await db.batch([
    db.select().from(apps).where(where).limit(1),
    ...timelineOf(db, sql`${id}`),
  ]);
  if (!app) throw new AppError("not_found", NOT_FOUND);
  return withTimeline(app, events, files);
}

/** The signed-in applicant's own application (the latest, should there be several), or null; one round trip. */
export async function findOwnApplication({ db }: Pick<RequestCtx, "db">, userId: string) {
  const own = db
    .select({ id: apps.id })
    .from(apps)
    .where(eq(apps.applicantUserId, userId))
    .orderBy(desc(apps.createdAt))
    .limit(1);
  const [[app], events, files] = await db.batch([
    db.select().from(apps).where(eq(apps.applicantUserId, userId)).orderBy(desc(apps.createdAt)).limit(1),
    ...timelineOf(db, sql`(${own})`),
  ]);
  return app ? withTimeline(app, events, files) : null;
}

/** The timeline and files of the application `id` names (a value or a subquery), to batch with the application. */
function timelineOf(db: TenantDb, id: SQL) {
  return [
    db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.id)),
    db
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, id)))
      .orderBy(asc(materials.createdAt)),
  ] as const;
}

function withTimeline(
  app: typeof apps.$inferSelect,
  events: (typeof applicationEvents.$inferSelect)[],
  files: (typeof materials.$inferSelect)[],
) {
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
