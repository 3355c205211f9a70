/**
 * POST /subsidies/apply: 在线申报 from a programme page starts a draft, prefilled from the enterprise's records;
 * 申请贴息 from a disbursed loan's page (`loanId`) also fills the facts the loan feeds.
 */
import { AppError } from "../../../lib/errors";
import type { AppDeps } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { prefillFacts } from "../../../engines/policy/prefill";
import { factsToForm } from "../../policies/calculator-form";
import { currentPolicyOf } from "../../policies/current-policy";
import { viewOf } from "../../policies/search-programmes";
import { createApplication } from "../create-application";
import { type MemberPages, pageOf, textFields } from "./shared";

const PROGRAMME = /^[a-z][a-z0-9-]{2,62}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
const LOAN_ID = /^[a-z0-9]{10,40}$/;

export function applyPage(r: MemberPages, deps: AppDeps) {
  r.post("/apply", async (c) => {
    const ctx = actingCtx(c, deps);
    const form = await textFields(c);
    const programmeId = form.programme ?? "";
    if (!PROGRAMME.test(programmeId))
      throw new AppError("not_found", "没有这个项目,请从政策纵览进入项目页面后点“在线申报”。");
    const key = form.idempotencyKey?.trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key))
      throw new AppError("bad_request", "表单已失效,请回到项目页面重新点“在线申报”。");
    const loanId = form.loanId?.trim() || undefined;
    if (loanId !== undefined && !LOAN_ID.test(loanId)) throw new AppError("not_found", "没有这笔贷款。");
    // The policy in force is read beside the service's checks and the enterprise's records: one round trip.
    const policy = currentPolicyOf(ctx).then((p) => p.policy);
    policy.catch(() => {}); // awaited by the service (its refusals may come first)
    const { application, created } = await createApplication(
      ctx,
      policy,
      { programme: programmeId, loanId },
      key,
      // Prefilled from the enterprise's verified records: nobody re-types what the platform knows.
      (loaded, enterprise) => {
        const programme = loaded.compiled.programmes.get(programmeId);
        const view = viewOf(loaded.compiled, programmeId);
        const facts = programme && enterprise ? prefillFacts(programme, enterprise.profile) : {};
        return { facts, formValues: view ? factsToForm(view.facts, facts) : {} };
      },
    );
    return c.redirect(`${pageOf(application.id)}${created ? "?done=created" : ""}`, 303);
  });
}
