/**
 * GET /subsidies/applications/:id — the draft form while it is a draft or
 * returned, where it stands once submitted — and the member's 留言 on it.
 */
import type { AppDeps } from "../../../env";
import { readFormBody } from "../../../lib/form-body";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { currentPolicyOf, NO_POLICY } from "../../policies/current-policy";
import { loadEnterpriseProfiles } from "../../policies/enterprise-profiles";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { CommentInput, commentOnApplication } from "../comment-application";
import { getApplication } from "../get-application";
import { titleFrom } from "../programme-title";
import { DONE, draftPage } from "./draft-page";
import { editable, idParam, type MemberPages, pageOf } from "./shared";
import { statusPage } from "./status-page";

export function applicationPage(r: MemberPages, deps: AppDeps) {
  r.get("/applications/:id", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = idParam(c);
    const today = shanghaiDate(ctx.now);
    // One round trip: the application (with the policy in force) and, for the draft's live estimate, the
    // member's own enterprise profile (the application's own left out of its history) are read together.
    const [detail, profile] = await Promise.all([
      getApplication(ctx, id),
      loadEnterpriseProfiles(ctx, today, ctx.actor.enterpriseId ?? "", id),
    ]);
    const done = c.req.query("done") ?? "";
    const policy = detail.policy;
    if (!policy) throw new AppError("not_found", NO_POLICY);
    if (editable(detail.application.status))
      return draftPage(c, ctx, policy, today, detail, {
        notice: DONE[done === "created" && detail.loan ? "created-loan" : done],
        profile,
      });
    const notices: Record<string, Notice> = {
      submitted: { kind: "ok", message: `申报已提交,当前:${detail.standing.label}。进度会在这里和邮件中告知。` },
      commented: { kind: "ok", message: "留言已发送给园区。" },
    };
    return statusPage(c, ctx, policy, detail, notices[done]);
  });

  r.post("/applications/:id/comments", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = idParam(c);
    const form = await readFormBody(c);
    refuseBadCharacters(form, { text: "内容" });
    const text = typeof form.text === "string" ? form.text : "";
    const input = CommentInput.safeParse({ text });
    if (!input.success) {
      const { policy } = await currentPolicyOf(ctx);
      const error = input.error.issues[0]?.message ?? "请填写内容";
      return statusPage(c, ctx, policy, await getApplication(ctx, id), undefined, { value: text, error }, 422);
    }
    // The titles of the policy in force are read beside the application: one round trip, then the write.
    const titles = currentPolicyOf(ctx).then(({ policy }) => titleFrom(policy.compiled));
    await commentOnApplication(ctx, id, input.data, titles);
    return c.redirect(`${pageOf(id)}?done=commented#history-heading`, 303);
  });
}
