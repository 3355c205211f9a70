/**
 * The consents an admitted enterprise gives banks to see its financial data
 * (PIPL: per bank, explicit, revocable; each change audited).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { grantConsent, listConsents, revokeConsent } from "../consents";
import { consentJson, ConsentSchema } from "./need-schemas";
import { BankIdParam, denied } from "./schema-parts";

const Consents = z.object({ consents: z.array(ConsentSchema) });

/** /consents and /consents/{bankId}, relative to /api/v1/finance; `member` guards each. */
export function memberConsentEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps, member: MiddlewareHandler<AppEnv>) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/consents",
      operationId: "listDataConsents",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: the consents its enterprise has given banks to see its financial data (qualifications, " +
        "years in operation, revenue), revoked ones included",
      responses: { 200: json(Consents, "Consents"), ...denied },
    }),
    async (c) => c.json({ consents: (await listConsents(actingCtx(c, deps))).map(consentJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/consents/{bankId}",
      operationId: "grantDataConsent",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: let this bank see its enterprise's financial data (a separate, explicit consent for this one " +
        "bank; audited). Idempotent: granting again, or many times at once, answers 200 and leaves one active " +
        "consent (a unique constraint)",
      request: { params: BankIdParam },
      responses: {
        200: json(Consents, "Granted; the consents as they now stand"),
        ...denied,
        404: err("No such active bank in this zone"),
      },
    }),
    async (c) => {
      // The consents as they now stand come back with the change: no round trip of their own.
      const consents = await grantConsent(actingCtx(c, deps), c.req.valid("param").bankId);
      return c.json({ consents: consents.map(consentJson) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/consents/{bankId}",
      operationId: "revokeDataConsent",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: revoke this bank's consent; from now on the bank sees none of its enterprise's financial " +
        "data (the history of the grant stays; audited). Idempotent: revoking what is not granted, or many " +
        "times at once, answers 200 and records one revocation",
      request: { params: BankIdParam },
      responses: { 200: json(Consents, "Revoked; the consents as they now stand"), ...denied },
    }),
    async (c) => {
      // The consents as they now stand come back with the change: no round trip of their own.
      const consents = await revokeConsent(actingCtx(c, deps), c.req.valid("param").bankId);
      return c.json({ consents: consents.map(consentJson) }, 200);
    },
  );
}
