/**
 * POST /subsidies/applications/:id/materials: one material uploaded on its own
 * (the 上传 button beside it). A refusal re-renders the draft with the reason
 * under that material.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps } from "../../../env";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { formFailure } from "../../auth/page-forms";
import { currentPolicyOf } from "../../policies/current-policy";
import { attachMaterial } from "../attach-material";
import { readableApplication } from "../context";
import { getApplication } from "../get-application";
import { draftPage } from "./draft-page";
import { idParam, type MemberPages, pageOf, uploadLimit } from "./shared";

export function materialsPage(r: MemberPages, deps: AppDeps) {
  r.post("/applications/:id/materials", uploadLimit, async (c) => {
    const id = idParam(c);
    const ctx = actingCtx(c, deps);
    const body = await readFormBody(c);
    const kind = typeof body.kind === "string" ? body.kind : "";
    const sent = body.file;
    // An empty file input is no file.
    const file = sent instanceof File && (sent.size > 0 || sent.name !== "") ? sent : null;
    // Read beside the application by the service (one round trip); a refusal's page awaits it again.
    const policyRead = currentPolicyOf(ctx);
    policyRead.catch(() => {});
    const refuse = async (status: ContentfulStatusCode, message: string, field?: string) =>
      draftPage(
        c,
        ctx,
        (await policyRead).policy,
        (await policyRead).today,
        await getApplication(ctx, id),
        { message, errors: { [`material:${kind}`]: field ?? message } },
        status,
      );
    try {
      if (!file) {
        await readableApplication(ctx, id);
        return await refuse(422, "请先选择要上传的文件,再点“上传”。", "请选择文件");
      }
      const { db, zone, now, ip, actor } = ctx;
      const policy = policyRead.then((p) => p.policy);
      await attachMaterial({ db, zone, now, ip, actor, blobs: deps.blobs }, policy, id, kind, file);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 409) throw e;
      return refuse(status, errors.message ?? "上传没有成功。", Object.values(errors.fields ?? {})[0]);
    }
    return c.redirect(`${pageOf(id)}?done=uploaded#materials`, 303);
  });
}
