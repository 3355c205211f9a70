/**
 * Queued work's progress for zone admins, mounted at /api/v1/admin/jobs: the recent jobs (newest
 * first, paged) and one job (status, done/total, messages, the last error). Read-only: jobs are
 * queued by the changes that call for them and run by the scheduled run.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { getJob, listJobs } from "../list-jobs";
import { Job, JobIdParam, jobJson, JobsQuery } from "../schemas";

const denied = { 401: err("No session"), 403: err("Zone admins only") };

export function adminJobsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listJobs",
      tags: ["admin", "jobs"],
      summary: "The zone's recent queued jobs, newest first (20 a page)",
      request: { query: JobsQuery },
      responses: {
        200: json(z.object({ jobs: z.array(Job), total: z.number().int(), nextCursor: z.string().nullable() }), "Jobs"),
        422: err("Invalid cursor"),
        ...denied,
      },
    }),
    async (c) => {
      const page = await listJobs(requestCtx(c, deps), { after: c.req.valid("query").after });
      return c.json({ jobs: page.rows.map(jobJson), total: page.total, nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getJob",
      tags: ["admin", "jobs"],
      summary: "One job's progress: status, items done of total, messages queued, the last error",
      request: { params: JobIdParam },
      responses: { 200: json(z.object({ job: Job }), "The job"), 404: err("No such job in this zone"), ...denied },
    }),
    async (c) => c.json({ job: jobJson(await getJob(requestCtx(c, deps), c.req.valid("param").id)) }, 200),
  );
  return r;
}
