/**
 * The zod fields for identifiers every form and API shares: 统一社会信用代码 and
 * mainland mobile numbers. One definition, so a bank, an application and an
 * enterprise profile accept and word them the same way.
 */
import { z } from "@hono/zod-openapi";
import { normaliseMobile, validateUscc } from "./uscc";

export function usccField(missing = "请填写统一社会信用代码") {
  return (
    z
      .string({ error: missing })
      // Bounded before the transform: the raw input is what a client can make large.
      .max(40, "统一社会信用代码应为 18 位,请核对营业执照")
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
      .openapi({
        type: "string",
        maxLength: 40,
        example: "91370303MA3C411101",
        description: "18 characters; GB 32100-2015 check character verified",
      })
  );
}

export const MOBILE_MESSAGE = "请填写 11 位大陆手机号码,如 13800138000";

export function mobileField(missing = "请填写手机号码") {
  return z
    .string({ error: missing })
    .max(30, MOBILE_MESSAGE)
    .transform((raw, ctx) => {
      const mobile = normaliseMobile(raw);
      if (!mobile) {
        ctx.addIssue({ code: "custom", message: MOBILE_MESSAGE });
        return z.NEVER;
      }
      return mobile;
    })
    .openapi({ type: "string", maxLength: 30, example: "13812345678" });
}
