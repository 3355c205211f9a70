/**
 * Zone staff decide on a submitted application: 通过 (approve), 驳回 (reject,
 * reason required) or 退回补正 (return, what to fix required). Each decision is a
 * timeline event, an audit row and a message to the applicant, in one batch,
 * written only by the decision that changed the status (two reviewers clicking
 * at once: one wins, the other gets 409 and writes nothing).
 *
 * Approval also creates the enterprise from the application, its qualifications
 * (verified: the reviewer has just checked the certificates), copies of the
 * material rows owned by the enterprise (same blobs, so the files appear in the
 * enterprise's profile while the application keeps its own record), makes the
 * applicant the first member, and ends the applicant's sessions (in the same
 * batch): a privilege change gets a new session id at the next sign-in.
 */
import { and, eq, exists, sql } from "drizzle-orm";
import {
  applicationEvents,
  enterpriseHistory,
  enterpriseQualifications,
  enterprises,
  materials,
  onboardingApplications,
  users,
} from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { endSessionsQuery } from "../auth/end-sessions";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { outboxInsert } from "../outbox/enqueue-message";
import { approvedMessage, rejectedMessage, returnedMessage } from "./messages";
import { ClaimedQualification } from "./schemas";
import { DUPLICATE_USCC } from "./submit-application";
import { isUniqueViolation } from "../../db/unique-violation";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export const REVIEW_ACTIONS = ["approve", "reject", "return"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** What each decision says once done, on the page and in the API's answer. */
export const REVIEW_DONE: Record<ReviewAction, string> = {
  approve: "已通过。企业已创建,申请人已成为其成员(需重新登录)。",
  reject: "已驳回,申请人会收到驳回原因。",
  return: "已退回补正,申请人会收到需要修改的内容。",
};

const NEEDS_COMMENT: Record<ReviewAction, string | null> = {
  approve: null,
  reject: "驳回时请写明原因,申请人会收到这段说明。",
  return: "退回补正时请写明需要修改或补充的内容,申请人会按此修改。",
};

const ALREADY_DECIDED = "这个申请已经处理过(或正等待申请人补正),不能再次操作。";

const DONE = { approve: "approved", reject: "rejected", return: "returned" } as const;

export async function reviewApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  action: ReviewAction,
  comment: string,
) {
  const { db, zone, now, ip, actor } = ctx;
  const required = NEEDS_COMMENT[action];
  if (required && !comment.trim()) throw new AppError("validation_failed", required, { comment: required });
  // Everything the decision reads, in one round trip: the application, its applicant, an
  // enterprise already holding its USCC and its files (the last two for approval), each
  // found through the application's id.
  const ofApp = (column: typeof onboardingApplications.applicantUserId | typeof onboardingApplications.uscc) =>
    db.select({ v: column }).from(onboardingApplications).where(eq(onboardingApplications.id, id));
  const [[app], [applicant], [taken], files] = await db.batch([
    db.select().from(onboardingApplications).where(eq(onboardingApplications.id, id)).limit(1),
    db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, sql`(${ofApp(onboardingApplications.applicantUserId)})`))
      .limit(1),
    db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.uscc, sql`(${ofApp(onboardingApplications.uscc)})`))
      .limit(1),
    db
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, id))),
  ]);
  if (!app) throw new AppError("not_found", "本园区没有这个入驻申请。");
  if (app.status !== "submitted") throw new AppError("conflict", ALREADY_DECIDED);
  if (!applicant) throw new AppError("not_found", "申请人的账号不存在。");

  const at = now.getTime();
  const status = DONE[action];
  const note = comment.trim() || null;
  // Race-safe in one batch: the conditional UPDATE ... WHERE status = 'submitted'
  // comes first and RETURNs the row only if this decision changed it; every other
  // write is chained on it with changes() = 1 (see ../../db/only-if-changed
  // for why this, not a second request or an interactive transaction, on libSQL
  // over HTTP). A concurrent decision that got there first leaves this batch
  // writing nothing at all, and the empty RETURNING turns into the same 409.
  const common = [
    onlyIfChanged(
      db,
      db
        .insert(applicationEvents)
        .values({ applicationId: id, at, actorId: actor.id, actor: actor.email, action: status, comment: note }),
    ),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: `onboarding.${status}`,
          target: id,
          result: "ok",
          ip,
          detail: { uscc: app.uscc },
        },
        now,
      ),
    ),
  ] as const;
  const stillSubmitted = and(eq(onboardingApplications.id, id), eq(onboardingApplications.status, "submitted"));
  const decide = (set: Partial<typeof onboardingApplications.$inferInsert>) =>
    db
      .update(onboardingApplications)
      .set({ status, reviewNote: note, updatedAt: at, ...set })
      .where(stillSubmitted)
      .returning({ id: onboardingApplications.id });

  if (action !== "approve") {
    const message =
      action === "reject"
        ? rejectedMessage(zone, applicant, app.companyName, note!)
        : returnedMessage(zone, applicant, app.companyName, note!);
    const [changed] = await db.batch([
      decide({ decidedAt: action === "reject" ? at : null }),
      ...common,
      onlyIfChanged(db, outboxInsert(db, message, now)),
    ]);
    if (changed.length === 0) throw new AppError("conflict", ALREADY_DECIDED);
    return { status, enterpriseId: null };
  }

  if (taken) throw new AppError("conflict", DUPLICATE_USCC);
  const enterpriseId = newId();
  const claimed = ClaimedQualification.array().parse(JSON.parse(app.qualifications));
  const profile = {
    name: app.companyName,
    uscc: app.uscc,
    legalRep: app.legalRep,
    registeredOn: app.registeredOn,
    registeredCapitalFen: app.registeredCapitalFen,
    address: app.address,
    industry: app.industry,
    industryClass: app.industryClass,
    employees: app.employees,
    contactName: app.contactName,
    contactMobile: app.contactMobile,
    contactEmail: app.contactEmail,
  };
  let changed: { id: string }[];
  try {
    // Every link after `decide` changes exactly one row, so the chain holds; the
    // application learns its enterprise after the enterprise exists.
    [changed] = await db.batch([
      decide({ decidedAt: at }),
      onlyIfChanged(
        db,
        db.insert(enterprises).values({ id: enterpriseId, ...profile, status: "active", createdAt: at, updatedAt: at }),
      ),
      db
        .update(onboardingApplications)
        .set({ enterpriseId })
        .where(and(eq(onboardingApplications.id, id), CHAINED)),
      db
        .update(users)
        .set({ enterpriseId, updatedAt: at })
        .where(and(eq(users.id, applicant.id), CHAINED)),
      onlyIfChanged(
        db,
        db.insert(enterpriseHistory).values({
          enterpriseId,
          at,
          actorId: actor.id,
          actor: actor.email,
          subject: "profile",
          before: null,
          after: JSON.stringify({ ...profile, createdFromApplication: id }),
        }),
      ),
      ...claimed.map((q) =>
        onlyIfChanged(
          db,
          db.insert(enterpriseQualifications).values({
            id: newId(),
            enterpriseId,
            code: q.code,
            certificateNo: q.certificateNo ?? null,
            issuedOn: q.issuedOn ?? null,
            status: "verified",
            reviewedBy: actor.id,
            reviewedAt: at,
            reviewNote: "入驻审核时核验",
            createdAt: at,
          }),
        ),
      ),
      ...files.map(({ id: _id, ownerKind: _k, ownerId: _o, ...file }) =>
        onlyIfChanged(
          db,
          db.insert(materials).values({ ...file, id: newId(), ownerKind: "enterprise", ownerId: enterpriseId }),
        ),
      ),
      ...common,
      onlyIfChanged(db, outboxInsert(db, approvedMessage(zone, applicant, app.companyName, note ?? ""), now)),
      // Last, as it may end several sessions: only when this decision created the enterprise.
      endSessionsQuery(
        db,
        { userId: applicant.id },
        {
          guard: exists(
            db
              .select({ id: onboardingApplications.id })
              .from(onboardingApplications)
              .where(and(eq(onboardingApplications.id, id), eq(onboardingApplications.enterpriseId, enterpriseId))),
          ),
        },
      ),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, "uscc")) throw new AppError("conflict", DUPLICATE_USCC);
    throw e;
  }
  if (changed.length === 0) throw new AppError("conflict", ALREADY_DECIDED);
  return { status, enterpriseId };
}
