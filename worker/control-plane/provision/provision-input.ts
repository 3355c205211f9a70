/**
 * What creating a zone takes, checked at the boundary (the platform API, the CLIs): the
 * names, region and help-line number it starts with, and the template its configuration
 * and policy set come from ("blank", or a demo zone of tenants/).
 */
import { z } from "@hono/zod-openapi";
import { RESERVED_SUBDOMAINS, slugSchema } from "../../../tenants/schema";
import { textField } from "../../lib/text";
import { templateNames } from "../zone-base";

export const provisionInputSchema = z.object({
  // The slug schema's own words are English, for the authors of tenants/; an operator reads these.
  slug: z
    .string({ error: "请填写园区标识" })
    .max(32, "园区标识最多 32 个字符")
    .regex(
      /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/,
      "园区标识只能用 2–32 个小写字母、数字或连字符,以字母开头、不以连字符结尾,例如 gaoxin",
    )
    .refine((s) => !s.includes("--"), "园区标识不能含连续两个连字符(--)")
    .refine((s) => !RESERVED_SUBDOMAINS.has(s), { error: (i) => `“${String(i.input)}”是平台保留的名称,请换一个` })
    .pipe(slugSchema),
  name: z.object({
    zh: textField({ label: "园区中文名称", max: 40, min: 1 }),
    en: textField({ label: "园区英文名称", max: 100, min: 1 }),
  }),
  province: textField({ label: "省份", max: 20, min: 1 }),
  city: textField({ label: "城市", max: 20, min: 1 }),
  phone: z
    .string({ error: "请填写咨询电话" })
    .max(20, "咨询电话最多 20 个字符")
    .regex(/^0\d{2,3}-\d{7,8}$/, "咨询电话请写区号和号码,例如 0533-1234567"),
  template: z
    .string()
    .max(32, "模板名称最多 32 个字符")
    .refine((t) => templateNames().includes(t), {
      error: () => `模板只能是 ${templateNames().join("、")} 之一`,
    })
    .default("blank"),
});

export type ProvisionInput = z.input<typeof provisionInputSchema>;
export type ProvisionData = z.output<typeof provisionInputSchema>;

/** The fields in words, for the one-line summary of a refusal. */
export const PROVISION_FIELD_LABEL: Record<string, string> = {
  slug: "园区标识",
  "name.zh": "园区中文名称",
  "name.en": "园区英文名称",
  province: "省份",
  city: "城市",
  phone: "咨询电话",
  template: "模板",
};

/** zod's issues as the one validation answer: a message naming each field, and the fields. */
export function provisionFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return fields;
}
