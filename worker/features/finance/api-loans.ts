/**
 * Loan applications in the 金融超市 API: a member applies (with the separate
 * consent for that bank, and an Idempotency-Key so a retry makes no second
 * application) and may withdraw it while pending; the product's bank moves it
 * 受理 → 授信 → 放款 or 拒绝 with an optional referral; each reader sees only
 * what is theirs (member: its enterprise's; bank: its own bank's; zone staff:
 * all — anything else 404).
 * Zone staff also get the statistics.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { zoneOf } from "../../middleware/zone";
import { requireRole } from "../auth/guard";
import { requireMember } from "../enterprises/member-guard";
import { financeCtx } from "./api-context";
import {
  body,
  denied,
  err,
  IdempotencyHeader,
  json,
  LoanDetailSchema,
  LoanIdParam,
  loanJson,
  LoanSchema,
  StatisticsSchema,
} from "./api-schemas";
import { getLoanDetail, listLoansFor } from "./list-loans";
import { actOnLoan, applyForLoan, ApplyInput, BankAction } from "./loan-applications";
import { textField } from "../../lib/text";
import { financeStatistics } from "./response-times";
import { WithdrawInput, withdrawLoan } from "./withdraw-loan";

const Loan = z.object({ application: LoanSchema });
const LoansQuery = z.object({
  q: textField({ label: "搜索词", max: 50 })
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "An application number (ZB-DK-2026-000045, also without the letters), or part of the enterprise's or the product's name",
      example: "ZB-DK-2026-000045",
    }),
});
const missing = { 404: err("No such application (or not yours)") };

export function financeLoanApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const member = requireMember(deps);
  const bank = requireRole(deps, "bank");
  const others = requireRole(deps, "bank", "zone_admin", "reviewer");
  // Reading: a member of an admitted enterprise, a bank's staff, or zone staff; anyone else is refused (audited).
  const reader = createMiddleware<AppEnv>((c, next) =>
    c.get("auth")?.user.role === "enterprise" ? member(c, next) : others(c, next),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/finance/loans",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: apply for a published product (optionally from one of its needs), with `consent: true` — the separate, explicit consent that this bank sees the enterprise's qualifications, years in operation and revenue. The bank's staff are told. One open application (submitted, accepted or approved) per enterprise and product, held by a unique constraint: of parallel applications one is created and the others get 409. A retry with the same Idempotency-Key — after the first or at the same time — returns the first application (200), never 409 and never a second one",
      request: { headers: IdempotencyHeader, ...body(ApplyInput) },
      responses: {
        201: json(Loan, "Applied; due to be accepted or declined within the zone's working days"),
        200: json(
          Loan,
          "Already applied with this Idempotency-Key (also when the retry raced the first request): the first application",
        ),
        ...denied,
        404: err("No such product in the 金融超市, or no such need of yours"),
        409: err(
          "An application of this enterprise for this product is already in progress (你已申请过这个产品,正在办理中), also when it was made a moment ago by a parallel request",
        ),
        422: err(
          "Invalid input, consent not given, or an amount or term outside the product's ranges (the message names the range)",
        ),
      },
    }),
    async (c) => {
      const ctx = financeCtx(c, deps);
      const out = await applyForLoan(ctx, c.req.valid("json"), c.req.valid("header")["idempotency-key"] ?? null);
      const application = loanJson(await getLoanDetail(ctx, out.application.id));
      return out.created ? c.json({ application }, 201) : c.json({ application }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/loans",
      tags: ["finance"],
      middleware: [reader] as const,
      summary:
        "Loan applications, newest first: a member's enterprise's own; a bank's staff their bank's (the queue, with overdue flags); zone staff every one in the zone; q finds one by its number",
      request: { query: LoansQuery },
      responses: {
        200: json(z.object({ applications: z.array(LoanSchema) }), "Applications"),
        ...denied,
        422: err("Invalid query"),
      },
    }),
    async (c) =>
      c.json({ applications: (await listLoansFor(financeCtx(c, deps), c.req.valid("query").q)).map(loanJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/loans/{id}",
      tags: ["finance"],
      middleware: [reader] as const,
      summary:
        "One loan application with its timeline (submitted, accepted, approved, disbursed, declined, withdrawn, overdue), the product a decline referred to, the enterprise's contact person and phone, the member who applied, and the need (资金用途) it came from",
      request: { params: LoanIdParam },
      responses: { 200: json(LoanDetailSchema, "The application"), ...denied, ...missing },
    }),
    async (c) => {
      const d = await getLoanDetail(financeCtx(c, deps), c.req.valid("param").id);
      return c.json(
        {
          application: loanJson(d),
          events: d.events.map((e) => ({
            id: e.id,
            at: new Date(e.at).toISOString(),
            actor: e.actor,
            action: e.action,
            note: e.note,
          })),
          referral: d.referral,
          contact: d.contact,
          applicant: d.applicant,
          need: d.need,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/finance/loans/{id}/actions",
      tags: ["finance", "bank"],
      middleware: [bank] as const,
      summary:
        "The product's bank: accept (受理), approve (授信: amount, rate and term within the product's ranges), disburse (放款: at most the approved amount, on a day not in the future) or decline (拒绝: a reason, optionally a referral to another published product). The enterprise is told of each step",
      request: { params: LoanIdParam, ...body(BankAction) },
      responses: {
        200: json(Loan, "Done; the enterprise is notified"),
        ...denied,
        ...missing,
        409: err("Not possible from its current status, or changed by a colleague since `revision`"),
        422: err(
          "Outside the product's ranges, over the approved amount, a future date, or a referral not in the 金融超市",
        ),
      },
    }),
    async (c) => {
      const ctx = financeCtx(c, deps);
      const row = await actOnLoan(ctx, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ application: loanJson(await getLoanDetail(ctx, row.id)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/finance/loans/{id}/withdraw",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member of the applicant enterprise: withdraw (撤回) an application not yet disbursed, declined or withdrawn, optionally with a reason. The bank's staff are told and can no longer act on it; the timeline shows it. Withdrawing a withdrawn application returns it as it is",
      request: {
        params: LoanIdParam,
        body: { required: false, content: { "application/json": { schema: WithdrawInput } } },
      },
      responses: {
        200: json(Loan, "Withdrawn (or already was); the bank is notified"),
        ...denied,
        ...missing,
        409: err("Already disbursed or declined, or changed by the bank since `revision`"),
        422: err("A reason over 200 characters"),
      },
    }),
    async (c) => {
      const ctx = financeCtx(c, deps);
      const row = await withdrawLoan(ctx, c.req.valid("param").id, c.req.valid("json") ?? {});
      return c.json({ application: loanJson(await getLoanDetail(ctx, row.id)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/finance/statistics",
      tags: ["finance", "admin"],
      summary:
        "Zone staff: needs posted, open, met and closed; amounts applied for, approved and disbursed; each bank's applications, decisions, overdue ones and average working days to respond and to decide",
      responses: { 200: json(StatisticsSchema, "The statistics"), ...denied },
    }),
    async (c) => c.json(await financeStatistics(zoneOf(c)), 200),
  );
  return r;
}
