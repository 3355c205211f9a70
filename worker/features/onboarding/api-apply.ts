/** The applicant's side of the onboarding API: applying (public) and resubmitting a returned application. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { body, err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireRole } from "../auth/guard";
import { takeOverSession } from "../auth/session-handover";
import { APPLICATIONS_PER_EMAIL_PER_HOUR, APPLICATIONS_PER_IP_PER_HOUR } from "./application-rate";
import { APPLICATION_BODY_LIMIT_LABEL, applicationBodyLimit, MAX_APPLICATION_FILES } from "./request-limits";
import { resubmitApplication } from "./resubmit-application";
import { ApplicationIdParam, ResubmitApplicationBody, SubmitApplicationBody } from "./schemas";
import { submitApplication } from "./submit-application";
import { decodeUploads, UPLOAD_RULE } from "./uploads";

const TOO_LARGE =
  `The request is over ${APPLICATION_BODY_LIMIT_LABEL} (checked before parsing, with or without Content-Length), ` +
  "or a file decodes to more than its limit (named in fields)";
const BAD_TEXT = "A text field holds NUL or another control character (fields names it)";

export function applicationApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  r.openapi(
    createRoute({
      method: "post",
      path: "/applications",
      operationId: "submitOnboardingApplication",
      security: [],
      tags: ["onboarding"],
      summary:
        "Apply to join the zone (申请入驻): creates the applicant's account and signs it in. " +
        `Files base64 in materials (${UPLOAD_RULE}, at most ${MAX_APPLICATION_FILES}, ` +
        `the whole request at most ${APPLICATION_BODY_LIMIT_LABEL}); business_licence required, ` +
        "certificate:<code> for each claimed qualification with a certificate. " +
        `At most ${APPLICATIONS_PER_EMAIL_PER_HOUR} applications per login email and ` +
        `${APPLICATIONS_PER_IP_PER_HOUR} per client address within an hour`,
      middleware: [applicationBodyLimit] as const,
      request: body(SubmitApplicationBody),
      responses: {
        201: json(
          z.object({ id: z.string(), message: z.string() }),
          "Submitted; the session cookie is set. A login email that already has an account gets this same " +
            "answer (so it reveals no registrations) but nothing is created: the id and cookie are void, and " +
            "the address's owner is mailed how to sign in or reset the password",
        ),
        400: err(BAD_TEXT),
        409: err("The USCC already has a live application or enterprise in this zone"),
        413: err(TOO_LARGE),
        422: err(
          "Invalid fields (成立日期 between 1949-10-01 and today), a missing file or a password the policy refuses",
        ),
        429: err(
          "Too many applications from this login email or client address within the hour; " +
            "Retry-After gives the seconds, the message the Beijing time",
        ),
      },
    }),
    async (c) => {
      const { materials, ...input } = c.req.valid("json");
      const ctx = requestCtx(c, deps);
      const result = await submitApplication(ctx, deps.blobs, input, decodeUploads(materials), {
        previousSession: c.get("auth")?.session.id,
      });
      await takeOverSession(c, ctx.auth, result.cookie, { previousEnded: result.previousEnded });
      return c.json({ id: result.applicationId, message: "入驻申请已提交,请等待园区审核。" }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/resubmit",
      operationId: "resubmitOnboardingApplication",
      tags: ["onboarding"],
      summary:
        "Correct and resubmit one's own application returned for correction (退回补正): the facts are " +
        `replaced, files in materials (base64, ${UPLOAD_RULE}) are added to those on file`,
      middleware: [requireRole(deps, "enterprise"), applicationBodyLimit] as const,
      request: { params: ApplicationIdParam, ...body(ResubmitApplicationBody) },
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
      const id = c.req.valid("param").id;
      const { materials, ...input } = c.req.valid("json");
      // The service resubmits the applicant's current (latest) application; any
      // other id, including another applicant's, answers as if it did not exist.
      await resubmitApplication(actingCtx(c, deps), deps.blobs, input, () => decodeUploads(materials), id);
      return c.json({ id, message: "已重新提交,请等待园区审核。" }, 200);
    },
  );

  return r;
}
