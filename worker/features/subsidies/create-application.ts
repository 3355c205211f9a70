/**
 * Starts an application (a draft) for a programme of the policy in force. A
 * retried create with the same idempotency key returns the application it made
 * instead of a second one (unique per enterprise and key). A programme whose
 * limits its award history already exhausts — once only and awarded or in
 * progress, a yearly cap used up or reserved — is refused here (409), not
 * only at submit, after the enterprise has filled in the form.
 *
 * 贴息: started from the enterprise's own disbursed loan (`loanId`), the draft keeps the loan and its
 * facts come from the loan's record (prefillFromLoan); the programme must be one a loan feeds. Asked
 * again for the same loan and programme while a draft of them exists, it returns that draft.
 */
import { and, desc, eq } from "drizzle-orm";
import { numberValues, takeNumber } from "../../db/application-numbers";
import type { TenantDb } from "../../db/open";
import { loanApplications, subsidyApplications, subsidyEvents, type SubsidyApplicationRow } from "../../db/schema";
import { refusalOutsidePeriod } from "../../lib/document-validity";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { shanghaiDate } from "../../lib/calendar";
import type { CompiledProgramme } from "../../engines/policy/evaluate";
import { isLoanFed, prefillFromLoan } from "../../engines/policy/loan-facts";
import { factsToForm } from "../policies/calculator-form";
import { viewOf } from "../policies/search-programmes";
import type { LoadedPolicy } from "../policies/current-policy";
import { type EnterpriseFacts, loadEnterpriseProfiles } from "../policies/enterprise-profiles";
import { type AwardHistory, limitsRefusing, loadAwardHistory } from "./award-history";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { draftUpdate, type DraftInput } from "./save-draft";
import { LOAN_NOT_FOUND, loanRecordOf, loanSourceQuery, notLoanFed } from "./application-loan";

export async function createApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  /** May still be reading: it is awaited beside the service's own reads (one round trip). */
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  input: DraftInput & { programme: string; loanId?: string | undefined },
  idempotencyKey: string | null,
  /**
   * The draft's fields prefilled from the enterprise's verified records (在线申报 from a programme page):
   * its profile is read with the other checks, and these replace `input`'s facts and form values.
   */
  prefill?: (policy: LoadedPolicy, enterprise: EnterpriseFacts | undefined) => DraftInput,
): Promise<{ application: SubsidyApplicationRow; created: boolean }> {
  const { db, actor, now } = ctx;
  if (actor.role !== "enterprise" || !actor.enterpriseId)
    throw new AppError("forbidden", "只有入驻企业的用户可以申报。");
  // The policy, a retry's earlier application, the award history (and the profile to prefill from) are
  // read together: one round trip, then one write.
  const loanId = input.loanId;
  const [policy, existing, history, profiles, loans, loanDrafts] = await Promise.all([
    policyRead,
    idempotencyKey ? byKey(db, actor.enterpriseId, idempotencyKey) : undefined,
    loadAwardHistory(db, actor.enterpriseId),
    prefill ? loadEnterpriseProfiles(ctx, shanghaiDate(now), actor.enterpriseId) : [],
    // Another enterprise's loan is one that does not exist.
    loanId ? loanSourceQuery(db, loanId, eq(loanApplications.enterpriseId, actor.enterpriseId)) : [],
    loanId ? draftFromLoan(db, actor.enterpriseId, loanId, input.programme) : [],
  ]);
  if (prefill) input = { ...input, ...prefill(policy, profiles[0]) };
  const programme = policy.compiled.programmes.get(input.programme);
  if (!programme)
    throw new AppError("not_found", `现行政策(第${policy.version.id}版)没有编号为 ${input.programme} 的项目。`);
  if (!programme.applicants.kinds.includes("enterprise"))
    throw new AppError(
      "validation_failed",
      `“${programme.title.zh}”的申报主体是${programme.applicants.zh},不由企业在平台申报。`,
    );
  if (existing) return { application: existing, created: false };
  if (loanId) {
    const loan = loans[0];
    if (!loan) throw new AppError("not_found", LOAN_NOT_FOUND);
    if (!isLoanFed(programme)) throw notLoanFed(programme.title.zh);
    const record = loanRecordOf(loan);
    if (loanDrafts[0]) return { application: loanDrafts[0], created: false };
    // The loan's record wins over anything typed: the bank's figures, not the enterprise's.
    const fromLoan = prefillFromLoan(programme, record);
    const view = viewOf(policy.compiled, programme.id);
    input = {
      ...input,
      facts: { ...input.facts, ...fromLoan },
      formValues: { ...input.formValues, ...(view ? factsToForm(view.facts, fromLoan) : {}) },
    };
  }
  // The engine's effective period (its document's validity, decision 0013): an expired plan takes no new drafts.
  const outside = refusalOutsidePeriod(programme, shanghaiDate(now));
  if (outside) throw outside;
  refuseExhaustedLimits(history, programme, shanghaiDate(now));
  const id = newId();
  const t = now.getTime();
  const fields = draftUpdate(programme, input);
  // The application number (ZB-2026-000123) is taken in the same batch: the year of creation in Asia/Shanghai.
  const year = Number(shanghaiDate(now).slice(0, 4));
  let created: SubsidyApplicationRow[];
  try {
    [, created] = await db.batch([
      takeNumber(db, "subsidy", year),
      db
        .insert(subsidyApplications)
        .values({
          id,
          ...numberValues("subsidy", year),
          programmeId: programme.id,
          enterpriseId: actor.enterpriseId,
          createdBy: actor.id,
          status: "draft",
          idempotencyKey,
          loanId: loanId ?? null,
          createdAt: t,
          updatedAt: t,
          ...fields.values,
        })
        .returning(),
      db.insert(subsidyEvents).values({
        applicationId: id,
        at: t,
        actorId: actor.id,
        actor: actor.email,
        action: "created",
        note: programme.title.zh,
      }),
    ]);
  } catch (err) {
    // Two identical requests at once: the unique (enterprise, key) index lets one in; the other returns it.
    const existing = idempotencyKey ? await byKey(db, actor.enterpriseId, idempotencyKey) : undefined;
    if (existing) return { application: existing, created: false };
    throw err;
  }
  return { application: created[0]!, created: true };
}

async function byKey(db: TenantDb, enterpriseId: string, key: string) {
  const [row] = await db
    .select()
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.enterpriseId, enterpriseId), eq(subsidyApplications.idempotencyKey, key)))
    .limit(1);
  return row;
}

/** The enterprise's draft of `programme` started from the loan, if any: starting it again opens that draft. */
function draftFromLoan(db: TenantDb, enterpriseId: string, loanId: string, programme: string) {
  return db
    .select()
    .from(subsidyApplications)
    .where(
      and(
        eq(subsidyApplications.loanId, loanId),
        eq(subsidyApplications.enterpriseId, enterpriseId),
        eq(subsidyApplications.programmeId, programme),
        eq(subsidyApplications.status, "draft"),
      ),
    )
    .orderBy(desc(subsidyApplications.createdAt))
    .limit(1);
}

/** Refuses (409) what the limits rule out on the history alone (award-history.ts limitsRefusing). */
function refuseExhaustedLimits(history: AwardHistory, programme: CompiledProgramme, today: string): void {
  const failed = limitsRefusing(programme, history, today);
  if (!failed.length) return;
  // Say each thing once: a reason that already names the application in review, or the limit and its clause,
  // is not prefixed with them again.
  const pending =
    history.inProgress.some((a) => a.programme === programme.id) && !failed.some((c) => c.reason.includes("在审"))
      ? "贵企业已有一份该项目的申报在审(含公示中);"
      : "";
  const reasons = failed.map((c) => (c.reason.includes(c.label) ? c.reason : `${c.label}(${c.clause})——${c.reason}`));
  throw new AppError("conflict", `不能再申报“${programme.title.zh}”:${pending}${reasons.join(";")}。`);
}
