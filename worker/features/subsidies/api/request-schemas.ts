/**
 * What subsidy API requests carry, declared once for validation and the OpenAPI document:
 * path parameters, the Idempotency-Key header, the create/draft/upload bodies and the
 * dashboard's query.
 */
import { z } from "@hono/zod-openapi";
import { FactsInput, verbatimText } from "../../policies/programme-schemas";
import { textField } from "../../../lib/text";

export const ApplicationIdParam = z.object({
  id: z
    .string()
    .max(40, "申报编号格式不对")
    .regex(/^[a-z0-9]{10,40}$/, "申报编号格式不对")
    .openapi({ param: { name: "id", in: "path" }, example: "k2v7m4q9x3a5b6c7d8e2f3g4h5" }),
});

export const ObjectionIdParam = z.object({
  id: z
    .string()
    .max(40, "异议编号格式不对")
    .regex(/^[a-z0-9]{10,40}$/, "异议编号格式不对")
    .openapi({ param: { name: "id", in: "path" } }),
});

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
        "Optional. A retried create with the same key returns the application the first one made (200) " +
        "instead of a second one.",
      example: "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    }),
});

const Facts = FactsInput.openapi({
  description: "Facts as the engine takes them (money in integer fen), by the programme's fact names",
  example: { contractAmountFen: 100000000 },
});
const FormValues = z
  .record(z.string().max(100), verbatimText("填写的内容", 2000))
  .refine((o) => Object.keys(o).length <= 200, "最多 200 项")
  .openapi({ maxProperties: 200, description: "The page's form as typed (strings, money in 元), kept verbatim" });
const ProjectCode = textField({ label: "项目编号", max: 60 }).nullable().optional();

export const CreateBody = z
  .strictObject({
    programme: z
      .string()
      .max(63, "项目编号格式不对")
      .regex(/^[a-z][a-z0-9-]{2,62}$/, "项目编号格式不对")
      .openapi({ example: "zibo-tech-contract" }),
    facts: Facts.optional(),
    formValues: FormValues.optional(),
    projectCode: ProjectCode,
    loanId: z
      .string()
      .max(40, "贷款编号格式不对")
      .regex(/^[a-z0-9]{10,40}$/, "贷款编号格式不对")
      .optional()
      .openapi({
        description:
          "贴息: the enterprise's own disbursed 金融超市 loan the application starts from; the programme must be " +
          "one a loan feeds. The loan's record fills the facts it feeds (over any given); a draft of the same " +
          "loan and programme is returned (200) instead of a second one",
      }),
  })
  .openapi("SubsidyCreateRequest");

export const DraftBody = z
  .strictObject({
    facts: Facts.optional().openapi({
      description: "Replaces the stored facts when given; invalid ones are reported in `errors`, not stored",
    }),
    formValues: FormValues.optional(),
    projectCode: ProjectCode,
    revision: z.number().int().min(0).max(2_147_483_647).optional().openapi({
      description: "The revision this save started from; a newer stored one answers 409 (edited in another tab)",
    }),
  })
  .openapi("SubsidyDraftRequest");

export const UploadBody = z.object({
  kind: z
    .string()
    .max(60, "材料编号格式不对")
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "材料编号格式不对")
    .openapi({
      description: "The material's id as the programme lists it (GET /api/v1/policy/programmes/{id} → materials[].id)",
      example: "contract-registration",
    }),
  file: z.instanceof(File, { message: "请选择要上传的文件" }).openapi({
    type: "string",
    format: "binary",
    maxLength: 10 * 1024 * 1024,
    description: "PDF, JPG or PNG (checked by its bytes), at most 10 MB",
  }),
});

export const DashboardQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000, "年份不对")
    .max(2100, "年份不对")
    .optional()
    .openapi({ param: { name: "year", in: "query" }, description: "Award year (default: this year, Asia/Shanghai)" }),
});
