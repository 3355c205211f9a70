/**
 * What the enterprise's 金融超市 form posts share: the fields as typed (repeated
 * names, checkboxes, as lists; control characters refused with the field's
 * name), the guard on each member router, and the service's zod issues as the
 * form's fields.
 */
import type { Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { readFormBody } from "../../../lib/form-body";
import { refuseBadCharacters } from "../../../lib/form-text";
import { requireZone } from "../../../middleware/zone";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { requireMemberPage } from "../../enterprises/member-guard";

/** The fields' names in a refusal's sentence. */
const FIELD_LABELS: Record<string, string> = {
  purpose: "资金用途",
  note: "备注",
  amount: "金额",
  term: "期限",
  neededBy: "用款时间",
  validUntil: "有效期",
};

/** A form's text fields: `one` the first value of a name, `many` every value (checkboxes). */
export async function formOf(c: Context<AppEnv>) {
  const body = await readFormBody(c, { all: true });
  refuseBadCharacters(body, FIELD_LABELS);
  const many = (name: string) => [body[name]].flat().filter((v): v is string => typeof v === "string");
  const one = (name: string) => many(name)[0] ?? "";
  return { one, many };
}

/** Zod issues (by the service's field names) as the form's fields. */
export function issuesToFields(
  issues: readonly { path: PropertyKey[]; message: string; code: string }[],
  rename: Record<string, string>,
) {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "");
    fields[rename[key] ?? key] ??= i.code === "invalid_type" ? "请填写这一项" : i.message;
  }
  return fields;
}

export const ok = (message: string): Notice => ({ kind: "ok", message });

/** A member router: every path under its prefix for a member of an admitted enterprise. */
export function guardMemberPages(r: Hono<AppEnv>, deps: AppDeps) {
  r.use("*", requireZone, requireMemberPage(deps));
}
