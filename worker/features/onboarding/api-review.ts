/** The zone staff's side of the onboarding API: the queue, one application, and the decisions. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { body, err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireRole } from "../auth/guard";
import { Accepted } from "../auth/schemas";
import { getApplication } from "./get-application";
import { listApplications } from "./list-applications";
import { smallFormLimit } from "./request-limits";
import { REVIEW_ACTIONS, REVIEW_DONE, reviewApplication } from "./review-application";
import { ApplicationDetail, ApplicationIdParam, ApplicationQueue, ListQuery, ReviewBody } from "./schemas";

const STAFF = ["zone_admin", "reviewer"] as const;
const BAD_TEXT = "A text field holds NUL or another control character (fields names it)";

export function reviewApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const staff = requireRole(deps, ...STAFF);

  r.openapi(
    createRoute({
      method: "get",
      path: "/applications",
      operationId: "listOnboardingApplications",
      tags: ["onboarding"],
      summary:
        "The review queue (zone staff), newest activity first, a page at a time (keyset: after/before), " +
        "with the filter's total and counts per status",
      middleware: [staff] as const,
      request: { query: ListQuery },
      responses: {
        200: json(ApplicationQueue, "One page of applications"),
        401: err("No session"),
        403: err("Not zone staff"),
        422: err("A filter or cursor is invalid"),
      },
    }),
    async (c) => c.json(await listApplications(requestCtx(c, deps), c.req.valid("query")), 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      operationId: "getOnboardingApplication",
      tags: ["onboarding"],
      summary: "One application with its timeline and materials (zone staff, or its own applicant)",
      middleware: [requireRole(deps, ...STAFF, "enterprise")] as const,
      request: { params: ApplicationIdParam },
      responses: {
        200: json(z.object({ application: ApplicationDetail }), "The application"),
        401: err("No session"),
        403: err("Neither staff nor an enterprise user"),
        404: err("No such application (or not yours)"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const application = await getApplication(ctx, c.req.valid("param").id, {
        userId: ctx.actor.id,
        applicantOnly: ctx.actor.role === "enterprise",
      });
      return c.json({ application }, 200);
    },
  );

  for (const action of REVIEW_ACTIONS) {
    r.openapi(
      createRoute({
        method: "post",
        path: `/applications/{id}/${action}`,
        operationId: {
          approve: "approveOnboardingApplication",
          reject: "rejectOnboardingApplication",
          return: "returnOnboardingApplication",
        }[action],
        tags: ["onboarding"],
        summary: {
          approve: "通过: create the enterprise and make the applicant its member",
          reject: "驳回 (comment = reason, required)",
          return: "退回补正 (comment = what to fix, required)",
        }[action],
        middleware: [staff, smallFormLimit] as const,
        request: { params: ApplicationIdParam, ...body(ReviewBody) },
        responses: {
          200: json(Accepted, "Done; the applicant is notified"),
          400: err(BAD_TEXT),
          401: err("No session"),
          413: err("The body is over 64 KB"),
          403: err("Not zone staff"),
          404: err("No such application"),
          409: err("Not awaiting review"),
          422: err("Comment required"),
        },
      }),
      async (c) => {
        await reviewApplication(actingCtx(c, deps), c.req.valid("param").id, action, c.req.valid("json").comment);
        return c.json({ message: REVIEW_DONE[action] }, 200);
      },
    );
  }

  return r;
}
