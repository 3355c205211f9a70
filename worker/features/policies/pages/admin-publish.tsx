/**
 * Zone admin's preview of a new policy set (uploaded or edited; changes nothing)
 * and publishing exactly the previewed set against exactly the version it was
 * compared with. A publish redirects (303) to the versions with a notice; a
 * refusal re-renders the preview with the reason and its 4xx.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { readFormBody, type FormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { zoneOf } from "../../../middleware/zone";
import { AdminPreviewPage } from "../../../../web/pages/policy/admin-preview";
import type { Notice } from "../../../../web/pages/policy/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { previewInChinese } from "../describe-preview";
import { previewPolicyVersion, PublishBody } from "../preview-policy-version";
import { correctPolicyCases } from "../correct-policy-cases";
import { publishPolicyVersion } from "../publish-policy-version";
import { versionsPage } from "./admin-versions";

const text = (body: FormBody, key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");

/** The preview of `raw` (compared with the newest version now), with a notice and its status. */
/** The preview of a set (uploaded, corrected or drawn from the programme form): nothing is stored. */
export async function previewPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  raw: unknown,
  notice?: Notice,
  status: ContentfulStatusCode = 200,
) {
  const preview = await previewPolicyVersion(zoneOf(c), raw);
  return c.html(
    <AdminPreviewPage
      zone={zoneOf(c).zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      preview={preview}
      zh={previewInChinese(zoneOf(c).zone, raw, preview)}
      json={JSON.stringify(raw)}
      pretty={JSON.stringify(raw, null, 2)}
      notice={notice}
      today={shanghaiDate(deps.now())}
    />,
    status,
  );
}

/** Guarded by the assembling router (zone_admin, body limit). */
export function adminPublishPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.post("/preview", async (c) => {
    const body = await readFormBody(c);
    const file = body.file;
    const typed = text(body, "json");
    const fromFile = file instanceof File && file.size > 0;
    const source = fromFile ? await file.text() : typed;
    const field = fromFile ? "file" : "json";
    if (source.trim() === "") {
      const errors = {
        message: "请选择 JSON 文件,或在文本框中填写政策数据。",
        fields: { file: "请选择文件,或使用下方的文本框。" },
      };
      return versionsPage(c, deps, { errors, json: typed || undefined }, 422);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch (e) {
      const message = `JSON 格式有误:${(e as Error).message}`;
      const errors = { message: `${message}。请修改后重新预览。`, fields: { [field]: message } };
      return versionsPage(c, deps, { errors, json: fromFile ? undefined : typed }, 422);
    }
    return previewPage(c, deps, raw);
  });

  // The admin accepted what the current rules give for failed cases, or added proposed boundary
  // cases: the corrected set is previewed (nothing is stored until it is published).
  r.post("/preview/cases", async (c) => {
    const body = await readFormBody(c, { all: true });
    const out = correctPolicyCases(zoneOf(c).zone, body);
    if (!out.ok) {
      if (out.raw === undefined) return versionsPage(c, deps, { errors: { message: out.message } }, 400);
      return previewPage(c, deps, out.raw, { kind: "error", message: out.message }, 422);
    }
    return previewPage(c, deps, out.set, { kind: "ok", message: out.message });
  });

  r.post("/publish", async (c) => {
    const body = await readFormBody(c);
    const base = text(body, "baseVersion");
    let raw: unknown;
    try {
      raw = JSON.parse(text(body, "policySet"));
    } catch {
      return versionsPage(c, deps, { errors: { message: "发布表单缺少政策数据,请重新预览后再发布。" } }, 400);
    }
    const form = PublishBody.safeParse({
      policySet: raw,
      baseVersion: base === "" ? null : Number(base),
      note: text(body, "note").trim() || undefined,
    });
    if (!form.success) {
      const message = `发布表单有误:${form.error.issues[0]?.message ?? ""}。请重新预览后再发布。`;
      return previewPage(c, deps, raw, { kind: "error", message }, 400);
    }
    try {
      const { baseVersion, note } = form.data;
      const out = await publishPolicyVersion(actingCtx(c, deps), form.data.policySet, { baseVersion, note });
      const job = out.job ? `&job=${out.job.id}` : "";
      return c.redirect(`/admin/policies?published=${out.version.id}&notified=${out.notified}${job}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      // Previewed again: after a conflict this compares with the version now newest, so a second 发布 is a
      // deliberate one.
      return previewPage(
        c,
        deps,
        raw,
        { kind: "error", message: `没有发布:${errors.message ?? "请重新预览。"}` },
        status,
      );
    }
  });
  return r;
}
