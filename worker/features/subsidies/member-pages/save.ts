/**
 * POST /subsidies/applications/:id: 保存草稿 / 提交申报 / 上传 without JavaScript
 * (and 提交申报 with it). Files chosen for the materials belong to this form,
 * so whichever button is pressed, none is dropped; what was typed is kept
 * either way, as autosave would have kept it.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps } from "../../../env";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import { formFailure } from "../../auth/page-forms";
import { currentPolicyOf } from "../../policies/current-policy";
import { attachChosenFiles, chosenMaterialFiles } from "../form-files";
import { loanOfApplicationQuery } from "../application-loan";
import { readableApplication } from "../context";
import { getApplication } from "../get-application";
import { saveDraft } from "../save-draft";
import { submitApplication } from "../submit-application";
import { byField, programmeOf, readFields, withLoanFields } from "./draft-fields";
import { draftPage, type DraftState } from "./draft-page";
import { editable, formLimit, idParam, type MemberPages, pageOf, textFields } from "./shared";

/** A field that does not parse: the form is saved as typed and the submission refused, step by step. */
const NOT_AS_ONE = new AppError("validation_failed", "有填写有误的项。");

export function savePage(r: MemberPages, deps: AppDeps) {
  r.post("/applications/:id", formLimit, async (c) => {
    const id = idParam(c);
    const ctx = actingCtx(c, deps);
    const raw = await textFields(c);
    const files = await chosenMaterialFiles(c);
    const submit = raw._action === "submit";
    // 提交申报 with nothing to upload: the typed form saved and submitted in one guarded write after one
    // round trip of reads. Refused, nothing was written: the steps below save it and say why.
    if (submit && files.length === 0) {
      const submitted = await submitApplication(
        ctx,
        currentPolicyOf(ctx).then((p) => p.policy),
        id,
        (app, policy) => {
          const { programme, view } = programmeOf(policy, app.programmeId);
          const fields = readFields(view, programme, raw);
          if (Object.keys(fields.errors).length) throw NOT_AS_ONE;
          return { facts: fields.facts, formValues: fields.values };
        },
      ).catch((e) => (e instanceof AppError && e.code !== "not_found" ? null : Promise.reject(e)));
      if (submitted) return c.redirect(`${pageOf(id)}${submitted.alreadySubmitted ? "" : "?done=submitted"}`, 303);
    }
    // One round trip: the application, the loan it was started from (贴息) and the policy in force.
    const [app, [loan], { policy, today }] = await Promise.all([
      readableApplication(ctx, id),
      loanOfApplicationQuery(ctx.db, id),
      currentPolicyOf(ctx),
    ]);
    /** The form again, as typed, with what stopped it (the draft as saved meanwhile). */
    const again = async (state: Omit<DraftState, "values">, status: ContentfulStatusCode) =>
      draftPage(c, ctx, policy, today, await getApplication(ctx, id), { values: raw, ...state }, status);
    if (!editable(app.status)) {
      // A second click on 提交申报 finds it submitted: the service returns it as it is.
      if (!submit) throw new AppError("conflict", "这份申报已提交,不能再修改;被退回补正后可以修改。");
      await submitApplication(ctx, policy, id);
      return c.redirect(pageOf(id), 303);
    }
    const { programme, view } = programmeOf(policy, app.programmeId);
    // 贴息: what was sent for the loan's facts is not the enterprise's to change (nor an error of theirs).
    const { fields } = withLoanFields(readFields(view, programme, raw), view, programme, app.loanId ? loan : null);
    await saveDraft(ctx, policy, { app, loan }, { facts: fields.facts, formValues: fields.values });
    const { db, zone, now, ip, actor } = ctx;
    const refused = await attachChosenFiles({ db, zone, now, ip, actor, blobs: deps.blobs }, policy, id, files);
    if (Object.keys(refused.errors).length) {
      const message = "有文件没有上传成功,请按提示重新选择后再提交;其余内容已保存。";
      return again({ message, errors: refused.errors }, refused.status);
    }
    if (raw._action === "upload") {
      if (files.length === 0) return again({ message: "请先选择要上传的文件,再点“上传”。" }, 422);
      return c.redirect(`${pageOf(id)}?done=uploaded#materials`, 303);
    }
    if (!submit) return c.redirect(`${pageOf(id)}?done=${files.length ? "saved-uploaded" : "saved"}`, 303);
    const bad = Object.keys(fields.errors).length;
    if (bad) return again({ message: `有 ${bad} 项填写有误,请按提示修改后再提交。` }, 422);
    try {
      await submitApplication(ctx, policy, id);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 409) throw e;
      return again({ message: errors.message, errors: byField(view, errors.fields) }, status);
    }
    return c.redirect(`${pageOf(id)}?done=submitted`, 303);
  });
}
