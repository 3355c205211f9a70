/**
 * 创建园区's refusals as the form shows them. The provisioning service answers the API's way
 * (fields named name.zh, a summary "输入有误:name.zh:…", the slug schema's English); the page
 * puts each message under its own field in words an operator can act on.
 */
import type { FormErrors } from "../../../../web/components/form";
import { RESERVED_SUBDOMAINS } from "../../../../tenants/schema";

/** The provisioning service names fields as the API body does; the form's names differ for two. */
const FORM_FIELD: Record<string, string> = { "name.zh": "nameZh", "name.en": "nameEn" };

/**
 * Why the slug was refused, in words an operator can act on: the shared slug schema
 * (tenants/schema.ts) speaks English to the zone files' authors, so the page says it again here.
 */
function slugProblem(slug: string): string {
  if (slug === "") return "请填写园区标识,例如 gaoxin";
  if (RESERVED_SUBDOMAINS.has(slug)) return `“${slug}”是平台保留的名称,不能用作园区标识,请换一个`;
  if (slug.includes("--")) return "园区标识不能含连续两个连字符(--),请换一个";
  return "园区标识只能用 2–32 个小写字母、数字或连字符,以字母开头、不以连字符结尾,例如 gaoxin";
}

/**
 * The service's refusal as the form shows it: each field's message under that field (the
 * summary then says only 请按提示修改, not the service's "输入有误:name.zh:…" with its keys),
 * and a taken slug under 园区标识 — a conflict can only be about the slug. A failed step (its
 * "fields" are { step }) keeps the service's message, which says how to continue.
 */
export function newZoneErrors(
  errors: FormErrors,
  status: number,
  slug: string,
  formFields: readonly string[],
): FormErrors {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors.fields ?? {})) {
    const name = FORM_FIELD[k] ?? k;
    if (v && formFields.includes(name)) fields[name] = k === "slug" ? slugProblem(slug) : v;
  }
  if (status === 409 && errors.message) fields.slug = errors.message;
  return Object.keys(fields).length > 0 ? { fields } : { message: errors.message ?? "创建园区没有成功,请稍后再试。" };
}
