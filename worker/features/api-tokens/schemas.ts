/** API and form shapes of API tokens: the create input, an issued token, a listed token. */
import { z } from "@hono/zod-openapi";
import { TOKEN_SCOPES } from "../../lib/api-scopes";
import { textField } from "../../lib/text";

export const MAX_TOKEN_DAYS = 365;

export const CreateApiTokenBody = z
  .object({
    name: textField({ label: "令牌名称", max: 60, min: 1 }).openapi({
      description: "What the token is for, e.g. 信贷系统对接",
      example: "信贷系统对接",
    }),
    scopes: z
      .array(
        z.enum(
          TOKEN_SCOPES,
          "权限范围只能是 <领域>:read 或 <领域>:write,领域为 statistics、enterprises、" + "subsidies、finance",
        ),
      )
      .min(1, "请至少选择一个权限范围")
      .max(8, "权限范围最多 8 个")
      .refine((s) => new Set(s).size === s.length, "权限范围不能重复")
      .openapi({ example: ["finance:read"] }),
    expiresInDays: z
      .number("请填写有效天数")
      .int("有效天数须为整数")
      .min(1, "有效天数至少 1 天")
      .max(MAX_TOKEN_DAYS, `有效天数最多 ${MAX_TOKEN_DAYS} 天`)
      .openapi({ example: 90 }),
  })
  .strict()
  .openapi("CreateApiToken");
export type CreateApiTokenInput = z.output<typeof CreateApiTokenBody>;

const Scopes = z.array(z.enum(TOKEN_SCOPES));

export const IssuedApiToken = z
  .object({
    id: z.string(),
    token: z.string().openapi({
      description: "The token itself: shown only in this response, never again. Send it as `Authorization: Bearer …`",
      example: "yq_zibo_abcdefghijklmnopqrstuvwxyz234567abcdefgh",
    }),
    name: z.string(),
    scopes: Scopes,
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC" }),
  })
  .openapi("IssuedApiToken");

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: Scopes,
    prefix: z.string().openapi({ description: "The token's first characters, to tell tokens apart" }),
    createdAt: z.string().openapi({ description: "ISO 8601 UTC" }),
    createdBy: z.string().openapi({ description: "The name of the person who made it (the token acts as them)" }),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC" }),
    lastUsedAt: z.string().nullable().openapi({ description: "ISO 8601 UTC, to the minute; null: never used" }),
    revokedAt: z.string().nullable().openapi({ description: "ISO 8601 UTC; null: not revoked" }),
  })
  .openapi("ApiToken");

export const ApiTokenIdParam = z.object({
  id: z
    .string()
    .max(26, "令牌编号格式不对")
    .regex(/^[a-z2-7]{26}$/, "令牌编号格式不对")
    .openapi({ param: { name: "id", in: "path" }, example: "abcdefghijklmnopqrstuvwxyz" }),
});
