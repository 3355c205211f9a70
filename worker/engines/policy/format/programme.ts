/**
 * A programme (one clause's award) and the facts and cases around it. The policy set that
 * gathers them is in ./policy-set.ts, apart, so the whole-set checks can read these types.
 */
import { z } from "zod";
import { componentSchema, limitSchema } from "./amounts";
import { bilingual, clauseId, factName, fen, isoDate, localId, programmeId, text } from "./common";
import { conditionSchema } from "./conditions";
import { factSchema } from "./facts";

export const CATEGORIES = {
  rd: "研发投入",
  qualification: "资质认定",
  platform: "研发平台",
  incubation: "孵化载体",
  project: "科技计划与项目",
  award: "科技奖励",
  ip: "知识产权",
  transfer: "成果转化",
  talent: "人才",
  finance: "科技金融",
  procurement: "首购首用",
  other: "其他",
} as const;
export const categorySchema = z.enum(
  Object.keys(CATEGORIES) as [keyof typeof CATEGORIES, ...(keyof typeof CATEGORIES)[]],
);

export const APPLICANT_KINDS = {
  enterprise: "企业",
  carrier: "孵化载体运营机构",
  institution: "高校院所与研发机构",
  agency: "科技服务机构",
  talent: "高层次人才及其团队",
} as const;

export const programmeSchema = z.strictObject({
  id: programmeId,
  title: bilingual,
  /** The document and clause the programme implements, and the sentence(s) of it that name the award, verbatim. */
  document: z.string(),
  clause: clauseId,
  excerpt: text,
  category: categorySchema,
  applicants: z.strictObject({
    /** Who may apply, in the words of the clause. */
    zh: text,
    kinds: z
      .array(
        z.enum(Object.keys(APPLICANT_KINDS) as [keyof typeof APPLICANT_KINDS, ...(keyof typeof APPLICANT_KINDS)[]]),
      )
      .min(1),
    /** Qualifications the applicant must hold, checked against a profile when one is given. */
    qualifications: z.array(localId).default([]),
    industries: z.array(localId).default([]),
  }),
  facts: z.array(factSchema).default([]),
  conditions: z.array(conditionSchema).default([]),
  amount: z.array(componentSchema).min(1),
  limits: z.array(limitSchema).default([]),
  materials: z.array(z.strictObject({ id: localId, zh: text, required: z.boolean().default(true) })).default([]),
  /** Application windows; none means open while the policy is effective. */
  windows: z.array(z.strictObject({ from: isoDate, to: isoDate })).default([]),
  annualBudgetFen: fen.optional(),
  /** How the clause was read where it needs reading (e.g. which of two tiers at a boundary). */
  note: text.optional(),
});
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeInput = z.input<typeof programmeSchema>;

export const profileSchema = z.strictObject({
  /** Codes of verified, unexpired qualifications. */
  qualifications: z.array(localId).default([]),
  industry: localId.nullable().default(null),
  /** 国民经济行业代码 (GB/T 4754), e.g. "C2651": its letter is the 门类. Optional so older profiles and cases stay valid. */
  industryClass: z
    .string()
    .regex(/^[A-T]\d{2,4}$/)
    .nullish(),
  employees: z.number().int().min(0).nullable().default(null),
  registeredCapitalFen: fen.nullable().default(null),
  figures: z
    .array(
      z.strictObject({
        year: z.number().int().min(1900).max(2200),
        revenueFen: fen.nullable().default(null),
        rdExpenseFen: fen.nullable().default(null),
        rdSuperDeductionFen: fen.nullable().default(null),
        taxPaidFen: fen.nullable().default(null),
        employees: z.number().int().min(0).nullable().default(null),
        rdStaff: z.number().int().min(0).nullable().default(null),
      }),
    )
    .default([]),
});
export type Profile = z.infer<typeof profileSchema>;

/** A fact value as an award records it (the facts the award was made on). */
const awardFactValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

/**
 * An award the enterprise already has (approved or paid), as limits need it. `facts` are
 * optional: with them a limit can tell an upgrade or another recognition from a repeat;
 * without them an award of the same programme counts as a repeat.
 */
export const awardSchema = z.strictObject({
  programme: z.string().max(80),
  year: z.number().int().min(1900).max(2200),
  amountFen: fen,
  projectCode: text.max(100).optional(),
  facts: z
    .record(factName, awardFactValue)
    .refine((f) => Object.keys(f).length <= 40, "facts: at most 40")
    .optional(),
  /**
   * An application still in review (in 公示, or returned for correction), counted at what it
   * reserves: limits count it, but their reasons must not say it was awarded.
   */
  inProgress: z.literal(true).optional(),
});
export type Award = z.infer<typeof awardSchema>;

export const resultWordSchema = z.enum(["pass", "fail", "unknown"]);

/** A test case as data (OpenFisca style): input facts → expected eligibility and amount. */
export const policyCaseSchema = z.strictObject({
  name: text,
  programme: programmeId,
  facts: z.record(factName, z.unknown()).default({}),
  profile: profileSchema.optional(),
  history: z.array(awardSchema).default([]),
  date: isoDate.optional(),
  expect: z.strictObject({
    eligible: z.union([z.boolean(), z.literal("unknown")]),
    amountFen: fen.nullable().optional(),
    range: z.strictObject({ minFen: fen, maxFen: fen }).optional(),
    conditions: z.record(z.string(), resultWordSchema).optional(),
    missing: z.array(factName).optional(),
    /** Phrases the explanation must contain, e.g. "第十四条" or "按“2亿元以上”档". */
    explains: z.array(text).optional(),
  }),
});
export type PolicyCase = z.infer<typeof policyCaseSchema>;
