/**
 * The product form as a bank's staff type it — amounts in 万元, annual rates in
 * percent with two decimals, materials one per line, checkboxes — to the
 * service's ProductInput (fen, basis points, arrays), and a product back to
 * what the form shows. Conversions are by string, never through floats, and
 * every message names the field it concerns, in Chinese.
 */
import { GUARANTEES, PRODUCT_TYPES, type LoanProductRow } from "../../db/schema";
import type { FormErrors } from "../../../web/components/form";
import type { ProductFormValues } from "../../../web/pages/finance/rows";
import { bpToPercentText } from "../../../web/pages/finance/shared";
import { fenToPlainWan } from "../../lib/money";
import { list } from "./context";
import { percentToBp, wanToFen, wholeNumber } from "./form-amounts";
import { ProductInput } from "./products";

const TEXT_FIELDS = [
  "name",
  "type",
  "minAmount",
  "maxAmount",
  "minRate",
  "maxRate",
  "minTerm",
  "maxTerm",
  "minYears",
  "minRevenue",
  "region",
  "features",
  "materials",
  "contactName",
  "contactPhone",
  "revision",
] as const;
const SETS = ["guarantees", "industries", "qualifications"] as const;

/** The service's field names → the form's. */
const FORM_NAME: Record<string, string> = {
  minAmountFen: "minAmount",
  maxAmountFen: "maxAmount",
  minRateBp: "minRate",
  maxRateBp: "maxRate",
  minTermMonths: "minTerm",
  maxTermMonths: "maxTerm",
  minRevenueFen: "minRevenue",
};

/** For zod's own (English) messages: what each field must be, in words. */
const RULE: Record<string, string> = {
  name: "产品名称2至40个字",
  type: "请选择产品类型",
  minAmount: "请填写金额(万元)",
  maxAmount: "请填写金额(万元)",
  minRate: "年利率在0.01%至36%之间",
  maxRate: "年利率在0.01%至36%之间",
  minTerm: "期限在1至360个月之间",
  maxTerm: "期限在1至360个月之间",
  guarantees: "请选择担保方式",
  industries: "请从本园区的产业中选择",
  qualifications: "请从本园区的资质中选择",
  minYears: "经营年限在0至50年之间",
  minRevenue: "请填写金额(万元)",
  region: "适用地区不超过40个字",
  features: "产品特色不超过500个字",
  materials: "每行一项,每项不超过60个字,最多20项",
  contactName: "联系人不超过30个字",
  contactPhone: "联系电话不超过30个字",
};

/** The form's text fields as people read them, for the control-character message (worker/lib/form-text.ts). */
export const PRODUCT_FIELD_LABELS: Record<string, string> = {
  name: "产品名称",
  region: "适用地区",
  features: "产品特色",
  materials: "所需材料",
  contactName: "联系人",
  contactPhone: "联系电话",
};

const HAN = /[\u4e00-\u9fff]/;
/** The form body (readFormBody with `all: true`) as the values the form re-shows. */
export function formValues(body: Record<string, unknown>): ProductFormValues {
  const strings = (v: unknown): string[] =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
  const text: Record<string, string> = {};
  for (const k of TEXT_FIELDS) text[k] = strings(body[k])[0] ?? "";
  const [guarantees, industries, qualifications] = SETS.map((k) => [...new Set(strings(body[k]))]) as [
    string[],
    string[],
    string[],
  ];
  return { text, guarantees, industries, qualifications };
}

/** A product as the edit form shows it. */
export function productValues(p: LoanProductRow): ProductFormValues {
  return {
    text: {
      name: p.name,
      type: p.type,
      minAmount: fenToPlainWan(p.minAmountFen),
      maxAmount: fenToPlainWan(p.maxAmountFen),
      minRate: bpToPercentText(p.minRateBp),
      maxRate: bpToPercentText(p.maxRateBp),
      minTerm: String(p.minTermMonths),
      maxTerm: String(p.maxTermMonths),
      minYears: p.minYears ? String(p.minYears) : "",
      minRevenue: p.minRevenueFen ? fenToPlainWan(p.minRevenueFen) : "",
      region: p.region ?? "",
      features: p.features,
      materials: list(p.materials).join("\n"),
      contactName: p.contactName ?? "",
      contactPhone: p.contactPhone ?? "",
      revision: String(p.revision),
    },
    guarantees: list(p.guarantees),
    industries: list(p.industries),
    qualifications: list(p.qualifications),
  };
}

export type ParsedProduct =
  | { ok: true; input: ProductInput; revision: number | undefined }
  | { ok: false; errors: FormErrors };

/** Converts and validates; every failing field gets its own message, and nothing is half-parsed. */
export function parseProductForm(v: ProductFormValues): ParsedProduct {
  const fields: Record<string, string> = {};
  const t = v.text;
  const blank = (k: string) => (t[k] ?? "").trim() === "";
  /** Records the field's message; the value is then undefined, which the schema refuses. */
  const fail = (k: string, message: string): undefined => {
    fields[k] = message;
    return undefined;
  };
  const money = (k: string, optional: boolean) => {
    if (blank(k)) return optional ? 0 : fail(k, "请填写这一项");
    const r = wanToFen(t[k]!);
    return r.ok ? r.fen : fail(k, r.message);
  };
  const rate = (k: string) => {
    if (blank(k)) return fail(k, "请填写这一项");
    const r = percentToBp(t[k]!);
    return r.ok ? r.bp : fail(k, r.message);
  };
  const whole = (k: string, unit: string, optional: boolean) => {
    if (blank(k)) return optional ? 0 : fail(k, "请填写这一项");
    const r = wholeNumber(t[k]!, unit);
    return r.ok ? r.n : fail(k, r.message);
  };
  const optionalText = (k: string) => (blank(k) ? null : t[k]!.trim());
  const candidate = {
    name: t.name ?? "",
    type: t.type || undefined,
    minAmountFen: money("minAmount", false),
    maxAmountFen: money("maxAmount", false),
    minRateBp: rate("minRate"),
    maxRateBp: rate("maxRate"),
    minTermMonths: whole("minTerm", "个月", false),
    maxTermMonths: whole("maxTerm", "个月", false),
    guarantees: v.guarantees,
    industries: v.industries,
    qualifications: v.qualifications,
    minYears: whole("minYears", "年", true),
    minRevenueFen: money("minRevenue", true),
    region: optionalText("region"),
    features: (t.features ?? "").trim(),
    materials: (t.materials ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    contactName: optionalText("contactName"),
    contactPhone: optionalText("contactPhone"),
  };
  if (candidate.type !== undefined && !(PRODUCT_TYPES as readonly string[]).includes(candidate.type))
    fields.type = RULE.type!;
  if (v.guarantees.some((g) => !(GUARANTEES as readonly string[]).includes(g))) fields.guarantees = RULE.guarantees!;
  const parsed = ProductInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = FORM_NAME[String(issue.path[0])] ?? String(issue.path[0]);
      // A conversion message already says what is wrong with the text typed.
      fields[key] ??=
        issue.code === "invalid_type" && key === "type"
          ? RULE.type!
          : HAN.test(issue.message)
            ? issue.message
            : (RULE[key] ?? "填写有误");
    }
  }
  if (Object.keys(fields).length || !parsed.success)
    return { ok: false, errors: { message: "请按提示修改后再保存。", fields } };
  const revision = /^\d{1,9}$/.test(t.revision ?? "") ? Number(t.revision) : undefined;
  return { ok: true, input: parsed.data, revision };
}

/** A service's field names in a refusal, as the form's. */
export const formFields = (fields: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([k, m]) => [FORM_NAME[k] ?? k, m]));
