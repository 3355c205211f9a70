/**
 * 申请入驻: a company applies on the zone's subdomain. One batch creates the
 * applicant's account (role enterprise, no enterprise yet), the application, its
 * first timeline event, the materials' rows, a confirmation message and the audit
 * rows; then the applicant is signed in at once to follow the status.
 *
 * Order matters: the hourly limits are judged before anything else, the cheap
 * checks (password policy, zone, files' sizes and types) come next, and only then
 * is the password hashed, a file stored and the attempt recorded. An e-mail
 * that already has an account gets the new applicant's answer (./registered-email).
 */
import { endSessionsQuery } from "../auth/end-sessions";
import { and, eq, exists, ne, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { applicationEvents, enterprises, onboardingApplications, users } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { checkNewPassword, hashPassword } from "../auth/password";
import { shanghaiDate } from "../../lib/calendar";
import { outboxInsert } from "../outbox/enqueue-message";
import { rateReads, refuseOverRate, reserveApplicationSlot } from "./application-rate";
import { submittedMessage } from "./messages";
import { decoyAnswer, registeredEmailWrites } from "./registered-email";
import type { ApplicationInput } from "./schemas";
import { claimDraftUploads, draftOwnerOf, draftUploadsQuery, newestKept } from "./draft-uploads";
import { assertUploads, prepareUploads, type Upload } from "./uploads";
import { allowedKinds, assertFitsZone } from "./zone-checks";
import { isUniqueViolation } from "../../db/unique-violation";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import type { RequestCtx } from "../../middleware/request-ctx";

type Chainable = Parameters<typeof onlyIfChanged>[1];

export const DUPLICATE_USCC =
  "这个统一社会信用代码在本园区已有入驻申请或已入驻。如是贵公司的申请,请用申请时的邮箱登录查看进度;有疑问请联系园区管理员。";

/** The application columns from validated input. */
export function applicationColumns(input: ApplicationInput) {
  const { qualifications, ...facts } = input;
  return { ...facts, qualifications: JSON.stringify(qualifications) };
}

/**
 * The two reads that find the USCC held by another live application or an enterprise of this
 * zone, for a batch. `exceptApplicationId`: an id, or a subquery that yields one.
 */
export function usccHolders(db: TenantDb, uscc: string, exceptApplicationId?: string | SQL) {
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

/**
 * 409 when another live application (or an enterprise) of this zone holds the USCC. Kept
 * as a 409: a USCC is public (printed on every licence), and whether a company applied
 * here says nothing about a person's e-mail.
 */
export const usccConflict = () => new AppError("conflict", DUPLICATE_USCC, { uscc: DUPLICATE_USCC });

/**
 * `draft`: the token of files the page kept on the server for this form
 * (./draft-uploads); a file sent with the form replaces the kept one of its kind,
 * and a kept file of a qualification no longer ticked is left to expire.
 *
 * Round trips: one read wave (the hourly counts, the USCC's holders, the address's
 * account, the draft's files), the hash, and one write batch that records the
 * attempt only while the counts are still under the limits and chains every other
 * row on it — the account, the application, its event, files, message, audit and
 * the new session — so the batch writes all of them or nothing.
 */
export async function submitApplication(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "ip" | "userAgent" | "origin" | "auth">,
  blobs: BlobStore,
  input: ApplicationInput & { loginEmail: string; password: string },
  uploads: readonly Upload[],
  /**
   * `previousSession`: the session this browser came with, if any, ended in the same batch as
   * the applicant's account takes over (`previousEnded` in the answer says it was).
   */
  { draft, previousSession }: { draft?: { token: string }; previousSession?: string | undefined } = {},
) {
  const { db, zone, now, ip } = ctx;
  const { loginEmail, password, ...facts } = input;
  const rateKey = { email: loginEmail, ip };
  const ownerOf = db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, loginEmail))
    .limit(1);
  const draftOwner = draft ? await draftOwnerOf(draft.token) : null;
  const [byEmail, byIp, apps, ents, owners, draftRows] = await db.batch([
    ...rateReads(db, rateKey, now),
    ...usccHolders(db, facts.uscc),
    ownerOf,
    // No draft: a query that finds nothing, so the batch keeps one shape.
    draftUploadsQuery(db, draftOwner ?? "draft:none", now),
  ]);
  refuseOverRate([byEmail, byIp], now);
  const problems = checkNewPassword(password, { email: loginEmail, complexity: zone.security.dengbao });
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { password: problems.join(" ") });
  const allowed = allowedKinds(facts);
  const sent = new Set(uploads.map((u) => u.kind));
  const kept = newestKept(draftOwner ? draftRows : []).filter((k) => allowed.has(k.kind) && !sent.has(k.kind));
  assertFitsZone(zone, facts, new Set([...sent, ...kept.map((k) => k.kind)]), shanghaiDate(now));
  await assertUploads(uploads, allowed);

  const slot = reserveApplicationSlot(db, rateKey, now);
  /** Records the attempt (refused past the limits) with `writes` chained on it, when no application is made. */
  const attemptOnly = async (writes: readonly Chainable[] = []) => {
    const results = await db.batch([...slot.queries, ...writes.map((w) => onlyIfChanged(db, w))]);
    await slot.settle([results[0], results[1], results[2]] as Parameters<typeof slot.settle>[0]);
  };
  // The attempt still counts against the hour, as any accepted try does.
  if (apps.length || ents.length) {
    await attemptOnly();
    throw usccConflict();
  }
  // Hashed whether or not the address is taken: the two answers should cost about the same.
  const passwordHash = await hashPassword(password);
  const registered = async (owner: { id: string; email: string; name: string }) => {
    await attemptOnly(registeredEmailWrites(ctx, owner, { uscc: facts.uscc }));
    return { ...decoyAnswer(ctx), previousEnded: false };
  };
  if (owners[0]) return registered(owners[0]);

  const userId = newId();
  const applicationId = newId();
  const at = now.getTime();
  const user = { id: userId, email: loginEmail, name: facts.contactName };
  const session = await ctx.auth.prepare(userId, { remember: false, now, ip, userAgent: ctx.userAgent });
  const files = await prepareUploads(ctx, blobs, applicationId, user, uploads);
  const chained = [
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
    session.insert,
  ];
  try {
    const results = await db.batch([
      ...slot.queries,
      ...chained.map((w) => onlyIfChanged(db, w)),
      // Last: it changes several rows, so nothing may chain after it.
      ...(draftOwner && kept.length
        ? [
            claimDraftUploads(
              db,
              draftOwner,
              kept.map((k) => k.id),
              applicationId,
              userId,
              CHAINED,
            ),
          ]
        : []),
      ...(previousSession
        ? [
            endSessionsQuery(
              db,
              { sessionId: previousSession },
              { guard: exists(db.select({ id: users.id }).from(users).where(eq(users.id, userId))) },
            ),
          ]
        : []),
    ]);
    await slot.settle([results[0], results[1], results[2]] as Parameters<typeof slot.settle>[0]);
  } catch (e) {
    // A parallel application took the USCC or the address first. The batch wrote nothing, not
    // even the attempt, so it is recorded now (a burst of them is still limited), and the
    // answer is the one those checks give: 409, or as to any registered address.
    await files.discard();
    if (isUniqueViolation(e, "uscc")) {
      await attemptOnly();
      throw usccConflict();
    }
    if (isUniqueViolation(e, "email")) {
      const [owner] = await ownerOf;
      if (owner) return registered(owner);
    }
    throw e;
  }
  return { applicationId, cookie: session.cookie, previousEnded: previousSession !== undefined };
}
