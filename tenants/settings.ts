/**
 * The part of a zone's configuration the zone administers itself (园区设置): names,
 * region, colours, contact, priority industries, qualification types, subsidy
 * stages and calendar, loan response times and escalation, recorded LPR. Stored versioned in the zone's own
 * database (zone_settings_versions); tenants/<slug>/zone.ts holds the defaults.
 * Slug, code, documents and security stay code. Messages are Chinese sentences a
 * zone clerk can act on; every string and list is bounded.
 */
import { z } from "zod";
import { type ZoneConfig, zoneSchema } from "./schema";

/** Longest text a setting holds, and the longest list. */
export const SETTINGS_TEXT_MAX = 200;
export const SETTINGS_LIST_MAX = 50;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

const text = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(SETTINGS_TEXT_MAX, `${label}最多 ${SETTINGS_TEXT_MAX} 个字`)
    .refine((s) => !CONTROL.test(s), `${label}含有不可见的控制字符,请删去后重新输入`);
const colour = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(7, `${label}应为 #rrggbb 形式的颜色,例如 #0b6e5f`)
    .regex(/^#[0-9a-fA-F]{6}$/, `${label}应为 #rrggbb 形式的颜色,例如 #0b6e5f`);
const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(10, `${label}应为 年-月-日,例如 2026-10-08`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 年-月-日,例如 2026-10-08`);
const days = (label: string, max: number) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少 1 个工作日`)
    .max(max, `${label}最多 ${max} 个工作日`);
const code = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(41, `${label}应为 2–41 位小写字母、数字或连字符,以字母开头`)
    .regex(/^[a-z][a-z0-9-]{1,40}$/, `${label}应为 2–41 位小写字母、数字或连字符,以字母开头`);
const list = <T extends z.ZodType>(item: T, label: string) =>
  z
    .array(item, { error: `${label}应为列表` })
    .min(1, `${label}至少要有一项`)
    .max(SETTINGS_LIST_MAX, `${label}最多 ${SETTINGS_LIST_MAX} 项`);
const dates = (label: string) =>
  z
    .array(date(label), { error: `${label}应为日期列表` })
    .max(SETTINGS_LIST_MAX * 4, `${label}最多 ${SETTINGS_LIST_MAX * 4} 天`);

const names = (label: string) => z.strictObject({ zh: text(`${label}(中文)`), en: text(`${label}(英文)`) });
const regionSchema = z.strictObject({ province: text("所在省份"), city: text("所在城市") });
/**
 * A logo's blob key: `<zone slug>/branding/logo-<16 hex of its SHA-256>`. Only the logo
 * service writes one (from bytes it checked); a PUT may keep it or clear it, never name another.
 */
export const LOGO_KEY = /^[a-z][a-z0-9-]{1,40}\/branding\/logo-[0-9a-f]{16}$/;
const logoKey = z
  .string({ error: "徽标应为已上传的图片" })
  .max(80, "徽标应为已上传的图片")
  .regex(LOGO_KEY, "徽标应为已上传的图片")
  .nullable();
const brandingSchema = z.strictObject({
  primary: colour("主色"),
  accent: colour("辅色"),
  // Versions written before logos existed have none: they read as "no logo".
  logo: logoKey.default(null),
});
/** Written out rather than brandingSchema.partial(): a partial default would clear the logo on every PUT. */
const brandingPatchSchema = z.strictObject({
  primary: colour("主色").optional(),
  accent: colour("辅色").optional(),
  logo: logoKey.optional(),
});
const contactSchema = z.strictObject({
  passwordHelp: text("忘记密码的提示语"),
  phone: z
    .string({ error: "请填写联系电话" })
    .max(13, "联系电话应为 区号-号码,例如 0546-8317796")
    .regex(/^0\d{2,3}-\d{7,8}$/, "联系电话应为 区号-号码,例如 0546-8317796"),
  office: text("联系部门"),
});
const industrySchema = z.strictObject({
  code: code("产业代码"),
  zh: text("产业名称(中文)"),
  en: text("产业名称(英文)"),
});
const qualificationSchema = z.strictObject({
  code: code("资质代码"),
  zh: text("资质名称(中文)"),
  en: text("资质名称(英文)"),
  certificate: z.boolean({ error: "是否需要证书应为 是/否" }),
});
const stageSchema = z.strictObject({
  key: z
    .string({ error: "请填写环节代码" })
    .max(31, "环节代码应为 2–31 位小写字母、数字或连字符,以字母开头")
    .regex(/^[a-z][a-z0-9-]{1,30}$/, "环节代码应为 2–31 位小写字母、数字或连字符,以字母开头"),
  zh: text("环节名称"),
  kind: z.enum(["review", "publicity", "payment"], { error: "环节类型应为 审核、公示 或 拨付" }),
  roles: z
    .array(z.enum(["zone_admin", "reviewer"], { error: "办理角色应为 园区管理员 或 审核员" }))
    .max(2, "办理角色最多 2 个"),
  dueWorkingDays: days("办理时限", 60),
});

const subsidyFields = {
  stages: z
    .array(stageSchema, { error: "审核环节应为列表" })
    .min(2, "审核流程至少要有 2 个环节")
    .max(20, "审核流程最多 20 个环节"),
  noticeWorkingDays: days("公示期", 30),
  correctionWorkingDays: days("补正期限", 60),
  holidays: dates("本地放假日"),
  extraWorkdays: dates("本地调休上班日"),
};
type SubsidyFields = { [K in keyof typeof subsidyFields]: z.infer<(typeof subsidyFields)[K]> };

/** The rules across stages, as subsidySettingsSchema states them, in a clerk's words. */
function checkStages(s: SubsidyFields, ctx: z.RefinementCtx): void {
  const kinds = s.stages.map((x) => x.kind);
  const at = ["stages"];
  if (kinds.filter((k) => k === "publicity").length !== 1)
    ctx.addIssue({ code: "custom", message: "审核流程中应有且只有一个公示环节", path: at });
  if (kinds.at(-1) !== "payment" || kinds.filter((k) => k === "payment").length !== 1)
    ctx.addIssue({ code: "custom", message: "审核流程应有且只有一个拨付环节,且放在最后", path: at });
  if (kinds[0] !== "review") ctx.addIssue({ code: "custom", message: "审核流程的第一个环节应为审核", path: at });
  if (new Set(s.stages.map((x) => x.key)).size !== s.stages.length)
    ctx.addIssue({ code: "custom", message: "环节代码不能重复", path: at });
  s.stages.forEach((x, i) => {
    if (x.kind !== "publicity" && x.roles.length === 0)
      ctx.addIssue({ code: "custom", message: `请为「${x.zh}」环节选择办理角色`, path: ["stages", i, "roles"] });
  });
}

const subsidyObject = z.strictObject(subsidyFields);
const escalationFields = {
  afterWorkingDays: z
    .number({ error: "上报园区管理员的天数应为整数" })
    .int("上报园区管理员的天数应为整数")
    .min(0, "上报园区管理员的天数不能小于 0(0 表示逾期当天同时通知)")
    .max(30, "上报园区管理员的天数最多 30 个工作日"),
};
const financeFields = { acceptWorkingDays: days("受理时限", 30), decideWorkingDays: days("审批时限", 60) };

/** Rows of LPR a zone may record: twenty years of monthly publications, both terms. */
export const LPR_ROWS_MAX = 240;
/** A real calendar day (not 2026-02-30), without importing worker/lib into the zone's data. */
const realDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const lprRateSchema = z.strictObject({
  term: z.enum(["1y", "5y"], { error: "期限应为 1年期 或 5年期以上" }),
  from: date("起始日").refine(realDay, "起始日不是日历上的日期,请核对"),
  bp: z
    .number({ error: "利率应为百分数,例如 3.10" })
    .int("利率最多两位小数,例如 3.10")
    .min(1, "利率应大于 0")
    .max(2000, "利率最高 20%,请核对"),
  source: text("来源"),
});
/** The LPR the zone records (worker/lib/lpr.ts): each term's rate from a date, at most one row per term and date. */
const lprList = z
  .array(lprRateSchema, { error: "LPR 应为列表" })
  .max(LPR_ROWS_MAX, `LPR 最多 ${LPR_ROWS_MAX} 行`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.term}@${r.from}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", message: `同一期限在 ${r.from} 已有一行,请删去重复的`, path: [i, "from"] });
      seen.add(key);
    });
  });

// Versions saved before escalation was a setting have none: they read as 0, the rule of that time;
// versions saved before LPR was recorded read as none recorded (the national list alone).
const financeObject = z.strictObject({
  ...financeFields,
  escalation: z.strictObject(escalationFields).prefault({ afterWorkingDays: 0 }),
  lpr: lprList.default([]),
});
/** Written out rather than financeObject.partial(): a partial default would reset escalation on every PUT. */
const financePatchSchema = z.strictObject({
  acceptWorkingDays: financeFields.acceptWorkingDays.optional(),
  decideWorkingDays: financeFields.decideWorkingDays.optional(),
  escalation: z.strictObject(escalationFields).partial().optional(),
  lpr: lprList.optional(),
});

/** Codes in a list are unique (a zone's industries, its qualification types). */
function uniqueCodes(label: string) {
  return (items: { code: string }[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code))
        ctx.addIssue({ code: "custom", message: `${label}代码「${item.code}」重复`, path: [i, "code"] });
      seen.add(item.code);
    });
  };
}

/** A zone's settings, complete: what a version stores and GET returns. */
export const zoneSettingsSchema = z.strictObject({
  name: names("园区全称"),
  shortName: names("园区简称"),
  region: regionSchema,
  branding: brandingSchema,
  contact: contactSchema,
  priorityIndustries: list(industrySchema, "重点产业").superRefine(uniqueCodes("产业")),
  qualifications: list(qualificationSchema, "资质类型").superRefine(uniqueCodes("资质")),
  subsidy: subsidyObject.superRefine(checkStages),
  finance: financeObject,
});
export type ZoneSettings = z.infer<typeof zoneSettingsSchema>;
export type ZoneSettingsKey = keyof ZoneSettings;
export const ZONE_SETTINGS_KEYS = Object.keys(zoneSettingsSchema.shape) as ZoneSettingsKey[];

/**
 * What a PUT may carry: any subset of the settings, objects partial at every level,
 * lists whole (a list replaces the one before). Each field is checked here as in
 * zoneSettingsSchema; the rules across fields are checked on the merged result.
 */
export const zoneSettingsPatchSchema = z.strictObject({
  name: names("园区全称").partial().optional(),
  shortName: names("园区简称").partial().optional(),
  region: regionSchema.partial().optional(),
  branding: brandingPatchSchema.optional(),
  contact: contactSchema.partial().optional(),
  priorityIndustries: list(industrySchema, "重点产业").optional(),
  qualifications: list(qualificationSchema, "资质类型").optional(),
  subsidy: subsidyObject.partial().optional(),
  finance: financePatchSchema.optional(),
});
export type ZoneSettingsPatch = z.infer<typeof zoneSettingsPatchSchema>;

/** The code's settings of a zone (tenants/<slug>/zone.ts), as a settings object. */
export function settingsOf(zone: ZoneConfig): ZoneSettings {
  return {
    name: { ...zone.name },
    shortName: { ...zone.shortName },
    region: { ...zone.region },
    branding: { primary: zone.branding.primary, accent: zone.branding.accent, logo: zoneLogo(zone) },
    contact: { passwordHelp: zone.contact.passwordHelp, phone: zone.contact.phone, office: zone.contact.office },
    priorityIndustries: zone.priorityIndustries.map((x) => ({ ...x })),
    qualifications: zone.qualifications.map((x) => ({ ...x })),
    subsidy: {
      stages: zone.subsidy.stages.map((s) => ({ ...s, roles: [...s.roles] })),
      noticeWorkingDays: zone.subsidy.noticeWorkingDays,
      correctionWorkingDays: zone.subsidy.correctionWorkingDays,
      holidays: [...zone.subsidy.holidays],
      extraWorkdays: [...zone.subsidy.extraWorkdays],
    },
    finance: {
      ...zone.finance,
      escalation: { ...zone.finance.escalation },
      lpr: zone.finance.lpr.map((r) => ({ ...r })),
    },
  };
}

/**
 * A zone's branding as the settings give it: zoneSchema knows the colours only, so the
 * logo rides along on the effective zone's branding object (applySettings puts it there).
 */
export type ZoneBranding = ZoneConfig["branding"] & { logo?: string | null };

/** The blob key of the zone's logo, or null while it has none. */
export function zoneLogo(zone: Pick<ZoneConfig, "branding">): string | null {
  return (zone.branding as ZoneBranding).logo ?? null;
}

/** The logo's version, for URLs a browser may cache for good: the hash in its key. */
export function logoVersion(key: string): string {
  return key.slice(key.lastIndexOf("-") + 1);
}

/** Where a zone serves its logo (public; the current logo whatever the query). */
export const LOGO_PATH = "/branding/logo";

/** The logo's address with its version, so a new logo is a new URL and an old one may be cached for good. */
export const logoSrc = (key: string): string => `${LOGO_PATH}?v=${logoVersion(key)}`;

/**
 * The zone with `settings` in place of the code's, re-validated with zoneSchema. The
 * phone stays marked as printed in the source only while it is the code's number.
 */
export function applySettings(zone: ZoneConfig, settings: ZoneSettings): ZoneConfig {
  const phoneFromSource = zone.contact.phoneFromSource && settings.contact.phone === zone.contact.phone;
  const { logo, ...colours } = settings.branding;
  // The documents are the code's, already validated: kept by reference rather than parsed again.
  const parsed = zoneSchema.parse({
    ...zone,
    ...settings,
    branding: colours,
    contact: { ...settings.contact, phoneFromSource },
    documents: [],
  });
  const branding: ZoneBranding = logo ? { ...parsed.branding, logo } : parsed.branding;
  return { ...parsed, branding, documents: zone.documents };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** `patch` laid over `base`: objects merge key by key, lists and values replace. */
export function mergeSettings<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = mergeSettings(base[key], value);
  }
  return out as T;
}

/** The top-level keys whose value differs between two settings objects, in schema order. */
export function changedKeys(before: ZoneSettings | null, after: ZoneSettings): ZoneSettingsKey[] {
  return ZONE_SETTINGS_KEYS.filter((k) => !before || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Zod issues as one message per dotted path ("contact.phone": "…"), the first for each. */
export function settingsIssues(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return fields;
}
