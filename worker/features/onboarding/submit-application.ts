/**
 * 申请入驻: a company applies on the zone's subdomain. One batch creates the
 * applicant's account (role enterprise, no enterprise yet), the application, its
 * first timeline event, the materials' rows, a confirmation message and the audit
 * rows; then the applicant is signed in at once to follow the status.
 */
import { and, eq, ne } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { applicationEvents, enterprises, onboardingApplications, users } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { checkNewPassword, hashPassword } from "../auth/password";
import type { ZoneAuth } from "../auth/sessions";
import { outboxInsert } from "../outbox/enqueue-message";
import { submittedMessage } from "./messages";
import type { ApplicationInput } from "./schemas";
import { claimDraftUploads, draftOwnerOf, type KeptUpload } from "./draft-uploads";
import { assertUploads, prepareUploads, type Upload } from "./uploads";
import { allowedKinds, assertFitsZone } from "./zone-checks";

export interface OnboardingCtx {
  db: TenantDb;
  zone: ZoneConfig;
  blobs: BlobStore;
  auth: ZoneAuth;
  now: Date;
  ip: string;
  userAgent: string | null;
}

export const DUPLICATE_USCC = "这个统一社会信用代码在本园区已有入驻申请或已入驻。如是贵公司的申请,请用申请时的邮箱登录查看进度;有疑问请联系园区管理员。";
export const DUPLICATE_EMAIL = "这个邮箱已在本园区注册。请直接登录;忘记密码可在登录页自助重置。";

/** The application columns from validated input. */
export function applicationColumns(input: ApplicationInput) {
  const { qualifications, ...facts } = input;
  return { ...facts, qualifications: JSON.stringify(qualifications) };
}

/** 409 when another live application (or an enterprise) of this zone holds the USCC. */
export async function assertUsccFree(db: TenantDb, uscc: string, exceptApplicationId?: string) {
  const live = and(eq(onboardingApplications.uscc, uscc), ne(onboardingApplications.status, "rejected"), exceptApplicationId ? ne(onboardingApplications.id, exceptApplicationId) : undefined);
  const [apps, ents] = await db.batch([
    db.select({ id: onboardingApplications.id }).from(onboardingApplications).where(live).limit(1),
    db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1),
  ]);
  if (apps.length || ents.length) throw new AppError("conflict", DUPLICATE_USCC, { uscc: DUPLICATE_USCC });
}

/** A unique index caught a race the checks above could not: answer the same 409. */
export function isUniqueViolation(e: unknown, column: string): boolean {
  for (let err: unknown = e; err instanceof Error; err = err.cause) {
    if (/UNIQUE constraint failed/i.test(err.message) && err.message.includes(column)) return true;
  }
  return false;
}

/**
 * `draft`: files the page kept on the server for this form (./draft-uploads); a
 * file sent with the form replaces the kept one of its kind, and a kept file of
 * a qualification no longer ticked is left to expire.
 */
export async function submitApplication(ctx: OnboardingCtx, input: ApplicationInput & { loginEmail: string; password: string }, uploads: readonly Upload[], draft?: { token: string; kept: readonly KeptUpload[] }) {
  const { db, zone, now, ip } = ctx;
  const { loginEmail, password, ...facts } = input;
  const problems = checkNewPassword(password, { email: loginEmail, complexity: zone.security.dengbao });
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { password: problems.join(" ") });
  const allowed = allowedKinds(facts);
  const sent = new Set(uploads.map((u) => u.kind));
  const kept = (draft?.kept ?? []).filter((k) => allowed.has(k.kind) && !sent.has(k.kind));
  assertFitsZone(zone, facts, new Set([...sent, ...kept.map((k) => k.kind)]));
  await assertUploads(uploads, allowed);

  await assertUsccFree(db, facts.uscc);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, loginEmail)).limit(1);
  if (taken) throw new AppError("conflict", DUPLICATE_EMAIL, { loginEmail: DUPLICATE_EMAIL });

  const userId = newId();
  const applicationId = newId();
  const at = now.getTime();
  const user = { id: userId, email: loginEmail, name: facts.contactName };
  const claim = draft && kept.length ? [claimDraftUploads(db, await draftOwnerOf(draft.token), kept.map((k) => k.id), applicationId, userId)] : [];
  const files = await prepareUploads(ctx, applicationId, user, uploads);
  try {
    await db.batch([
      db.insert(users).values({ ...user, role: "enterprise", enterpriseId: null, passwordHash: await hashPassword(password), passwordChangedAt: at, createdAt: at, updatedAt: at }),
      db.insert(onboardingApplications).values({ id: applicationId, status: "submitted", applicantUserId: userId, ...applicationColumns(facts), createdAt: at, updatedAt: at }),
      db.insert(applicationEvents).values({ applicationId, at, actorId: userId, actor: loginEmail, action: "submitted", comment: null }),
      outboxInsert(db, submittedMessage(zone, user, facts.companyName), now),
      auditInsert(db, { actorId: userId, actor: loginEmail, action: "onboarding.submitted", target: applicationId, result: "ok", ip, detail: { uscc: facts.uscc, files: uploads.length + kept.length } }, now),
      ...files.writes,
      ...claim,
    ]);
  } catch (e) {
    await files.discard();
    if (isUniqueViolation(e, "uscc")) throw new AppError("conflict", DUPLICATE_USCC, { uscc: DUPLICATE_USCC });
    if (isUniqueViolation(e, "email")) throw new AppError("conflict", DUPLICATE_EMAIL, { loginEmail: DUPLICATE_EMAIL });
    throw e;
  }
  const { cookie } = await ctx.auth.create(userId, { remember: false, now, ip, userAgent: ctx.userAgent });
  return { applicationId, userId, cookie };
}
