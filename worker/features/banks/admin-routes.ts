/** The zone admin's bank institutions API: register, list, detail, invite staff, revoke, suspend/reactivate. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { requireZone } from "../../middleware/zone";
import { requireRole, signedIn } from "../auth/guard";
import { requestCtx } from "../../middleware/request-ctx";
import { Accepted } from "../auth/schemas";
import { createInvitation } from "../invitations/create-invitation";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { InvitationLink } from "../invitations/schemas";
import { bankJson, findBank, getBank, listBanks } from "./get-bank";
import { registerBank } from "./register-bank";
import {
  BankDetail,
  BankIdParam,
  BankListItem,
  BankSchema,
  InvitationIdParam,
  InviteBody,
  RegisterBankBody,
} from "./schemas";
import { setBankStatus } from "./set-bank-status";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
const err = (description: string) => json(ErrorEnvelope, description);
const denied = { 401: err("No session"), 403: err("Not a zone admin") };
const iso = (ms: number) => new Date(ms).toISOString();

export function adminBankRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/admin/banks", requireZone, requireRole(deps, "zone_admin"));
  r.use("/api/v1/admin/banks/*", requireZone, requireRole(deps, "zone_admin"));
  const actorOf = (c: Parameters<typeof signedIn>[0]) => {
    const { user } = signedIn(c);
    return { id: user.id, email: user.email };
  };

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/banks",
      tags: ["admin", "banks"],
      summary: "The zone's bank institutions",
      responses: { 200: json(z.object({ banks: z.array(BankListItem) }), "Banks"), ...denied },
    }),
    async (c) => {
      const rows = await listBanks({ db: requestCtx(c, deps).db });
      return c.json({ banks: rows.map((b) => ({ ...bankJson(b), staff: b.staff })) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/banks",
      tags: ["admin", "banks"],
      summary: "Register a bank institution (one per USCC in a zone)",
      request: body(RegisterBankBody),
      responses: {
        201: json(z.object({ bank: BankSchema }), "Registered"),
        409: err("The USCC is registered already"),
        422: err("Invalid input, per field"),
        ...denied,
      },
    }),
    async (c) => {
      const bank = await registerBank({ ...requestCtx(c, deps), actor: actorOf(c) }, c.req.valid("json"));
      return c.json({ bank: bankJson(bank) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/banks/{id}",
      tags: ["admin", "banks"],
      summary: "A bank with its staff and open invitations",
      request: { params: BankIdParam },
      responses: { 200: json(BankDetail, "The bank"), 404: err("No such bank in this zone"), ...denied },
    }),
    async (c) => {
      const { db, now } = requestCtx(c, deps);
      const d = await getBank({ db, now }, c.req.valid("param").id);
      return c.json(
        {
          bank: bankJson(d.bank),
          staff: d.staff.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
          invitations: d.invitations.map((i) => ({
            id: i.tokenHash,
            email: i.email,
            invitedBy: i.invitedBy,
            createdAt: iso(i.createdAt),
            expiresAt: iso(i.expiresAt),
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/banks/{id}/invitations",
      tags: ["admin", "banks"],
      summary:
        "Invite a staff member by one-time link (shown once here, also mailed); a newer invitation to the same email replaces the older",
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
      const ctx = requestCtx(c, deps);
      const bank = await findBank(ctx.db, c.req.valid("param").id);
      const { url, expiresAt } = await createInvitation(ctx, {
        email: c.req.valid("json").email,
        role: "bank",
        bankId: bank.id,
        invitedBy: actorOf(c),
      });
      c.header("Cache-Control", "no-store");
      return c.json({ url, expiresAt: expiresAt.toISOString() }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/banks/{id}/invitations/{invitation}/revoke",
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
      await revokeInvitation(requestCtx(c, deps), invitation, actorOf(c), { bankId: id });
      return c.json({ message: "邀请已撤销,链接已失效。" }, 200);
    },
  );

  const statusRoute = (path: string, summary: string, status: "active" | "suspended") =>
    r.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["admin", "banks"],
        summary,
        request: { params: BankIdParam },
        responses: {
          200: json(z.object({ bank: BankSchema }), "Done"),
          404: err("No such bank in this zone"),
          409: err("Already in that state"),
          ...denied,
        },
      }),
      async (c) => {
        const bank = await setBankStatus(
          { ...requestCtx(c, deps), actor: actorOf(c) },
          c.req.valid("param").id,
          status,
        );
        return c.json({ bank: bankJson(bank) }, 200);
      },
    );
  statusRoute(
    "/api/v1/admin/banks/{id}/suspend",
    "Suspend a bank: its staff's sessions end and its open invitations are revoked",
    "suspended",
  );
  statusRoute("/api/v1/admin/banks/{id}/reactivate", "Reactivate a suspended bank", "active");

  return r;
}
