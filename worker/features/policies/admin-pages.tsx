/**
 * Zone admin's policy pages: the versions with their JSON, a preview of a new
 * set (uploaded or edited here; changes nothing), and publishing exactly the
 * previewed set against exactly the version it was compared with. Staff
 * (zone_admin and reviewer) also see which enterprises match a programme.
 * Plain forms; a publish redirects (303) to the versions with a notice, a
 * refusal re-renders the preview with the reason and its 4xx.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { AdminMatchesPage } from "../../../web/pages/policy/admin-matches";
import { AdminPreviewPage } from "../../../web/pages/policy/admin-preview";
import { AdminVersionsPage } from "../../../web/pages/policy/admin-versions";
import type { Notice } from "../../../web/pages/policy/shared";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { shanghaiDate } from "../../lib/calendar";
import { policyBodyLimit } from "./admin-policy-api";
import { loadLatestVersion } from "./current-policy";
import { getPolicyVersion, listPolicyVersions } from "./list-policy-versions";
import { matchEnterprisesForProgramme } from "./match-programmes";
import { programmeParam } from "./pages";
import { previewPolicyVersion, PublishBody, type PolicyPreview } from "./preview-policy-version";
import { currentPolicyOf } from "./programme-api";
import { publishPolicyVersion } from "./publish-policy-version";

type Body = Record<string, string | File | (string | File)[]>;
const text = (body: Body, key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");

export function policyAdminPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const admin = pageGuard(deps, "zone_admin");
  r.use("/admin/policy", requireZone, admin);
  r.use("/admin/policy/download/*", requireZone, admin);
  r.use("/admin/policy/preview", requireZone, admin, policyBodyLimit);
  r.use("/admin/policy/publish", requireZone, admin, policyBodyLimit);
  r.use("/admin/policy/programmes/*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  const today = () => shanghaiDate(deps.now());

  const versionsPage = async (
    c: Context<AppEnv>,
    opts: { notice?: Notice; errors?: FormErrors; json?: string } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const [versions, latest] = await Promise.all([
      listPolicyVersions({ db }, today()),
      opts.json === undefined ? loadLatestVersion(db) : null,
    ]);
    // The newest set, laid out for editing: the starting point of the next version.
    const json = opts.json ?? (latest ? JSON.stringify(JSON.parse(latest.data), null, 2) : "");
    return c.html(
      <AdminVersionsPage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        versions={versions}
        json={json}
        notice={opts.notice}
        errors={opts.errors}
      />,
      status,
    );
  };

  const previewPage = (
    c: Context<AppEnv>,
    preview: PolicyPreview,
    raw: unknown,
    notice?: Notice,
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <AdminPreviewPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        preview={preview}
        json={JSON.stringify(raw)}
        pretty={JSON.stringify(raw, null, 2)}
        notice={notice}
        today={today()}
      />,
      status,
    );

  r.get("/admin/policy", (c) => {
    const published = Number(c.req.query("published"));
    const notified = Number(c.req.query("notified"));
    if (!Number.isInteger(published) || published < 1) return versionsPage(c);
    const told = Number.isInteger(notified) && notified > 0 ? `已通知 ${notified} 家新符合条件的企业。` : "";
    return versionsPage(c, { notice: { kind: "ok", message: `第${published}版已发布。${told}` } });
  });

  r.get("/admin/policy/download/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isInteger(id) || id < 1) throw new AppError("not_found", "没有这一版政策。");
    const v = await getPolicyVersion(zoneOf(c), id);
    return c.body(`${JSON.stringify(v.policySet, null, 2)}\n`, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${zoneOf(c).zone.slug}-policy-v${id}.json"`,
      "Cache-Control": "no-store",
    });
  });

  r.post("/admin/policy/preview", async (c) => {
    const body = (await c.req.parseBody()) as Body;
    const file = body["file"];
    const typed = text(body, "json");
    const fromFile = file instanceof File && file.size > 0;
    const source = fromFile ? await file.text() : typed;
    const field = fromFile ? "file" : "json";
    if (source.trim() === "")
      return versionsPage(
        c,
        {
          errors: {
            message: "请选择 JSON 文件,或在文本框中填写政策数据。",
            fields: { file: "请选择文件,或使用下方的文本框。" },
          },
          json: typed || undefined,
        },
        422,
      );
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch (e) {
      const message = `JSON 格式有误:${(e as Error).message}`;
      return versionsPage(
        c,
        {
          errors: { message: `${message}。请修改后重新预览。`, fields: { [field]: message } },
          json: fromFile ? undefined : typed,
        },
        422,
      );
    }
    return previewPage(c, await previewPolicyVersion(zoneOf(c), raw), raw);
  });

  r.post("/admin/policy/publish", async (c) => {
    const body = (await c.req.parseBody()) as Body;
    const base = text(body, "baseVersion");
    let raw: unknown;
    try {
      raw = JSON.parse(text(body, "policySet"));
    } catch {
      return versionsPage(c, { errors: { message: "发布表单缺少政策数据,请重新预览后再发布。" } }, 400);
    }
    const form = PublishBody.safeParse({
      policySet: raw,
      baseVersion: base === "" ? null : Number(base),
      note: text(body, "note").trim() || undefined,
    });
    if (!form.success)
      return previewPage(
        c,
        await previewPolicyVersion(zoneOf(c), raw),
        raw,
        { kind: "error", message: `发布表单有误:${form.error.issues[0]?.message ?? ""}。请重新预览后再发布。` },
        400,
      );
    const ctx = requestCtx(c, deps);
    const { user } = signedIn(c);
    try {
      const out = await publishPolicyVersion(
        {
          db: ctx.db,
          zone: ctx.zone,
          now: ctx.now,
          ip: ctx.ip,
          actor: { id: user.id, email: user.email },
          origin: ctx.origin,
        },
        form.data.policySet,
        { baseVersion: form.data.baseVersion, note: form.data.note },
      );
      return c.redirect(`/admin/policy?published=${out.version.id}&notified=${out.notified}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      // Previewed again: after a conflict this compares with the version now newest, so a second 发布 is a deliberate one.
      return previewPage(
        c,
        await previewPolicyVersion(zoneOf(c), raw),
        raw,
        { kind: "error", message: `没有发布:${errors.message ?? "请重新预览。"}` },
        status,
      );
    }
  });

  r.get("/admin/policy/programmes/:id/matches", async (c) => {
    const { policy, today: day } = await currentPolicyOf(c, deps);
    const view = programmeParam(c, policy);
    const m = await matchEnterprisesForProgramme(zoneOf(c), policy, view.id, day);
    return c.html(
      <AdminMatchesPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        version={{ id: policy.version.id, label: policy.version.label, effectiveFrom: policy.version.effectiveFrom }}
        programme={{
          id: view.id,
          title: view.title,
          citation: view.citation,
          documentTitle: view.document.title,
          amountSummary: view.amountSummary,
        }}
        counts={m.counts}
        rows={m.rows.map((row) => ({
          enterprise: row.enterprise,
          tier: row.fit.tier,
          result: row.fit.result,
          met: row.fit.met,
          missed: row.fit.missed,
          untold: row.fit.untold,
        }))}
      />,
    );
  });

  return r;
}
