/**
 * Zone admin's queued-work pages (mounted at /admin/jobs): the recent jobs, paged, and one job's
 * progress, where publishing a policy version leads (?published=<version>).
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../env";
import type { JobRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { AdminJobPage, AdminJobsPage, type JobView } from "../../../web/pages/jobs/admin-jobs";
import { listPage } from "../../../web/components/pager";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { getJob, listJobs } from "./list-jobs";

const positive = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);

const view = (j: JobRow): JobView => {
  const params = JSON.parse(j.params) as { versionId?: unknown; programmeId?: unknown };
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    done: j.done,
    total: j.total,
    messages: j.messages,
    attempts: j.attempts,
    error: j.error,
    versionId: typeof params.versionId === "number" ? params.versionId : null,
    programmeId: typeof params.programmeId === "string" ? params.programmeId : null,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
};

export function adminJobPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));

  r.get("/", async (c) => {
    const ctx = requestCtx(c, deps);
    const after = positive.safeParse(c.req.query("after"));
    const page = await listJobs(ctx, { after: after.success ? after.data : undefined });
    return c.html(
      <AdminJobsPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        jobs={page.rows.map(view)}
        page={listPage("/admin/jobs", {}, { total: page.total, nextCursor: page.nextCursor, paged: after.success })}
      />,
    );
  });

  r.get("/:id", async (c) => {
    const ctx = requestCtx(c, deps);
    const id = positive.safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("not_found", "没有这个后台任务。");
    const published = positive.safeParse(c.req.query("published"));
    const job = await getJob(ctx, id.data);
    return c.html(
      <AdminJobPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        job={view(job)}
        {...(published.success ? { published: published.data } : {})}
      />,
    );
  });
  return r;
}
