/**
 * The facts an application states. They drive the calculator form, the
 * application form, validation of the public estimate API, and prefilling
 * from the enterprise's profile.
 */
import { z } from "zod";
import { bilingual, factName, fen, localId, text } from "./common";

export const factTypeSchema = z.enum(["money", "count", "boolean", "choice", "percent", "text", "date"]);
export type FactType = z.infer<typeof factTypeSchema>;

/** The fields of a disbursed loan a fact can be prefilled from. */
export const LOAN_FIELDS = ["amountFen", "rate", "disbursedOn", "termMonths", "productType"] as const;
export type LoanField = (typeof LOAN_FIELDS)[number];
/** The fact type each loan field fills. */
export const LOAN_FIELD_TYPE = {
  amountFen: "money",
  rate: "percent",
  disbursedOn: "date",
  termMonths: "count",
  productType: "choice",
} as const satisfies Record<LoanField, FactType>;
/**
 * Loan product types (金融超市 products), the options a productType fact may offer. Option values
 * are ids without "_", so the product type ip_pledge is the option ip-pledge (loanProductOption).
 */
export const LOAN_PRODUCT_TYPES = [
  "credit",
  "mortgage",
  "pledge",
  "ip-pledge",
  "guarantee",
  "insurance",
  "other",
] as const;
/** A product type as a choice option's value: ip_pledge → ip-pledge. */
export const loanProductOption = (type: string) => type.replaceAll("_", "-");

/** Where a fact can be read from the enterprise's own records (政策找企业, application forms). */
export const prefillSchema = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("figures"),
    field: z.enum(["revenueFen", "rdExpenseFen", "rdSuperDeductionFen", "taxPaidFen", "employees", "rdStaff"]),
    /** The latest year the enterprise reported, or the year before it. */
    year: z.enum(["latest", "previous"]),
  }),
  z.strictObject({
    source: z.literal("qualification"),
    /** True when the enterprise holds this verified, unexpired qualification. */
    trueIf: localId,
    /** False when it holds this one instead; without it, not holding `trueIf` means false. */
    falseIf: localId.optional(),
    /**
     * When it holds neither, its 国民经济行业代码 decides: true in these sections
     * (门类 letters, e.g. B/C/D for 工业: 生产型企业), false in any other.
     */
    industrySections: z
      .array(z.string().regex(/^[A-T]$/))
      .min(1)
      .optional(),
  }),
  z.strictObject({ source: z.literal("profile"), field: z.enum(["employees", "registeredCapitalFen"]) }),
  /**
   * True when the enterprise is a 中小企业 (medium, small or micro) by the
   * 中小企业划型标准规定 (工信部联企业〔2011〕300号): its 国民经济行业代码, headcount
   * and revenue; false when large; left unfilled when the records do not decide.
   */
  z.strictObject({ source: z.literal("smeStandard") }),
  /**
   * The disbursed loan (金融超市 放款) an application starts from, for 贴息: amountFen → money fact,
   * rate (approved annual rate) → percent fact, disbursedOn → date fact, termMonths → count fact,
   * productType → choice fact whose options are loan product types.
   */
  z.strictObject({ source: z.literal("loan"), field: z.enum(LOAN_FIELDS) }),
]);

export const factSchema = z
  .strictObject({
    name: factName,
    /**
     * money: integer fen; count: whole number; percent: a number with two decimals;
     * text: a reference such as a project number; date: a calendar day, "YYYY-MM-DD".
     */
    type: factTypeSchema,
    label: bilingual,
    /** A sentence under the field: what to enter and where to find it. */
    help: text.optional(),
    /** For counts and areas, e.g. "件", "平方米". */
    unit: text.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z
      .array(z.strictObject({ value: localId, zh: text, en: text }))
      .min(2)
      .optional(),
    /** An optional fact may be left out without making the result unknown. */
    optional: z.boolean().default(false),
    prefill: prefillSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.type === "choice") !== !!f.options)
      ctx.addIssue({
        code: "custom",
        message: `${f.name}: options are given exactly for choice facts`,
        path: ["options"],
      });
    if (f.type === "money")
      for (const k of ["min", "max"] as const)
        if (f[k] !== undefined && !fen.safeParse(f[k]).success)
          ctx.addIssue({ code: "custom", message: `${f.name}: ${k} must be whole fen`, path: [k] });
    if (f.type === "date")
      for (const k of ["min", "max"] as const)
        if (f[k] !== undefined)
          ctx.addIssue({ code: "custom", message: `${f.name}: a date fact has no ${k}`, path: [k] });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      ctx.addIssue({ code: "custom", message: `${f.name}: min above max`, path: ["min"] });
    if (f.prefill?.source === "qualification" && f.type !== "boolean")
      ctx.addIssue({
        code: "custom",
        message: `${f.name}: a qualification prefills a boolean fact`,
        path: ["prefill"],
      });
    if (f.prefill?.source === "smeStandard" && f.type !== "boolean")
      ctx.addIssue({
        code: "custom",
        message: `${f.name}: the SME standard prefills a boolean fact`,
        path: ["prefill"],
      });
    if (f.prefill?.source === "loan") {
      const want = LOAN_FIELD_TYPE[f.prefill.field];
      if (f.type !== want)
        ctx.addIssue({
          code: "custom",
          message: `${f.name}: the loan's ${f.prefill.field} prefills a ${want} fact`,
          path: ["prefill"],
        });
      const types: readonly string[] = LOAN_PRODUCT_TYPES;
      if (f.prefill.field === "productType")
        for (const o of f.options ?? [])
          if (!types.includes(o.value))
            ctx.addIssue({
              code: "custom",
              message: `${f.name}: ${o.value} is not a loan product type (${LOAN_PRODUCT_TYPES.join(", ")})`,
              path: ["options"],
            });
    }
  });
export type Fact = z.infer<typeof factSchema>;
