/**
 * The onboarding JSON API. Applying is public; the API accepts JSON bodies only
 * (middleware/request-guards.ts), so files travel base64-encoded in `materials`.
 * Listing and deciding are for zone staff; an applicant may read its own
 * application and resubmit it once returned for correction (any other answers
 * 404, as if it did not exist). The pages
 * (./pages) are mounted here too, so the app mounts one onboarding router.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import { requireRole, signedIn } from "../auth/guard";
import { requestCtx } from "../../middleware/request-ctx";
import { Accepted } from "../auth/schemas";
import { takeOverSession } from "../auth/session-handover";
import { APPLICATIONS_PER_EMAIL_PER_HOUR, APPLICATIONS_PER_IP_PER_HOUR } from "./application-rate";
import { findOwnApplication, getApplication } from "./get-application";
import { listApplications } from "./list-applications";
import { onboardingCtx, REVIEW_DONE } from "./context";
import { onboardingPages } from "./pages";
import { resubmitApplication } from "./resubmit-application";
import { REVIEW_ACTIONS, reviewApplication } from "./review-application";
import {
  ApplicationDetail,
  ApplicationIdParam,
  ApplicationSummary,
  ListQuery,
  ResubmitApplicationBody,
  ReviewBody,
  SubmitApplicationBody,
} from "./schemas";
import { submitApplication } from "./submit-application";
import { decodeUploads, UPLOAD_RULE } from "./uploads";
import {
  APPLICATION_BODY_LIMIT_LABEL,
  applicationBodyLimit,
  MAX_APPLICATION_FILES,
  smallFormLimit,
} from "./request-limits";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const err = (description: string) => json(ErrorEnvelope, description);
const STAFF = ["zone_admin", "reviewer"] as const;
const TOO_LARGE = `The request is over ${APPLICATION_BODY_LIMIT_LABEL} (checked before parsing, with or without Content-Length), or a file decodes to more than its limit (named in fields)`;
const BAD_TEXT = "A text field holds NUL or another control character (fields names it)";

export function onboardingRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/onboarding/*", requireZone);
  const staff = requireRole(deps, ...STAFF);

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/onboarding/applications",
      tags: ["onboarding"],
      summary: `Apply to join the zone (申请入驻): creates the applicant's account and signs it in. Files base64 in materials (${UPLOAD_RULE}, at most ${MAX_APPLICATION_FILES}, the whole request at most ${APPLICATION_BODY_LIMIT_LABEL}); business_licence required, certificate:<code> for each claimed qualification with a certificate. At most ${APPLICATIONS_PER_EMAIL_PER_HOUR} applications per login email and ${APPLICATIONS_PER_IP_PER_HOUR} per client address within an hour`,
      middleware: [applicationBodyLimit] as const,
      request: { body: { required: true, content: { "application/json": { schema: SubmitApplicationBody } } } },
      responses: {
        201: json(
          z.object({ id: z.string(), message: z.string() }),
          "Submitted; the session cookie is set. A login email that already has an account gets this same answer (so it reveals no registrations) but nothing is created: the id and cookie are void, and the address's owner is mailed how to sign in or reset the password",
        ),
        400: err(BAD_TEXT),
        409: err("The USCC already has a live application or enterprise in this zone"),
        413: err(TOO_LARGE),
        422: err(
          "Invalid fields (成立日期 between 1949-10-01 and today), a missing file or a password the policy refuses",
        ),
        429: err(
          "Too many applications from this login email or client address within the hour; Retry-After gives the seconds, the message the Beijing time",
        ),
      },
    }),
    async (c) => {
      const { materials, ...input } = c.req.valid("json");
      const ctx = onboardingCtx(c, deps);
      const result = await submitApplication(ctx, input, decodeUploads(materials));
      await takeOverSession(c, ctx.auth, result.cookie);
      return c.json({ id: result.applicationId, message: "入驻申请已提交,请等待园区审核。" }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/onboarding/applications",
      tags: ["onboarding"],
      summary: "The review queue (zone staff), newest activity first, with counts per status",
      middleware: [staff] as const,
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({ applications: z.array(ApplicationSummary), counts: z.record(z.string(), z.number().int()) }),
          "Applications",
        ),
        401: err("No session"),
        403: err("Not zone staff"),
      },
    }),
    async (c) => c.json(await listApplications(requestCtx(c, deps), c.req.valid("query")), 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/onboarding/applications/{id}",
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
      const { user } = signedIn(c);
      const application = await getApplication(requestCtx(c, deps), c.req.valid("param").id, {
        userId: user.id,
        applicantOnly: user.role === "enterprise",
      });
      return c.json({ application }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/onboarding/applications/{id}/resubmit",
      tags: ["onboarding"],
      summary: `Correct and resubmit one's own application returned for correction (退回补正): the facts are replaced, files in materials (base64, ${UPLOAD_RULE}) are added to those on file`,
      middleware: [requireRole(deps, "enterprise"), applicationBodyLimit] as const,
      request: {
        params: ApplicationIdParam,
        body: { required: true, content: { "application/json": { schema: ResubmitApplicationBody } } },
      },
      responses: {
        200: json(z.object({ id: z.string(), message: z.string() }), "Resubmitted; it awaits review again"),
        400: err(BAD_TEXT),
        401: err("No session"),
        403: err("Not an enterprise user"),
        404: err("No such application (or not yours)"),
        409: err("Not returned for correction, or the USCC is taken"),
        413: err(TOO_LARGE),
        422: err("Invalid fields or a missing file"),
      },
    }),
    async (c) => {
      const { user } = signedIn(c);
      const id = c.req.valid("param").id;
      // The service resubmits the applicant's current (latest) application; any
      // other id, including another applicant's, answers as if it did not exist.
      const own = await findOwnApplication(requestCtx(c, deps), user.id);
      if (own?.id !== id) throw new AppError("not_found", "本园区没有这个入驻申请。");
      const { materials, ...input } = c.req.valid("json");
      await resubmitApplication(
        onboardingCtx(c, deps),
        { id: user.id, email: user.email },
        input,
        decodeUploads(materials),
      );
      return c.json({ id, message: "已重新提交,请等待园区审核。" }, 200);
    },
  );

  for (const action of REVIEW_ACTIONS) {
    r.openapi(
      createRoute({
        method: "post",
        path: `/api/v1/onboarding/applications/{id}/${action}`,
        tags: ["onboarding"],
        summary: {
          approve: "通过: create the enterprise and make the applicant its member",
          reject: "驳回 (comment = reason, required)",
          return: "退回补正 (comment = what to fix, required)",
        }[action],
        middleware: [staff, smallFormLimit] as const,
        request: {
          params: ApplicationIdParam,
          body: { required: true, content: { "application/json": { schema: ReviewBody } } },
        },
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
        const { user } = signedIn(c);
        await reviewApplication(
          { ...requestCtx(c, deps), actor: { id: user.id, email: user.email } },
          c.req.valid("param").id,
          action,
          c.req.valid("json").comment,
        );
        return c.json({ message: REVIEW_DONE[action] }, 200);
      },
    );
  }
  r.route("/", onboardingPages(deps));
  return r;
}
