/**
 * The facts an application states. They drive the calculator form, the
 * application form, validation of the public estimate API, and prefilling
 * from the enterprise's profile.
 */
import { z } from "zod";
import { bilingual, factName, fen, localId, text } from "./common";

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
]);

export const factTypeSchema = z.enum(["money", "count", "boolean", "choice", "percent", "text"]);
export type FactType = z.infer<typeof factTypeSchema>;

export const factSchema = z
  .strictObject({
    name: factName,
    /**
     * money: integer fen; count: whole number; percent: a number with two decimals;
     * text: a reference such as a project number.
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
  });
export type Fact = z.infer<typeof factSchema>;
