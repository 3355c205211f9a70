/**
 * POST /subsidies/applications/:id/estimate: the draft form's script's door —
 * the same parsing and the same estimate as the page and the submission, so the
 * result the user watches while typing is the one they will get (贴息: the loan's record read beside it).
 */
import type { AppDeps } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { EstimateBody } from "../../../../web/pages/subsidies/member-draft";
import { shanghaiDate } from "../../../lib/calendar";
import { currentPolicyOf } from "../../policies/current-policy";
import { loadEnterpriseProfiles } from "../../policies/enterprise-profiles";
import { readableApplication } from "../context";
import { loanOfApplicationQuery } from "../application-loan";
import { estimateOf, programmeOf, readFields, withLoanFields } from "./draft-fields";
import { idParam, type MemberPages, textFields } from "./shared";

export function estimateEndpoint(r: MemberPages, deps: AppDeps) {
  r.post("/applications/:id/estimate", async (c) => {
    const id = idParam(c);
    const ctx = actingCtx(c, deps);
    const raw = await textFields(c);
    // One round trip: the application, the policy in force and the member's own enterprise profile (this
    // application left out of its history; another enterprise's application is a 404 before it is used).
    const [app, { policy, today }, profile, [loan]] = await Promise.all([
      readableApplication(ctx, id),
      currentPolicyOf(ctx),
      loadEnterpriseProfiles(ctx, shanghaiDate(ctx.now), ctx.actor.enterpriseId ?? "", id),
      loanOfApplicationQuery(ctx.db, id),
    ]);
    const { programme, view } = programmeOf(policy, app.programmeId);
    // 贴息: estimated on the loan's record, as the save will store it.
    const { fields } = withLoanFields(readFields(view, programme, raw), view, programme, app.loanId ? loan : null);
    const result = await estimateOf(ctx, programme, fields.facts, app, today, profile);
    const html = await (<EstimateBody result={result} versionId={policy.version.id} />).toString();
    return c.json({ values: fields.values, facts: fields.facts, errors: fields.errors, html });
  });
}
