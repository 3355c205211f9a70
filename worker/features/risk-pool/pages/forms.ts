/**
 * The pool's forms as the services' input: amounts in 万元 as the 金融超市 forms take them ("500",
 * "1.2亿", "3000元"), percents and working days as whole numbers, coverage tiers as rows
 * (rule.N.*); a conversion or schema failure names its field with a sentence.
 */
import type { z } from "@hono/zod-openapi";
import type { FormValues } from "../../../../web/components/form";
import { PRODUCT_TYPES } from "../../../db/schema";
import { AppError } from "../../../lib/errors";
import { wanToFen, wholeNumber } from "../../finance/form-amounts";
import { ApproveInput, ClaimInput, FundInput, PoolEditInput, PoolInput, RecoveryInput, RejectInput } from "../schemas";

/** Tier rows the form offers. */
export const RULE_ROWS = 4;

const HAN = /[\u4e00-\u9fff]/;

function check<S extends z.ZodType>(schema: S, candidate: unknown, fields: Record<string, string>, names = {}) {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      const key = (names as Record<string, string>)[path] ?? path;
      fields[key] ??= HAN.test(issue.message) ? issue.message : "填写有误";
    }
  if (!parsed.success || Object.keys(fields).length)
    throw new AppError("validation_failed", "请按提示修改后再提交。", fields);
  return parsed.data as z.output<S>;
}

function money(raw: FormValues, name: string, fields: Record<string, string>): number | undefined {
  const text = (raw[name] ?? "").trim();
  if (!text) {
    fields[name] = "请填写这一项";
    return undefined;
  }
  const r = wanToFen(text);
  if (r.ok) return r.fen;
  fields[name] = r.message;
  return undefined;
}

function whole(raw: FormValues, name: string, unit: string, fields: Record<string, string>): number | undefined {
  const text = (raw[name] ?? "").trim();
  if (!text) {
    fields[name] = "请填写这一项";
    return undefined;
  }
  const r = wholeNumber(text, unit);
  if (r.ok) return r.n;
  fields[name] = r.message;
  return undefined;
}

const tri = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);

export function poolFromForm(raw: FormValues) {
  const { candidate, fields, names } = poolCandidate(raw);
  return check(PoolInput, { ...candidate, sizeFen: money(raw, "size", fields) }, fields, names);
}

/** 修改设置: the same fields but the size, with the revision the form was drawn from. */
export function poolEditFromForm(raw: FormValues) {
  const { candidate, fields, names } = poolCandidate(raw);
  const revision = /^\d{1,16}$/.test(raw.revision ?? "") ? Number(raw.revision) : undefined;
  if (revision === undefined) throw new AppError("conflict", "表单已过期,请刷新页面后再修改。");
  return check(PoolEditInput, { ...candidate, revision }, fields, names);
}

function poolCandidate(raw: FormValues) {
  const fields: Record<string, string> = {};
  const rules = [];
  const names: Record<string, string> = {
    sizeFen: "size",
    perLoanCapFen: "perLoanCap",
    perBankCapFen: "perBankCap",
    "coverage.defaultPercent": "defaultPercent",
  };
  for (let i = 0; i < RULE_ROWS; i++) {
    const label = (raw[`rule.${i}.label`] ?? "").trim();
    const percentText = (raw[`rule.${i}.percent`] ?? "").trim();
    if (!label && !percentText) continue;
    const type = raw[`rule.${i}.type`] ?? "";
    const n = rules.length;
    names[`coverage.rules.${n}.label`] = `rule.${i}.label`;
    names[`coverage.rules.${n}.percent`] = `rule.${i}.percent`;
    rules.push({
      when: {
        ...(tri(raw[`rule.${i}.firstLoan`]) !== undefined && { firstLoan: tri(raw[`rule.${i}.firstLoan`]) }),
        ...(tri(raw[`rule.${i}.credit`]) !== undefined && { credit: tri(raw[`rule.${i}.credit`]) }),
        ...((PRODUCT_TYPES as readonly string[]).includes(type) && { productTypes: [type] }),
      },
      percent: whole(raw, `rule.${i}.percent`, "(%)", fields),
      label,
    });
  }
  const candidate = {
    name: raw.name ?? "",
    perLoanCapFen: money(raw, "perLoanCap", fields),
    perBankCapFen: money(raw, "perBankCap", fields),
    coverage: { rules, defaultPercent: whole(raw, "defaultPercent", "(%)", fields) },
    fileWithinDays: whole(raw, "fileWithinDays", "个工作日", fields),
    reviewWithinDays: whole(raw, "reviewWithinDays", "个工作日", fields),
    basis: raw.basis ?? "",
  };
  return { candidate, fields, names };
}

export function fundFromForm(raw: FormValues) {
  const fields: Record<string, string> = {};
  return check(FundInput, { amountFen: money(raw, "amount", fields), note: raw.note ?? "" }, fields, {
    amountFen: "amount",
  });
}

const revisionOf = (raw: FormValues) => (/^\d{1,9}$/.test(raw.revision ?? "") ? Number(raw.revision) : undefined);

export function recoveryFromForm(raw: FormValues) {
  const fields: Record<string, string> = {};
  return check(
    RecoveryInput,
    { recoveredFen: money(raw, "recovered", fields), note: raw.note ?? "", revision: revisionOf(raw) },
    fields,
    { recoveredFen: "recovered" },
  );
}

export function rejectFromForm(raw: FormValues) {
  return check(RejectInput, { reason: raw.reason ?? "", revision: revisionOf(raw) }, {});
}

export function approveFromForm(raw: FormValues) {
  const note = (raw.note ?? "").trim();
  return check(ApproveInput, { note: note || undefined, revision: revisionOf(raw) }, {});
}

export function claimFromForm(raw: FormValues) {
  const fields: Record<string, string> = {};
  return check(
    ClaimInput,
    {
      loanId: raw.loanId ?? "",
      outstandingFen: money(raw, "outstanding", fields),
      defaultedOn: (raw.defaultedOn ?? "").trim(),
      recoveryEfforts: raw.recoveryEfforts ?? "",
    },
    fields,
    { outstandingFen: "outstanding" },
  );
}

/** A service's field names → the form's (its refusals name the API's fields). */
export const FORM_FIELD: Record<string, string> = {
  outstandingFen: "outstanding",
  perLoanCapFen: "perLoanCap",
  productId: "productId",
};

export function formFields(fields: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [FORM_FIELD[k] ?? k, v]));
}
