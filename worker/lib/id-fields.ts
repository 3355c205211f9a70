/**
 * The zod fields for identifiers every form and API shares: 统一社会信用代码 and
 * mainland mobile numbers. One definition, so a bank, an application and an
 * enterprise profile accept and word them the same way.
 */
import { z } from "@hono/zod-openapi";
import { normaliseMobile, validateUscc } from "./uscc";

export function usccField(missing = "请填写统一社会信用代码") {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .transform((raw, ctx) => {
      const result = validateUscc(raw);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.value;
    })
    .openapi({ type: "string", example: "91370303MA3C411101", description: "18 characters; GB 32100-2015 check character verified" });
}

export const MOBILE_MESSAGE = "请填写 11 位大陆手机号码,如 13800138000";

export function mobileField(missing = "请填写手机号码") {
  return z
    .string({ error: missing })
    .transform((raw, ctx) => {
      const mobile = normaliseMobile(raw);
      if (!mobile) {
        ctx.addIssue({ code: "custom", message: MOBILE_MESSAGE });
        return z.NEVER;
      }
      return mobile;
    })
    .openapi({ type: "string", example: "13812345678" });
}
