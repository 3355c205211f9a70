/** POST /api/v1/admin/banks/{id}/invitations and …/{invitation}/revoke: inviting a bank's staff. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { Accepted } from "../../auth/schemas";
import { createInvitation } from "../../invitations/create-invitation";
import { revokeInvitation } from "../../invitations/revoke-invitation";
import { InvitationLink } from "../../invitations/schemas";
import { BankIdParam, InvitationIdParam, InviteBody } from "../schemas";
import { denied } from "./denied";

export function staffInvitationEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/invitations",
      operationId: "createBankStaffInvitation",
      tags: ["admin", "banks"],
      summary:
        "Invite a staff member by one-time link (shown once here, also mailed); " +
        "a newer invitation to the same email replaces the older",
      request: { params: BankIdParam, ...body(InviteBody) },
      responses: {
        201: json(InvitationLink, "The link"),
        404: err("No such bank in this zone"),
        409: err("The email has an account already, or the bank is suspended"),
        422: err("Invalid email"),
        ...denied,
      },
    }),
    async (c) => {
      // An unknown bank is createInvitation's 404 (本园区没有这个金融机构。), read beside its other check.
      const { url, expiresAt } = await createInvitation(actingCtx(c, deps), {
        email: c.req.valid("json").email,
        role: "bank",
        bankId: c.req.valid("param").id,
      });
      c.header("Cache-Control", "no-store");
      return c.json({ url, expiresAt: expiresAt.toISOString() }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/invitations/{invitation}/revoke",
      operationId: "revokeBankStaffInvitation",
      tags: ["admin", "banks"],
      summary: "Revoke an open invitation (its link stops working)",
      request: { params: InvitationIdParam },
      responses: {
        200: json(Accepted, "Revoked"),
        404: err("No such invitation for this bank"),
        409: err("Already accepted"),
        ...denied,
      },
    }),
    async (c) => {
      const { id, invitation } = c.req.valid("param");
      await revokeInvitation(actingCtx(c, deps), invitation, { bankId: id });
      return c.json({ message: "邀请已撤销,链接已失效。" }, 200);
    },
  );
}
