/**
 * The applicant corrects an application returned for correction (退回补正) and
 * sends it again: the facts are replaced, new files are added to the ones on
 * file, and the timeline records the resubmission.
 */
import { and, desc, eq } from "drizzle-orm";
import { applicationEvents, materials, onboardingApplications } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { shanghaiDate } from "../../lib/calendar";
import type { ApplicationInput } from "./schemas";
import { applicationColumns, assertUsccFree, DUPLICATE_USCC } from "./submit-application";
import { assertUploads, prepareUploads, type Upload } from "./uploads";
import { allowedKinds, assertFitsZone } from "./zone-checks";
import { isUniqueViolation } from "../../db/unique-violation";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** The applicant is the signed-in actor; their latest application is the one resubmitted. */
export async function resubmitApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  blobs: BlobStore,
  input: ApplicationInput,
  uploads: readonly Upload[],
) {
  const { db, zone, now, ip, actor: applicant } = ctx;
  const [app] = await db
    .select()
    .from(onboardingApplications)
    .where(eq(onboardingApplications.applicantUserId, applicant.id))
    .orderBy(desc(onboardingApplications.createdAt))
    .limit(1);
  if (!app) throw new AppError("not_found", "没有找到您的入驻申请。");
  if (app.status !== "returned") throw new AppError("conflict", "只有被退回补正的申请才能修改后重新提交。");
  const onFile = await db
    .select({ kind: materials.kind })
    .from(materials)
    .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, app.id)));
  assertFitsZone(
    zone,
    input,
    new Set([...onFile.map((m) => m.kind), ...uploads.map((u) => u.kind)]),
    shanghaiDate(now),
  );
  await assertUploads(uploads, allowedKinds(input));
  if (input.uscc !== app.uscc) await assertUsccFree(db, input.uscc, app.id);

  const at = now.getTime();
  const files = await prepareUploads(ctx, blobs, app.id, applicant, uploads);
  try {
    await db.batch([
      db
        .update(onboardingApplications)
        .set({ ...applicationColumns(input), status: "submitted", reviewNote: null, updatedAt: at })
        .where(and(eq(onboardingApplications.id, app.id), eq(onboardingApplications.status, "returned"))),
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
    ]);
  } catch (e) {
    await files.discard();
    if (isUniqueViolation(e, "uscc")) throw new AppError("conflict", DUPLICATE_USCC, { uscc: DUPLICATE_USCC });
    throw e;
  }
  return { applicationId: app.id };
}
