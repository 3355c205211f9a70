/** API shapes of programmes, estimates and policy versions, declared once for validation and the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { BAD_CHARACTERS, badCharacterMessage, hasBadCharacters, textField } from "../../lib/text";

const Outcome = z.enum(["pass", "fail", "unknown"]);

export const EvaluationSchema = z
  .object({
    programme: z.string().openapi({ example: "zibo-rd-inclusive" }),
    policyVersion: z
      .number()
      .int()
      .openapi({ description: "The published policy version the result was computed with" }),
    eligible: z
      .union([z.boolean(), z.literal("unknown")])
      .openapi({ description: 'true, false, or "unknown" when a needed fact is missing' }),
    conditions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        clause: z.string().openapi({ example: "第十四条" }),
        result: Outcome,
        reason: z.string(),
      }),
    ),
    missing: z
      .array(z.object({ fact: z.string(), label: z.string() }))
      .openapi({ description: "Facts to provide for a certain answer" }),
    amountFen: z.number().int().nullable().openapi({
      description: "Integer fen; null when set at review, case by case, in kind only, or not computable yet",
    }),
    amountNote: z.string().optional(),
    range: z.object({ minFen: z.number().int(), maxFen: z.number().int() }).optional(),
    inKind: z.array(z.string()),
    steps: z.array(
      z.object({
        clause: z.string(),
        description: z.string(),
        valueFen: z.number().int(),
        /** Shows how a figure was found (an LPR stretch, a cap that did not bind); adds nothing. */
        reference: z.literal(true).optional(),
      }),
    ),
    assumed: z.array(z.string()),
  })
  .openapi("PolicyEvaluation");

/**
 * Text kept as typed (not trimmed: a draft's form is re-shown exactly), but like
 * every text free of control characters, refused as a 400 (worker/lib/text.ts).
 */
export function verbatimText(label: string, max: number) {
  return z
    .string()
    .max(max, `${label}最多 ${max} 个字`)
    .superRefine((value, ctx) => {
      if (hasBadCharacters(value, true))
        ctx.addIssue({ code: "custom", message: badCharacterMessage(label), params: { reason: BAD_CHARACTERS } });
    });
}

/** One fact's value as a client sends it: money in integer fen, counts, yes/no, a choice or a short text. */
const FactValue = z.union([z.number().min(-1e15).max(1e15), z.boolean(), verbatimText("填写的内容", 2000), z.null()]);

/**
 * Facts by the programme's fact names. Bounded like every input: no programme
 * has more than a few dozen facts, so 100 names of at most 60 characters is ample.
 */
export const FactsInput = z
  .record(z.string().max(60, "事实名称最多 60 个字符"), FactValue)
  .refine((o) => Object.keys(o).length <= 100, "最多 100 项")
  .openapi({ maxProperties: 100 });

const PROGRAMME_ID = /^[a-z][a-z0-9-]{2,62}$/;

function isCalendarDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/**
 * A calendar date written YYYY-MM-DD (2026-02-30 is no date); its plausible range depends on today, so the
 * service checks that.
 */
export const IsoDateInput = (label: string) =>
  z
    .string()
    .max(10, `${label}应写成 YYYY-MM-DD`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应写成 YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}不是日历上的日期`)
    .openapi({ format: "date", example: "2026-03-15" });

/** At most 200 earlier awards: more than any enterprise has, ample for a calculator. */
export const MAX_HISTORY = 200;
export const MAX_AWARD_FEN = 1e13;

export const HistoryEntryInput = z
  .object({
    programme: z
      .string()
      .max(63, "项目编号最多 63 个字符")
      .regex(PROGRAMME_ID, "项目编号只含小写字母、数字和连字符")
      .openapi({ example: "zibo-tech-transfer-deal" }),
    awardedOn: IsoDateInput("获得日期"),
    amountFen: z.number().int("金额应为整数(分)").min(0, "金额不能为负").max(MAX_AWARD_FEN, "金额最多 1000 亿元"),
    projectCode: textField({ label: "项目编号", max: 60 }).optional(),
    facts: z
      .record(
        z.string().max(60, "事实名称最多 60 个字符"),
        z.union([z.number().min(-1e15).max(1e15), z.boolean(), verbatimText("填写的内容", 200)]),
      )
      .refine((o) => Object.keys(o).length <= 40, "最多 40 项")
      .optional()
      .openapi({
        maxProperties: 40,
        description:
          "The facts the award was made on (e.g. its level), so a per-level limit can tell an upgrade from a repeat; " +
          "without them an award of the same programme counts as a repeat",
      }),
  })
  .openapi("PolicyAwardHistoryEntry", {
    description:
      "An award the applicant already has: the programme, the day it was awarded " +
      "(its year counts against yearly caps), the amount in integer fen",
  });

export const EstimateBody = z
  .object({
    programme: z.string().min(1).max(63, "项目编号最多 63 个字符").openapi({ example: "zibo-rd-inclusive" }),
    facts: FactsInput.default({}).openapi({
      example: {
        revenueFen: 30000000000,
        rdExpenseFen: 960000000,
        rdDeductionFen: 3000000000,
        prevRdDeductionFen: 2000000000,
      },
    }),
    history: z
      .array(HistoryEntryInput)
      .max(MAX_HISTORY, `历史获奖记录最多 ${MAX_HISTORY} 条`)
      .optional()
      .openapi({
        description:
          "Awards already made, for once-only, yearly and per-project limits; " +
          "awardedOn between 1990-01-01 and the evaluation date",
      }),
    date: IsoDateInput("测算日期")
      .optional()
      .openapi({
        description:
          'The evaluation date (Asia/Shanghai); default today. Sets "this year" for yearly caps, ' +
          "and effective periods and windows",
      }),
  })
  .openapi("PolicyEstimateRequest");

const Fact = z.object({
  name: z.string(),
  type: z.enum(["money", "count", "boolean", "choice", "percent", "text", "date"]),
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
    applicants: z.object({
      text: z.string(),
      kinds: z.array(z.string()),
      qualifications: z.array(z.string()),
      industries: z.array(z.string()),
    }),
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

export const VersionSchema = z
  .object({ id: z.number().int(), label: z.string(), effectiveFrom: z.string(), publishedAt: z.string() })
  .openapi("PolicyVersion");

export const ProgrammeIdParam = z.object({
  id: z
    .string()
    .max(63, "项目编号最多 63 个字符")
    .regex(/^[a-z][a-z0-9-]{2,62}$/, "项目编号只含小写字母、数字和连字符")
    .openapi({ param: { name: "id", in: "path" }, example: "zibo-rd-inclusive" }),
});

export const ProgrammeQuery = z.object({
  q: textField({ label: "搜索词", max: 50 })
    .optional()
    .openapi({ description: "Search in titles, clause text and who may apply" }),
  category: z.string().max(20).optional(),
});
