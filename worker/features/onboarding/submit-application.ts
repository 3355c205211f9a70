/**
 * 申请入驻: a company applies on the zone's subdomain. One batch creates the
 * applicant's account (role enterprise, no enterprise yet), the application, its
 * first timeline event, the materials' rows, a confirmation message and the audit
 * rows; then the applicant is signed in at once to follow the status.
 *
 * Order matters: the hourly limits are read before anything else, the cheap
 * checks (password policy, zone, files' sizes and types) come next, and only then
 * is the attempt recorded and the password hashed or a file stored. An e-mail
 * that already has an account gets the new applicant's answer (./registered-email).
 */
import { and, eq, ne } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { applicationEvents, enterprises, onboardingApplications, users } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { checkNewPassword, hashPassword } from "../auth/password";
import { shanghaiDate } from "../../lib/calendar";
import { outboxInsert } from "../outbox/enqueue-message";
import { checkApplicationRate, reserveApplicationSlot } from "./application-rate";
import { submittedMessage } from "./messages";
import { answerRegisteredEmail } from "./registered-email";
import type { ApplicationInput } from "./schemas";
import { claimDraftUploads, draftOwnerOf, type KeptUpload } from "./draft-uploads";
import { assertUploads, prepareUploads, type Upload } from "./uploads";
import { allowedKinds, assertFitsZone } from "./zone-checks";
import { isUniqueViolation } from "../../db/unique-violation";
import type { RequestCtx } from "../../middleware/request-ctx";

export const DUPLICATE_USCC =
  "这个统一社会信用代码在本园区已有入驻申请或已入驻。如是贵公司的申请,请用申请时的邮箱登录查看进度;有疑问请联系园区管理员。";

/** The application columns from validated input. */
export function applicationColumns(input: ApplicationInput) {
  const { qualifications, ...facts } = input;
  return { ...facts, qualifications: JSON.stringify(qualifications) };
}

/** The two reads that find the USCC held by another live application or an enterprise of this zone, for a batch. */
function usccHolders(db: TenantDb, uscc: string, exceptApplicationId?: string) {
  const live = and(
    eq(onboardingApplications.uscc, uscc),
    ne(onboardingApplications.status, "rejected"),
    exceptApplicationId ? ne(onboardingApplications.id, exceptApplicationId) : undefined,
  );
  return [
    db.select({ id: onboardingApplications.id }).from(onboardingApplications).where(live).limit(1),
    db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1),
  ] as const;
}

const usccConflict = () => new AppError("conflict", DUPLICATE_USCC, { uscc: DUPLICATE_USCC });

/**
 * 409 when another live application (or an enterprise) of this zone holds the
 * USCC. Kept as a 409: a USCC is public (printed on every licence), and whether
 * a company applied here says nothing about a person's e-mail.
 */
export async function assertUsccFree(db: TenantDb, uscc: string, exceptApplicationId?: string) {
  const [apps, ents] = await db.batch(usccHolders(db, uscc, exceptApplicationId));
  if (apps.length || ents.length) throw usccConflict();
}

/**
 * `draft`: files the page kept on the server for this form (./draft-uploads); a
 * file sent with the form replaces the kept one of its kind, and a kept file of
 * a qualification no longer ticked is left to expire.
 */
export async function submitApplication(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "ip" | "userAgent" | "origin" | "auth">,
  blobs: BlobStore,
  input: ApplicationInput & { loginEmail: string; password: string },
  uploads: readonly Upload[],
  draft?: { token: string; kept: readonly KeptUpload[] },
) {
  const { db, zone, now, ip } = ctx;
  const { loginEmail, password, ...facts } = input;
  const rateKey = { email: loginEmail, ip };
  await checkApplicationRate(db, rateKey, now);
  const problems = checkNewPassword(password, { email: loginEmail, complexity: zone.security.dengbao });
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { password: problems.join(" ") });
  const allowed = allowedKinds(facts);
  const sent = new Set(uploads.map((u) => u.kind));
  const kept = (draft?.kept ?? []).filter((k) => allowed.has(k.kind) && !sent.has(k.kind));
  assertFitsZone(zone, facts, new Set([...sent, ...kept.map((k) => k.kind)]), shanghaiDate(now));
  await assertUploads(uploads, allowed);

  // One round trip records the attempt, re-counts, and reads what the application collides with.
  const slot = reserveApplicationSlot(db, rateKey, now);
  const ownerOf = db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, loginEmail))
    .limit(1);
  const [mine, byEmail, byIp, apps, ents, owners] = await db.batch([
    ...slot.queries,
    ...usccHolders(db, facts.uscc),
    ownerOf,
  ]);
  await slot.settle([mine, byEmail, byIp]);
  if (apps.length || ents.length) throw usccConflict();
  // Hashed whether or not the address is taken: the two answers should cost about the same.
  const passwordHash = await hashPassword(password);
  if (owners[0]) return answerRegisteredEmail(ctx, owners[0], { uscc: facts.uscc });

  const userId = newId();
  const applicationId = newId();
  const at = now.getTime();
  const user = { id: userId, email: loginEmail, name: facts.contactName };
  const claim =
    draft && kept.length
      ? [
          claimDraftUploads(
            db,
            await draftOwnerOf(draft.token),
            kept.map((k) => k.id),
            applicationId,
            userId,
          ),
        ]
      : [];
  const files = await prepareUploads(ctx, blobs, applicationId, user, uploads);
  try {
    await db.batch([
      db.insert(users).values({
        ...user,
        role: "enterprise",
        enterpriseId: null,
        passwordHash,
        passwordChangedAt: at,
        createdAt: at,
        updatedAt: at,
      }),
      db.insert(onboardingApplications).values({
        id: applicationId,
        status: "submitted",
        applicantUserId: userId,
        ...applicationColumns(facts),
        createdAt: at,
        updatedAt: at,
      }),
      db
        .insert(applicationEvents)
        .values({ applicationId, at, actorId: userId, actor: loginEmail, action: "submitted", comment: null }),
      outboxInsert(db, submittedMessage(zone, user, facts.companyName), now),
      auditInsert(
        db,
        {
          actorId: userId,
          actor: loginEmail,
          action: "onboarding.submitted",
          target: applicationId,
          result: "ok",
          ip,
          detail: { uscc: facts.uscc, files: uploads.length + kept.length },
        },
        now,
      ),
      ...files.writes,
      ...claim,
    ]);
  } catch (e) {
    await files.discard();
    if (isUniqueViolation(e, "uscc")) throw usccConflict();
    // A parallel application took the address first: answered like any registered address.
    if (isUniqueViolation(e, "email")) {
      const [owner] = await ownerOf;
      if (owner) return answerRegisteredEmail(ctx, owner, { uscc: facts.uscc });
    }
    throw e;
  }
  const { cookie } = await ctx.auth.create(userId, { remember: false, now, ip, userAgent: ctx.userAgent });
  return { applicationId, cookie };
}
