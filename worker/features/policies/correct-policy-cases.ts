/**
 * The preview's case form: the admin accepts what the current rules give for failed cases
 * (their expectations are replaced by the engine's result) and adds boundary cases the
 * engine proposed. Changes nothing stored: the caller previews the corrected set, and only
 * publishing it writes. Pure (the zone's names in, the set out).
 */
import { z } from "zod";
import type { ZoneConfig } from "../../../tenants/schema";
import { acceptCaseResults } from "../../engines/policy/cases";
import { compilePolicySet } from "../../engines/policy/compile";
import type { PolicySet } from "../../engines/policy/format/policy-set";
import { parseSetAwaitingCases } from "../../engines/policy/propose-awaiting";
import { proposeCases } from "../../engines/policy/propose-cases";
import type { FormBody } from "../../lib/form-body";

type Names = Pick<ZoneConfig, "qualifications" | "priorityIndustries">;

const MAX_PICKED = 500;
const many = (item: z.ZodType<string>) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).max(MAX_PICKED, `一次最多勾选 ${MAX_PICKED} 个用例`));

const CaseForm = z.object({
  policySet: z.string({ error: "表单缺少政策数据,请重新预览。" }).min(1, "表单缺少政策数据,请重新预览。"),
  accept: many(z.string().regex(/^\d{1,5}$/, "勾选的用例编号有误,请重新预览。")),
  add: many(z.string().max(100, "勾选的建议用例有误,请重新预览。")),
});

export type CorrectedCases =
  | { ok: true; set: PolicySet; message: string }
  | { ok: false; message: string; raw?: unknown };

export function correctPolicyCases(zone: Names, body: FormBody): CorrectedCases {
  const form = CaseForm.safeParse(body);
  if (!form.success) return { ok: false, message: form.error.issues[0]?.message ?? "表单有误,请重新预览。" };
  let raw: unknown;
  try {
    raw = JSON.parse(form.data.policySet);
  } catch {
    return { ok: false, message: "表单中的政策数据有误,请重新预览。" };
  }
  // A programme without cases yet (added in the form) is what its proposals are for: parsed all the same.
  const awaiting = parseSetAwaitingCases(raw);
  if (!awaiting) return { ok: false, raw, message: "政策数据有格式问题,请先修改后重新预览。" };
  const accept = [...new Set(form.data.accept.map(Number))];
  const add = [...new Set(form.data.add)];
  if (!accept.length && !add.length) return { ok: false, raw, message: "没有勾选任何用例。请勾选后再提交。" };
  if (accept.some((i) => i >= awaiting.set.cases.length))
    return { ok: false, raw, message: "勾选的用例已不在这套政策中,请重新预览。" };

  const compiled = compilePolicySet(awaiting.set, zone);
  const programmes = new Set(add.map((k) => k.slice(0, k.lastIndexOf(":"))));
  const proposed = new Map(
    [...programmes].flatMap((id) => proposeCases(compiled, id)).map((x) => [x.key, x.case] as const),
  );
  const unknown = add.filter((k) => !proposed.has(k));
  if (unknown.length) return { ok: false, raw, message: "勾选的建议用例已不适用(规则可能已改),请重新预览。" };

  const corrected = acceptCaseResults(compiled, accept);
  const set = { ...corrected, cases: [...corrected.cases, ...add.map((k) => proposed.get(k)!)] };
  const said = [
    accept.length ? `已按当前规则更正 ${accept.length} 个测试用例` : "",
    add.length ? `已加入 ${add.length} 个建议用例` : "",
  ].filter(Boolean);
  return { ok: true, set, message: `${said.join(",")}。下面是更正后的预览,尚未发布。` };
}
