/**
 * Zone staff: which enterprises match a programme (GET /admin/policies/programmes/:id/matches), a
 * page of the stored list, and 重新计算 (POST …/matches/refresh), which queues the job computing it.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../../env";
import { actingCtx, requestCtx } from "../../../middleware/request-ctx";
import { AdminMatchesPage } from "../../../../web/pages/policy/admin-matches";
import type { Notice } from "../../../../web/pages/policy/shared";
import { listPage } from "../../../../web/components/pager";
import { signedIn } from "../../auth/guard";
import { listProgrammeMatches } from "../list-programme-matches";
import { queueProgrammeMatches } from "../queue-programme-matches";
import { programmeParam, versionLine } from "./page-helpers";

const jobId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);

/** What the redirect after 重新计算 says: a job queued now, or the one already at work. */
function noticeOf(queued: string | undefined, already: string | undefined): Notice | undefined {
  const q = jobId.safeParse(queued);
  if (q.success)
    return { kind: "ok", message: `已加入计算队列(后台任务 ${q.data}),系统每分钟分批测算,完成后刷新本页即可。` };
  const a = jobId.safeParse(already);
  if (a.success) return { kind: "info", message: `该项目的名单已在计算中(后台任务 ${a.data}),无需重复提交。` };
  return undefined;
}

/** Guarded by the assembling router (zone_admin and reviewer). */
export function adminMatchesPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/programmes/:id/matches", async (c) => {
    const ctx = requestCtx(c, deps);
    const after = c.req.query("after") || undefined;
    const m = await listProgrammeMatches(ctx, { programmeId: c.req.param("id"), after });
    const view = programmeParam(c, m.policy);
    const user = signedIn(c).user;
    const path = `/admin/policies/programmes/${view.id}/matches`;
    return c.html(
      <AdminMatchesPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={user}
        version={versionLine(m.policy)}
        programme={{
          id: view.id,
          title: view.title,
          citation: view.citation,
          documentTitle: view.document.title,
          amountSummary: view.amountSummary,
        }}
        counts={m.counts}
        run={m.run}
        // The jobs pages are the zone admin's; a reviewer sees the progress here.
        job={m.job && { ...m.job, href: user.role === "zone_admin" ? `/admin/jobs/${m.job.id}` : null }}
        notice={noticeOf(c.req.query("queued"), c.req.query("already"))}
        page={listPage(path, {}, { total: m.total, nextCursor: m.nextCursor, paged: after !== undefined })}
        rows={m.rows}
      />,
    );
  });

  r.post("/programmes/:id/matches/refresh", async (c) => {
    const id = c.req.param("id");
    const out = await queueProgrammeMatches(actingCtx(c, deps), id);
    const q = out.queued ? `queued=${out.job.id}` : `already=${out.job.id}`;
    return c.redirect(`/admin/policies/programmes/${encodeURIComponent(id)}/matches?${q}`, 303);
  });
  return r;
}
