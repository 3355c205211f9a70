/**
 * The member half of the 金融超市 API: an admitted enterprise's financing needs
 * (its own only — another enterprise's id answers 404), the products ranked for
 * one of them with each criterion explained, and the consents it gives banks
 * to see its financial data (PIPL: per bank, explicit, revocable).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { requireMember } from "../enterprises/member-guard";
import { financeCtx } from "./api-context";
import {
  BankIdParam,
  body,
  CloseNeedBody,
  consentJson,
  ConsentSchema,
  denied,
  err,
  json,
  matchesJson,
  MatchesSchema,
  NeedIdParam,
  needJson,
  NeedSchema,
} from "./api-schemas";
import { grantConsent, listConsents, revokeConsent } from "./consents";
import { closeNeed, listMyNeeds, NeedInput, postNeed, productsForNeed } from "./needs";

const Need = z.object({ need: NeedSchema });
const Consents = z.object({ consents: z.array(ConsentSchema) });
const missingNeed = { 404: err("No such need (or not yours)") };

export function financeMemberApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const member = requireMember(deps);

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/needs",
      tags: ["finance"],
      middleware: [member] as const,
      summary: "A member: its enterprise's financing needs, newest first",
      responses: { 200: json(z.object({ needs: z.array(NeedSchema) }), "The needs"), ...denied },
    }),
    async (c) => c.json({ needs: (await listMyNeeds(financeCtx(c, deps))).map(needJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/finance/needs",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: post a financing need (amount in fen, term in months, purpose, the guarantees it can offer, when the money is needed, until when the need stands). Posting shares nothing with banks beyond the need itself and the enterprise's name and industry",
      request: body(NeedInput),
      responses: {
        201: json(Need, "Posted (open)"),
        ...denied,
        422: err("Invalid input, or a valid-until day already past"),
      },
    }),
    async (c) => c.json({ need: needJson(await postNeed(financeCtx(c, deps), c.req.valid("json"))) }, 201),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/needs/{id}/matches",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: every product in the 金融超市 ranked for one of its needs, from its own profile and yearly figures, each criterion (amount, term, guarantee, industry, qualifications, years, revenue) meets / partly / fails / unknown with the reason",
      request: { params: NeedIdParam },
      responses: { 200: json(MatchesSchema, "Ranked products"), ...denied, ...missingNeed },
    }),
    async (c) => c.json(matchesJson(await productsForNeed(financeCtx(c, deps), c.req.valid("param").id)), 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/finance/needs/{id}/close",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: close one of its open needs — met (the money was found) or closed (no longer needed, the default); banks stop seeing it. Closing a closed need returns it as it is",
      request: {
        params: NeedIdParam,
        body: { required: false, content: { "application/json": { schema: CloseNeedBody } } },
      },
      responses: { 200: json(Need, "Closed (or already was)"), ...denied, ...missingNeed, 422: err("Unknown status") },
    }),
    async (c) =>
      c.json(
        {
          need: needJson(
            await closeNeed(financeCtx(c, deps), c.req.valid("param").id, c.req.valid("json").status ?? "closed"),
          ),
        },
        200,
      ),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/consents",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: the consents its enterprise has given banks to see its financial data (qualifications, years in operation, revenue), revoked ones included",
      responses: { 200: json(Consents, "Consents"), ...denied },
    }),
    async (c) => c.json({ consents: (await listConsents(financeCtx(c, deps))).map(consentJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/finance/consents/{bankId}",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: let this bank see its enterprise's financial data (a separate, explicit consent for this one bank; audited). Idempotent: granting again, or many times at once, answers 200 and leaves one active consent (a unique constraint)",
      request: { params: BankIdParam },
      responses: {
        200: json(Consents, "Granted; the consents as they now stand"),
        ...denied,
        404: err("No such active bank in this zone"),
      },
    }),
    async (c) => {
      const ctx = financeCtx(c, deps);
      await grantConsent(ctx, c.req.valid("param").bankId);
      return c.json({ consents: (await listConsents(ctx)).map(consentJson) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/finance/consents/{bankId}",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: revoke this bank's consent; from now on the bank sees none of its enterprise's financial data (the history of the grant stays; audited). Idempotent: revoking what is not granted, or many times at once, answers 200 and records one revocation",
      request: { params: BankIdParam },
      responses: { 200: json(Consents, "Revoked; the consents as they now stand"), ...denied },
    }),
    async (c) => {
      const ctx = financeCtx(c, deps);
      await revokeConsent(ctx, c.req.valid("param").bankId);
      return c.json({ consents: (await listConsents(ctx)).map(consentJson) }, 200);
    },
  );
  return r;
}
