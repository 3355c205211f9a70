/**
 * POST /api/v1/invitations/accept, mounted at /api/v1/invitations. Public: the token
 * is the credential.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { body, err, json } from "../../lib/openapi";
import { requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { PublicUser } from "../auth/schemas";
import { takeOverSession } from "../auth/session-handover";
import { acceptInvitation } from "./accept-invitation";
import { AcceptInvitationBody } from "./schemas";

export function invitationsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);

  r.openapi(
    createRoute({
      method: "post",
      path: "/accept",
      operationId: "acceptInvitation",
      security: [],
      tags: ["invitations"],
      summary:
        "Accept a one-time invitation: creates the account (role and organisation from the invitation) and signs in",
      request: body(AcceptInvitationBody),
      responses: {
        201: json(z.object({ user: PublicUser }), "Account created; the session cookie is set"),
        400: err("Invalid, used, expired or revoked invitation"),
        409: err("The email already has an account in this zone"),
        422: err("Invalid input, or a password the policy refuses"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const previous = c.get("auth")?.session?.id;
      const accepted = await acceptInvitation(ctx, c.req.valid("json"), previous);
      await takeOverSession(c, ctx.auth, accepted.cookie, { previousEnded: true });
      return c.json({ user: accepted.user }, 201);
    },
  );

  return r;
}
