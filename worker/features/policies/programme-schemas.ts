/** API shapes of programmes, estimates and policy versions, declared once for validation and the OpenAPI document. */
import { z } from "@hono/zod-openapi";

const Outcome = z.enum(["pass", "fail", "unknown"]);

export const EvaluationSchema = z
  .object({
    programme: z.string().openapi({ example: "zibo-rd-inclusive" }),
    policyVersion: z.number().int().openapi({ description: "The published policy version the result was computed with" }),
    eligible: z.union([z.boolean(), z.literal("unknown")]).openapi({ description: "true, false, or \"unknown\" when a needed fact is missing" }),
    conditions: z.array(z.object({ id: z.string(), label: z.string(), clause: z.string().openapi({ example: "第十四条" }), result: Outcome, reason: z.string() })),
    missing: z.array(z.object({ fact: z.string(), label: z.string() })).openapi({ description: "Facts to provide for a certain answer" }),
    amountFen: z.number().int().nullable().openapi({ description: "Integer fen; null when set at review, case by case, in kind only, or not computable yet" }),
    amountNote: z.string().optional(),
    range: z.object({ minFen: z.number().int(), maxFen: z.number().int() }).optional(),
    inKind: z.array(z.string()),
    steps: z.array(z.object({ clause: z.string(), description: z.string(), valueFen: z.number().int() })),
    assumed: z.array(z.string()),
  })
  .openapi("PolicyEvaluation");

export const EstimateBody = z
  .object({
    programme: z.string().min(1).openapi({ example: "zibo-rd-inclusive" }),
    facts: z.record(z.string(), z.unknown()).default({}).openapi({ example: { revenueFen: 30000000000, rdExpenseFen: 960000000, rdDeductionFen: 3000000000, prevRdDeductionFen: 2000000000 } }),
  })
  .openapi("PolicyEstimateRequest");

const Fact = z.object({
  name: z.string(),
  type: z.enum(["money", "count", "boolean", "choice", "percent", "text"]),
  label: z.string(),
  labelEn: z.string(),
  help: z.string().nullable(),
  unit: z.string().nullable().openapi({ description: "分 for money (integer fen), % for percent" }),
  optional: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
});

export const ProgrammeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string(),
    category: z.string(),
    categoryName: z.string(),
    document: z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() }),
    clause: z.string().openapi({ example: "14" }),
    citation: z.string().openapi({ example: "第十四条" }),
    excerpt: z.string(),
    clauseText: z.string().nullable(),
    applicants: z.object({ text: z.string(), kinds: z.array(z.string()), qualifications: z.array(z.string()), industries: z.array(z.string()) }),
    conditions: z.array(z.object({ id: z.string(), label: z.string(), clause: z.string() })),
    limits: z.array(z.object({ kind: z.string(), label: z.string() })),
    amountSummary: z.string(),
    facts: z.array(Fact),
    materials: z.array(z.object({ id: z.string(), name: z.string(), required: z.boolean() })),
    windows: z.array(z.object({ from: z.string(), to: z.string() })),
    effective: z.object({ from: z.string(), to: z.string().nullable() }),
    annualBudgetFen: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .openapi("PolicyProgramme");

export const VersionSchema = z.object({ id: z.number().int(), label: z.string(), effectiveFrom: z.string(), publishedAt: z.string() }).openapi("PolicyVersion");

export const ProgrammeIdParam = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{2,62}$/, "项目编号只含小写字母、数字和连字符").openapi({ param: { name: "id", in: "path" }, example: "zibo-rd-inclusive" }),
});

export const ProgrammeQuery = z.object({
  q: z.string().trim().max(50).optional().openapi({ description: "Search in titles, clause text and who may apply" }),
  category: z.string().max(20).optional(),
});
