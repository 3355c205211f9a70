/**
 * Zone admin's policy versions (GET /admin/policies): every version with its JSON
 * to download, and the newest set laid out for editing into the next one.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { zoneOf } from "../../../middleware/zone";
import type { FormErrors } from "../../../../web/components/form";
import { AdminVersionsPage } from "../../../../web/pages/policy/admin-versions";
import type { Notice } from "../../../../web/pages/policy/shared";
import { signedIn } from "../../auth/guard";
import { loadLatestVersion } from "../current-policy";
import { getPolicyVersion, listPolicyVersions } from "../list-policy-versions";

/** The versions page, with a notice or the errors of a form sent from it (and the JSON as typed). */
export async function versionsPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  opts: { notice?: Notice; errors?: FormErrors; json?: string; jobId?: number } = {},
  status: ContentfulStatusCode = 200,
) {
  const { zone, db } = zoneOf(c);
  const [versions, latest] = await Promise.all([
    listPolicyVersions({ db }, shanghaiDate(deps.now())),
    opts.json === undefined ? loadLatestVersion(db) : null,
  ]);
  // The newest set, laid out for editing: the starting point of the next version.
  const set = latest ? (JSON.parse(latest.data) as { programmes: { id: string; title: { zh: string } }[] }) : null;
  const json = opts.json ?? (set ? JSON.stringify(set, null, 2) : "");
  // Each programme of the newest set, to edit in the form (worker/features/policies/form).
  const programmes = set?.programmes.map((p) => ({ id: p.id, title: p.title.zh })) ?? [];
  return c.html(
    <AdminVersionsPage
      zone={zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      versions={versions}
      json={json}
      programmes={programmes}
      notice={opts.notice}
      errors={opts.errors}
      jobId={opts.jobId}
    />,
    status,
  );
}

/** Guarded by the assembling router (zone_admin). */
export function adminVersionsPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get("/", (c) => {
    const published = Number(c.req.query("published"));
    const notified = Number(c.req.query("notified"));
    // The 免申即享 job publishing queued (worker/features/jobs): its progress is one link away.
    const job = Number(c.req.query("job"));
    if (!Number.isInteger(published) || published < 1) return versionsPage(c, deps);
    const told = Number.isInteger(notified) && notified > 0 ? `已通知 ${notified} 家新符合条件的企业。` : "";
    return versionsPage(c, deps, {
      notice: { kind: "ok", message: `第${published}版已发布。${told}` },
      ...(Number.isSafeInteger(job) && job > 0 ? { jobId: job } : {}),
    });
  });

  r.get("/download/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isInteger(id) || id < 1) throw new AppError("not_found", "没有这一版政策。");
    const v = await getPolicyVersion(zoneOf(c), id);
    return c.body(`${JSON.stringify(v.policySet, null, 2)}\n`, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${zoneOf(c).zone.slug}-policy-v${id}.json"`,
      "Cache-Control": "no-store",
    });
  });
  return r;
}
