/**
 * API shapes of the 金融超市, declared once for validation and the OpenAPI
 * document, and the rows → JSON they describe: times as ISO strings, the JSON
 * columns (guarantees, industries, qualifications, materials) parsed, money in
 * integer fen, rates in basis points, terms in months, and nothing internal
 * (idempotency keys, who created a row). An enterprise's financial facts reach
 * a bank only as the services hand them over: null without its consent.
 */
import { z } from "@hono/zod-openapi";
import {
  GUARANTEES,
  LOAN_STATUSES,
  PRODUCT_TYPES,
  type FinancingNeedRow,
  type LoanApplicationRow,
  type LoanProductRow,
} from "../../db/schema";
import type { Criterion } from "../../engines/loan-match/match";
import { ErrorEnvelope } from "../../lib/api-errors";
import { list } from "./context";
import { LOAN_STATUS_ZH } from "./loan-applications";

const iso = z.string().openapi({ description: "ISO 8601 time (UTC)", example: "2026-06-01T02:00:00.000Z" });
const day = z.string().openapi({ description: "YYYY-MM-DD, Asia/Shanghai", example: "2026-06-09" });
const fen = z.number().int().openapi({ description: "Integer fen (1 元 = 100 分)" });
const bp = z.number().int().openapi({ description: "Annual rate in basis points (345 = 3.45%)" });
const isoOf = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : isoOf(ms));

const idOf = (what: string, name: string) =>
  z
    .string()
    .max(40, `${what}编号格式不对`)
    .regex(/^[a-z0-9]{10,40}$/, `${what}编号格式不对`)
    .openapi({ param: { name, in: "path" }, example: "k2v7m4q9x3a5b6c7d8e2f3g4h5" });
export const ProductIdParam = z.object({ id: idOf("产品", "id") });
export const NeedIdParam = z.object({ id: idOf("需求", "id") });
export const LoanIdParam = z.object({ id: idOf("申请", "id") });
export const BankIdParam = z.object({ bankId: idOf("金融机构", "bankId") });

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
        "Optional. A retried application with the same key returns the one the first request made (200) instead of a second one.",
      example: "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    }),
});

export const CloseNeedBody = z.strictObject({
  status: z
    .enum(["met", "closed"], { error: "status 只能是 met(已解决)或 closed(关闭)" })
    .optional()
    .openapi({ description: "met: the money was found; closed (default): no longer needed" }),
});

export const ProductSchema = z
  .object({
    id: z.string(),
    bankId: z.string(),
    name: z.string(),
    type: z.enum(PRODUCT_TYPES),
    minAmountFen: fen,
    maxAmountFen: fen,
    minRateBp: bp,
    maxRateBp: bp,
    minTermMonths: z.number().int(),
    maxTermMonths: z.number().int(),
    guarantees: z.array(z.enum(GUARANTEES)),
    industries: z.array(z.string()).openapi({ description: "The zone's industry codes it targets; empty = any" }),
    qualifications: z.array(z.string()).openapi({ description: "Qualification codes an applicant must hold" }),
    minYears: z.number().int(),
    minRevenueFen: fen,
    region: z.string().nullable(),
    features: z.string(),
    materials: z.array(z.string()),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    status: z.enum(["draft", "published", "withdrawn"]),
    revision: z.number().int().openapi({ description: "Bumped by every change; send it back with an edit" }),
    createdAt: iso,
    updatedAt: iso,
    publishedAt: iso.nullable(),
  })
  .openapi("LoanProduct");

export function productJson(p: LoanProductRow): z.infer<typeof ProductSchema> {
  return {
    id: p.id,
    bankId: p.bankId,
    name: p.name,
    type: p.type,
    minAmountFen: p.minAmountFen,
    maxAmountFen: p.maxAmountFen,
    minRateBp: p.minRateBp,
    maxRateBp: p.maxRateBp,
    minTermMonths: p.minTermMonths,
    maxTermMonths: p.maxTermMonths,
    guarantees: list<(typeof GUARANTEES)[number]>(p.guarantees),
    industries: list(p.industries),
    qualifications: list(p.qualifications),
    minYears: p.minYears,
    minRevenueFen: p.minRevenueFen,
    region: p.region,
    features: p.features,
    materials: list(p.materials),
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    status: p.status,
    revision: p.revision,
    createdAt: isoOf(p.createdAt),
    updatedAt: isoOf(p.updatedAt),
    publishedAt: isoOrNull(p.publishedAt),
  };
}

export const CatalogueItemSchema = ProductSchema.extend({
  bankName: z.string(),
  bankBranch: z.string().nullable(),
}).openapi("CatalogueProduct");
export const catalogueJson = (r: { product: LoanProductRow; bankName: string; bankBranch: string | null }) => ({
  ...productJson(r.product),
  bankName: r.bankName,
  bankBranch: r.bankBranch,
});

export const NeedSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    amountFen: fen,
    termMonths: z.number().int(),
    purpose: z.string(),
    guarantees: z.array(z.enum(GUARANTEES)),
    neededBy: day,
    validUntil: day,
    status: z.enum(["open", "met", "closed"]),
    createdAt: iso,
    updatedAt: iso,
  })
  .openapi("FinancingNeed");

export function needJson(n: FinancingNeedRow): z.infer<typeof NeedSchema> {
  return {
    id: n.id,
    enterpriseId: n.enterpriseId,
    amountFen: n.amountFen,
    termMonths: n.termMonths,
    purpose: n.purpose,
    guarantees: list<(typeof GUARANTEES)[number]>(n.guarantees),
    neededBy: n.neededBy,
    validUntil: n.validUntil,
    status: n.status,
    createdAt: isoOf(n.createdAt),
    updatedAt: isoOf(n.updatedAt),
  };
}

const CriterionSchema = z
  .object({
    id: z.enum(["amount", "term", "guarantee", "industry", "qualifications", "years", "revenue"]),
    label: z.string(),
    result: z
      .enum(["meets", "partly", "fails", "unknown"])
      .openapi({ description: "unknown: the enterprise has not told us, or has not let this bank see it" }),
    reason: z.string(),
  })
  .openapi("MatchCriterion");
const criteriaJson = (cs: readonly Criterion[]) =>
  cs.map((c) => ({ id: c.id, label: c.label, result: c.result, reason: c.reason }));
const tally = { fails: z.number().int(), partly: z.number().int(), unknown: z.number().int() };

/** What is known of the enterprise; for a bank, null wherever the enterprise has not consented. */
const FactsSchema = z
  .object({
    industry: z.string().nullable(),
    qualifications: z.array(z.string()).nullable(),
    yearsInOperation: z.number().int().nullable(),
    revenueFen: fen.nullable(),
  })
  .openapi("EnterpriseFinanceFacts", {
    description: "Qualifications, years and revenue are null for a bank without the enterprise's consent",
  });
type Facts = {
  industry: string | null;
  qualifications: readonly string[] | null;
  yearsInOperation: number | null;
  revenueFen: number | null;
};
const factsJson = (f: Facts) => ({
  industry: f.industry,
  qualifications: f.qualifications === null ? null : [...f.qualifications],
  yearsInOperation: f.yearsInOperation,
  revenueFen: f.revenueFen,
});

export const MatchesSchema = z
  .object({
    need: NeedSchema,
    matches: z
      .array(
        z.object({
          rank: z.number().int(),
          product: ProductSchema,
          bankName: z.string(),
          criteria: z.array(CriterionSchema),
          ...tally,
        }),
      )
      .openapi({
        description:
          "Every product in the 金融超市, best fit first: fewest fails, partial fits, unknowns, then the lower rate, the larger amount, the product id",
      }),
  })
  .openapi("NeedMatches");

type Match = { criteria: readonly Criterion[]; fails: number; partly: number; unknown: number };
export function matchesJson(r: {
  need: FinancingNeedRow;
  matches: (Match & { row: LoanProductRow; bankName: string })[];
}): z.infer<typeof MatchesSchema> {
  return {
    need: needJson(r.need),
    matches: r.matches.map((m, i) => ({
      rank: i + 1,
      product: productJson(m.row),
      bankName: m.bankName,
      criteria: criteriaJson(m.criteria),
      fails: m.fails,
      partly: m.partly,
      unknown: m.unknown,
    })),
  };
}

export const BankNeedSchema = z
  .object({
    need: NeedSchema,
    enterprise: z.object({ id: z.string(), name: z.string(), industry: z.string().nullable() }),
    consented: z
      .boolean()
      .openapi({ description: "Whether the enterprise lets this bank see its financial data (PIPL, revocable)" }),
    facts: FactsSchema,
    best: z
      .object({ productId: z.string(), productName: z.string(), criteria: z.array(CriterionSchema), ...tally })
      .openapi({ description: "The bank's published product that fits this need best" }),
  })
  .openapi("BankNeed");

type BankNeedRow = {
  need: FinancingNeedRow;
  enterprise: string;
  industry: string | null;
  consented: boolean;
  facts: Facts;
  best: (Match & { product: { row: LoanProductRow } }) | null;
};
export function bankNeedJson(r: BankNeedRow): z.infer<typeof BankNeedSchema> {
  const best = r.best!;
  return {
    need: needJson(r.need),
    enterprise: { id: r.need.enterpriseId, name: r.enterprise, industry: r.industry },
    consented: r.consented,
    // Belt and braces: whatever the service computed, a bank without consent gets no financial facts.
    facts: r.consented
      ? factsJson(r.facts)
      : { industry: r.facts.industry, qualifications: null, yearsInOperation: null, revenueFen: null },
    best: {
      productId: best.product.row.id,
      productName: best.product.row.name,
      criteria: criteriaJson(best.criteria),
      fails: best.fails,
      partly: best.partly,
      unknown: best.unknown,
    },
  };
}

export const ConsentSchema = z
  .object({
    id: z.string(),
    bankId: z.string(),
    bankName: z.string(),
    grantedAt: iso,
    revokedAt: iso.nullable(),
    active: z.boolean(),
  })
  .openapi("DataConsent");
export const consentJson = (r: {
  consent: { id: string; bankId: string; grantedAt: number; revokedAt: number | null };
  bankName: string;
}): z.infer<typeof ConsentSchema> => ({
  id: r.consent.id,
  bankId: r.consent.bankId,
  bankName: r.bankName,
  grantedAt: isoOf(r.consent.grantedAt),
  revokedAt: isoOrNull(r.consent.revokedAt),
  active: r.consent.revokedAt === null,
});

export const LoanSchema = z
  .object({
    id: z.string(),
    number: z.string().nullable().openapi({
      description:
        "The application number people read and search (ZB-DK-2026-000045: the zone's letters, DK for 贷款, the year of submission, the sequence); null only for rows written outside the app",
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
    escalatedAt: iso
      .nullable()
      .openapi({ description: "When the overdue application was flagged to the bank and the zone admin" }),
    revision: z.number().int().openapi({ description: "Bumped by every change; send it back with an action" }),
  })
  .openapi("LoanApplication");

export type LoanWithNames = {
  application: LoanApplicationRow;
  number: string | null;
  productName: string;
  bankName: string;
  enterprise: string;
  overdue: boolean;
};
export function loanJson(r: LoanWithNames): z.infer<typeof LoanSchema> {
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

/** OpenAPI response and body declarations, the same in every finance router. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
export const err = (description: string) => json(ErrorEnvelope, description);
export const denied = { 401: err("No session"), 403: err("Not allowed for this account") };
