/** POST /api/v1/admin/users/{id}/reset-link and …/reset-link/sms: the admin's reset links. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { denied } from "./admin-denied";
import { actingCtx } from "../../../middleware/request-ctx";
import { issueAdminResetLink } from "../password-reset";
import { sendResetLinkBySms } from "../reset-link-sms";
import { ResetLink, ResetLinkSmsBody, ResetLinkSmsSent, UserIdParam } from "../schemas";

export function resetLinkEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reset-link",
      operationId: "createPasswordResetLink",
      tags: ["admin"],
      summary: "Issue a one-time reset link (shown once here, also sent to the user); the admin never sees a password",
      request: { params: UserIdParam },
      responses: { 200: json(ResetLink, "The link, to pass on by phone or message"), ...denied },
    }),
    async (c) => {
      const { url, expiresAt } = await issueAdminResetLink(actingCtx(c, deps), c.req.valid("param").id);
      c.header("Cache-Control", "no-store");
      return c.json({ url, expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reset-link/sms",
      operationId: "sendPasswordResetSms",
      tags: ["admin"],
      summary: "Send an issued, still-live reset link to the user's mobile on record by SMS (through the outbox)",
      request: { params: UserIdParam, ...body(ResetLinkSmsBody) },
      responses: {
        200: json(ResetLinkSmsSent, "Queued for SMS"),
        422: err("Malformed token, no mobile on record, or the link is no longer live"),
        ...denied,
      },
    }),
    async (c) => {
      const sent = await sendResetLinkBySms(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json").token);
      return c.json({ sentTo: sent.sentTo, expiresAt: sent.expiresAt.toISOString() }, 200);
    },
  );
}
