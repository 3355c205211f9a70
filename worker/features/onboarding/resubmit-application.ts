/**
 * The applicant corrects an application returned for correction (退回补正) and
 * sends it again: the facts are replaced, new files are added to the ones on
 * file, and the timeline records the resubmission.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { applicationEvents, materials, onboardingApplications } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { shanghaiDate } from "../../lib/calendar";
import type { ApplicationInput } from "./schemas";
import { applicationColumns, usccConflict, usccHolders } from "./submit-application";
import { onlyIfChanged } from "../../db/only-if-changed";
import { assertUploads, prepareUploads, type Upload } from "./uploads";
import { allowedKinds, assertFitsZone } from "./zone-checks";
import { isUniqueViolation } from "../../db/unique-violation";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

const NOT_RETURNED = "只有被退回补正的申请才能修改后重新提交。";

/**
 * The applicant is the signed-in actor; their latest application is the one
 * resubmitted. `expectedId`: the id the caller named — another one (another
 * applicant's, or an older one of theirs) answers as if it did not exist.
 * `uploads` may be a function, so files are decoded only once the application is found.
 *
 * Round trips: one read batch (the application, its files' kinds and the USCC's
 * other holders, each found through the applicant), one write batch whose UPDATE is
 * guarded by the status and chains the event, audit and file rows on it.
 */
export async function resubmitApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  blobs: BlobStore,
  input: ApplicationInput,
  uploadsOf: readonly Upload[] | (() => Upload[]),
  expectedId?: string,
) {
  const { db, zone, now, ip, actor: applicant } = ctx;
  const latest = db
    .select({ id: onboardingApplications.id })
    .from(onboardingApplications)
    .where(eq(onboardingApplications.applicantUserId, applicant.id))
    .orderBy(desc(onboardingApplications.createdAt))
    .limit(1);
  const [[app], onFile, ...holders] = await db.batch([
    db
      .select()
      .from(onboardingApplications)
      .where(eq(onboardingApplications.applicantUserId, applicant.id))
      .orderBy(desc(onboardingApplications.createdAt))
      .limit(1),
    db
      .select({ kind: materials.kind })
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, sql`(${latest})`))),
    ...usccHolders(db, input.uscc, sql`(${latest})`),
  ]);
  if (expectedId !== undefined && app?.id !== expectedId) throw new AppError("not_found", "本园区没有这个入驻申请。");
  if (!app) throw new AppError("not_found", "没有找到您的入驻申请。");
  if (app.status !== "returned") throw new AppError("conflict", NOT_RETURNED);
  const uploads = typeof uploadsOf === "function" ? uploadsOf() : uploadsOf;
  assertFitsZone(
    zone,
    input,
    new Set([...onFile.map((m) => m.kind), ...uploads.map((u) => u.kind)]),
    shanghaiDate(now),
  );
  await assertUploads(uploads, allowedKinds(input));
  if (input.uscc !== app.uscc && holders.some((rows) => rows.length)) throw usccConflict();

  const at = now.getTime();
  const files = await prepareUploads(ctx, blobs, app.id, applicant, uploads);
  let changed: { id: string }[];
  try {
    [changed] = await db.batch([
      db
        .update(onboardingApplications)
        .set({ ...applicationColumns(input), status: "submitted", reviewNote: null, updatedAt: at })
        .where(and(eq(onboardingApplications.id, app.id), eq(onboardingApplications.status, "returned")))
        .returning({ id: onboardingApplications.id }),
      ...[
        db.insert(applicationEvents).values({
          applicationId: app.id,
          at,
          actorId: applicant.id,
          actor: applicant.email,
          action: "resubmitted",
          comment: null,
        }),
        auditInsert(
          db,
          {
            actorId: applicant.id,
            actor: applicant.email,
            action: "onboarding.resubmitted",
            target: app.id,
            result: "ok",
            ip,
            detail: { files: uploads.length },
          },
          now,
        ),
        ...files.writes,
      ].map((w) => onlyIfChanged(db, w)),
    ]);
  } catch (e) {
    await files.discard();
    if (isUniqueViolation(e, "uscc")) throw usccConflict();
    throw e;
  }
  if (changed.length === 0) {
    // Resubmitted by a parallel request in the meantime: nothing of this one was written.
    await files.discard();
    throw new AppError("conflict", NOT_RETURNED);
  }
  return { applicationId: app.id };
}
