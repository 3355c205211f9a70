/**
 * Loan applications as the API shows them: the row with its number, names and
 * overdue flag, the detail with its timeline, the Idempotency-Key header an
 * application may carry, and the zone's statistics.
 */
import { z } from "@hono/zod-openapi";
import { LOAN_STATUSES } from "../../../db/schema";
import { LOAN_STATUS_ZH } from "../../../../web/labels/finance";
import type { LoanListRow } from "../../../../web/pages/finance/rows";
import { bp, day, fen, iso, isoOf, isoOrNull } from "./schema-parts";

/** An Idempotency-Key is the client's name for one create: visible ASCII, no spaces, at most 100 characters. */
export const IdempotencyHeader = z.object({
  // Lower case: Hono hands header validators lower-cased names (HTTP header names are case-insensitive).
  "idempotency-key": z
    .string()
    .max(100, "Idempotency-Key 须为 1–100 个可见 ASCII 字符(不含空格),例如一个 UUID")
    .regex(/^[\x21-\x7e]{1,100}$/, "Idempotency-Key 须为 1–100 个可见 ASCII 字符(不含空格),例如一个 UUID")
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description:
        "Optional. A retried application with the same key returns the one the first request made " +
        "(200) instead of a second one.",
      example: "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    }),
});

export const LoanSchema = z
  .object({
    id: z.string(),
    number: z
      .string()
      .nullable()
      .openapi({
        description:
          "The application number people read and search (ZB-DK-2026-000045: the zone's letters, DK " +
          "for 贷款, the year of submission, the sequence); null only for rows written outside the app",
        example: "ZB-DK-2026-000045",
      }),
    productId: z.string(),
    productName: z.string(),
    bankId: z.string(),
    bankName: z.string(),
    enterpriseId: z.string(),
    enterprise: z.string(),
    needId: z.string().nullable(),
    amountFen: fen,
    termMonths: z.number().int(),
    note: z.string().nullable(),
    status: z.enum(LOAN_STATUSES),
    statusZh: z.string(),
    approvedAmountFen: fen.nullable(),
    approvedRateBp: bp.nullable(),
    approvedTermMonths: z.number().int().nullable(),
    disbursedAmountFen: fen.nullable(),
    disbursedOn: day.nullable(),
    declineReason: z.string().nullable(),
    referralProductId: z.string().nullable(),
    submittedAt: iso,
    acceptedAt: iso.nullable(),
    decidedAt: iso.nullable(),
    disbursedAt: iso.nullable(),
    acceptDueOn: day.openapi({ description: "Accept or decline by (the zone's working days)" }),
    decideDueOn: day.nullable(),
    overdue: z.boolean().openapi({ description: "Past its accept-by or decide-by day and not yet acted on" }),
    escalatedAt: iso.nullable().openapi({
      description:
        "When the overdue application was flagged to the bank's staff (and to the zone admins too when " +
        "the zone escalates at once)",
    }),
    adminEscalatedAt: iso.nullable().openapi({
      description: "When the zone admins were told (the zone's setting finance.escalation.afterWorkingDays)",
    }),
    revision: z.number().int().openapi({ description: "Bumped by every change; send it back with an action" }),
  })
  .openapi("LoanApplication");
export function loanJson(r: LoanListRow): z.infer<typeof LoanSchema> {
  const a = r.application;
  return {
    id: a.id,
    number: r.number,
    productId: a.productId,
    productName: r.productName,
    bankId: a.bankId,
    bankName: r.bankName,
    enterpriseId: a.enterpriseId,
    enterprise: r.enterprise,
    needId: a.needId,
    amountFen: a.amountFen,
    termMonths: a.termMonths,
    note: a.note,
    status: a.status,
    statusZh: LOAN_STATUS_ZH[a.status],
    approvedAmountFen: a.approvedAmountFen,
    approvedRateBp: a.approvedRateBp,
    approvedTermMonths: a.approvedTermMonths,
    disbursedAmountFen: a.disbursedAmountFen,
    disbursedOn: a.disbursedOn,
    declineReason: a.declineReason,
    referralProductId: a.referralProductId,
    submittedAt: isoOf(a.submittedAt),
    acceptedAt: isoOrNull(a.acceptedAt),
    decidedAt: isoOrNull(a.decidedAt),
    disbursedAt: isoOrNull(a.disbursedAt),
    acceptDueOn: a.acceptDueOn,
    decideDueOn: a.decideDueOn,
    overdue: r.overdue,
    escalatedAt: isoOrNull(a.escalatedAt),
    adminEscalatedAt: isoOrNull(a.adminEscalatedAt),
    revision: a.revision,
  };
}

export const LoanDetailSchema = z
  .object({
    application: LoanSchema,
    events: z.array(
      z.object({
        id: z.number().int(),
        at: iso,
        actor: z.string().openapi({ description: 'An email, or "system" (the clock)' }),
        action: z.string(),
        note: z.string().nullable(),
      }),
    ),
    referral: z
      .object({ productId: z.string(), name: z.string(), bankName: z.string() })
      .nullable()
      .openapi({ description: "The product a decline recommended instead" }),
    contact: z
      .object({ name: z.string().nullable(), phone: z.string().nullable() })
      .openapi({ description: "The enterprise's contact person and mobile, as registered with the zone" }),
    applicant: z
      .object({ name: z.string(), email: z.string(), mobile: z.string().nullable() })
      .nullable()
      .openapi({ description: "The member who applied" }),
    need: z
      .object({
        id: z.string(),
        purpose: z.string().openapi({ description: "资金用途" }),
        amountFen: fen,
        termMonths: z.number().int(),
      })
      .nullable()
      .openapi({ description: "The financing need the application came from, if any" }),
  })
  .openapi("LoanApplicationDetail");

export const StatisticsSchema = z
  .object({
    needs: z.object({
      posted: z.number().int(),
      open: z.number().int(),
      met: z.number().int(),
      closed: z.number().int(),
      amountPostedFen: fen,
    }),
    loans: z.object({ applications: z.number().int(), approvedFen: fen, disbursedFen: fen, pending: z.number().int() }),
    banks: z.array(
      z.object({
        bankId: z.string(),
        bank: z.string(),
        applications: z.number().int(),
        approved: z.number().int(),
        declined: z.number().int(),
        overdue: z.number().int(),
        avgDaysToRespond: z
          .number()
          .nullable()
          .openapi({ description: "Working days from application to 受理 or 拒绝" }),
        avgDaysToDecide: z.number().nullable(),
      }),
    ),
  })
  .openapi("FinanceStatistics");
