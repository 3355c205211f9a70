/** API shapes of the policies feature, declared once for validation and the OpenAPI document. */
import { z } from "@hono/zod-openapi";

export const PolicyLevel = z
  .enum(["national", "provincial", "municipal", "zone"])
  .openapi({ description: "国家级 / 省级 / 市级 / 园区" });

export const DocumentValidity = z
  .object({
    status: z.enum(["unspecified", "not_yet", "in_force", "expired"]).openapi({
      description:
        "unspecified: the document prints no period (文件未规定有效期); expired: its programmes take no new applications",
    }),
    from: z.string().nullable().openapi({ format: "date" }),
    until: z.string().nullable().openapi({ format: "date", description: "The end as printed, before any extension" }),
    source: z
      .string()
      .nullable()
      .openapi({ description: "The sentence of the document that states the period, verbatim" }),
    extension: z
      .object({ until: z.string().openapi({ format: "date" }), by: z.string() })
      .nullable()
      .openapi({ description: "An extension the zone published in its policy version" }),
    label: z.string().openapi({ example: "有效期至2023年12月31日(已到期)" }),
  })
  .openapi("PolicyDocumentValidity");

export const DocumentSummary = z
  .object({
    id: z.string().openapi({ example: "zibo-zichuang-2017" }),
    title: z.string(),
    docNumber: z.string().nullable().openapi({ description: "文号", example: "长高发〔2020〕65号" }),
    issuer: z.string(),
    issuedOn: z.string().openapi({ format: "date" }),
    level: PolicyLevel,
    summary: z.string(),
    clauseCount: z.number().int(),
    validity: DocumentValidity,
  })
  .openapi("PolicyDocumentSummary");

export const Clause = z
  .object({
    id: z.string().openapi({ example: "14" }),
    label: z.string().openapi({ example: "14." }),
    section: z.string().nullable(),
    text: z.string(),
  })
  .openapi("PolicyClause");

export const DocumentDetail = DocumentSummary.omit({ clauseCount: true })
  .extend({
    sourceSeed: z.string(),
    sourceUrl: z.string().nullable(),
    syncedAt: z.string(),
    clauses: z.array(Clause),
  })
  .openapi("PolicyDocument");

export const DocumentIdParam = z.object({
  id: z
    .string()
    .max(63, "文件编号最多 63 个字符")
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "文件编号只含小写字母、数字和连字符")
    .openapi({ param: { name: "id", in: "path" }, example: "zibo-zichuang-2017" }),
});
