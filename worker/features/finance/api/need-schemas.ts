/**
 * Financing needs, the products ranked for one, the needs a bank sees and the
 * consents an enterprise gives, as the API shows them. An enterprise's
 * financial facts reach a bank only as the services hand them over: null
 * without its consent (and bankNeedJson nulls them again).
 */
import { z } from "@hono/zod-openapi";
import { GUARANTEES, type FinancingNeedRow, type LoanProductRow } from "../../../db/schema";
import type { Criterion } from "../../../engines/loan-match/match";
import type { BankNeedRow } from "../../../../web/pages/finance/rows";
import { list } from "../context";
import { ProductSchema, productJson } from "./product-schemas";
import { day, fen, iso, isoOf, isoOrNull } from "./schema-parts";

export const CloseNeedBody = z.strictObject({
  status: z
    .enum(["met", "closed"], { error: "status 只能是 met(已解决)或 closed(关闭)" })
    .optional()
    .openapi({ description: "met: the money was found; closed (default): no longer needed" }),
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
          "Every product in the 金融超市, best fit first: fewest fails, partial fits, unknowns, then the " +
          "lower rate, the larger amount, the product id",
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
