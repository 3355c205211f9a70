/** GET/POST /api/v1/admin/banks, GET /{id}, POST /{id}/suspend|reactivate: the banks themselves. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx, requestCtx } from "../../../middleware/request-ctx";
import { bankJson, getBank, listBanks } from "../get-bank";
import { registerBank } from "../register-bank";
import { BankDetail, BankIdParam, BankListItem, BankSchema, RegisterBankBody } from "../schemas";
import { setBankStatus } from "../set-bank-status";
import { denied } from "./denied";

const iso = (ms: number) => new Date(ms).toISOString();

export function bankEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listBanks",
      tags: ["admin", "banks"],
      summary: "The zone's bank institutions",
      responses: { 200: json(z.object({ banks: z.array(BankListItem) }), "Banks"), ...denied },
    }),
    async (c) => {
      const rows = await listBanks(requestCtx(c, deps));
      return c.json({ banks: rows.map((b) => ({ ...bankJson(b), staff: b.staff })) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createBank",
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
      const bank = await registerBank(actingCtx(c, deps), c.req.valid("json"));
      return c.json({ bank: bankJson(bank) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getBank",
      tags: ["admin", "banks"],
      summary: "A bank with its staff and open invitations",
      request: { params: BankIdParam },
      responses: { 200: json(BankDetail, "The bank"), 404: err("No such bank in this zone"), ...denied },
    }),
    async (c) => {
      const d = await getBank(requestCtx(c, deps), c.req.valid("param").id);
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
}

/** POST /{id}/suspend and /{id}/reactivate. */
export function bankStatusEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const statusRoute = (action: string, operationId: string, summary: string, status: "active" | "suspended") =>
    r.openapi(
      createRoute({
        method: "post",
        path: `/{id}/${action}`,
        operationId,
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
        const bank = await setBankStatus(actingCtx(c, deps), c.req.valid("param").id, status);
        return c.json({ bank: bankJson(bank) }, 200);
      },
    );
  statusRoute(
    "suspend",
    "suspendBank",
    "Suspend a bank: its staff's sessions end and its open invitations are revoked",
    "suspended",
  );
  statusRoute("reactivate", "reactivateBank", "Reactivate a suspended bank", "active");
}
