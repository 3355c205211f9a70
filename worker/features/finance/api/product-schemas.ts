/**
 * A loan product as the API shows it (a bank's own, or in the 金融超市 with its
 * bank's name): the JSON list columns parsed, money in fen, rates in basis
 * points, terms in months, and nothing internal (who created it).
 */
import { z } from "@hono/zod-openapi";
import { GUARANTEES, PRODUCT_TYPES, type LoanProductRow } from "../../../db/schema";
import { list } from "../context";
import { bp, fen, iso, isoOf, isoOrNull } from "./schema-parts";

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
