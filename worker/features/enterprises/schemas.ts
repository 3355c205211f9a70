/**
 * Inputs of the enterprise profile (forms and JSON) and the API's shapes. Form
 * fields arrive as strings; each schema turns them into the stored units (fen,
 * integers, normalised mobile) with a message a clerk can act on.
 */
import { z } from "@hono/zod-openapi";
import type { ZoneConfig } from "../../../tenants/schema";
import { mobileField } from "../../lib/id-fields";
import { Email } from "../auth/schemas";
import { textField } from "../../lib/text";
import { yuanToFen } from "../../lib/money";
import { isCalendarDate } from "../../lib/calendar";
import { DirectoryCursor } from "./directory-paging";

/** The first year whose figures may be reported (the policy engine reads no earlier ones). */
export const FIRST_YEAR = 2000;

const text = (label: string, max: number) => textField({ label, max, min: 1 });
const optionalText = (label: string, max: number, multiline = false) =>
  textField({ label, max, multiline })
    .default("")
    .transform((s) => s || null);

const headcount = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, `${label}请填写 0 或正整数`)
    .transform(Number);
/** A count, or null when left blank; one message for anything else (a union would say "Invalid input"). */
const optionalHeadcount = (label: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((s) => s === "" || /^\d{1,7}$/.test(s), `${label}请填写 0 或正整数`)
    .transform((s) => (s === "" ? null : Number(s)));

const optionalDate = (label: string) =>
  z
    .string()
    .max(10, `${label}请按 年-月-日 填写,如 2024-12-01`)
    .trim()
    .default("")
    .refine((s) => s === "" || isCalendarDate(s), `${label}请按 年-月-日 填写,如 2024-12-01`)
    .transform((s) => s || null);

/** 元 as typed → fen, or null when left blank (not yet known). */
const optionalYuan = z
  .string()
  .default("")
  .transform((s, ctx) => {
    if (!s.trim()) return null;
    const r = yuanToFen(s);
    if (r.ok) return r.fen;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  });

/** What the enterprise may change itself; name, USCC, legal rep and registration facts are zone-verified. */
export function profileForm(zone: ZoneConfig) {
  return z.object({
    address: text("地址", 200),
    contactName: text("联系人", 50),
    contactMobile: mobileField("请填写联系人手机号码"),
    contactEmail: Email,
    employees: headcount("员工人数"),
    industry: z
      .string()
      .refine((code) => zone.priorityIndustries.some((i) => i.code === code), "请从列表中选择本园区的重点产业"),
    industryClass: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-T]\d{2,4}$/, "行业代码为门类字母加 2–4 位数字,如 C2651"),
  });
}
export type ProfileChange = z.output<ReturnType<typeof profileForm>>;

/** One year's figures in stored units; null = not reported. */
export interface FiguresValues {
  revenueFen: number | null;
  rdExpenseFen: number | null;
  rdSuperDeductionFen: number | null;
  taxPaidFen: number | null;
  employees: number | null;
  rdStaff: number | null;
  /** The yearly report's figures: undefined (an API client that predates them) keeps what is stored. */
  inventionPatentsFiled?: number | null | undefined;
  inventionPatentsGranted?: number | null | undefined;
  validInventionPatents?: number | null | undefined;
  exportsFen?: number | null | undefined;
}

export const FiguresForm = z.object({
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "年度请填写四位数字,如 2025")
    .transform(Number),
  revenue: optionalYuan,
  rdExpense: optionalYuan,
  rdSuperDeduction: optionalYuan,
  taxPaid: optionalYuan,
  employees: optionalHeadcount("员工人数"),
  rdStaff: optionalHeadcount("研发人员数"),
  exports: optionalYuan,
  inventionPatentsFiled: optionalHeadcount("发明专利申请数"),
  inventionPatentsGranted: optionalHeadcount("发明专利授权数"),
  validInventionPatents: optionalHeadcount("有效发明专利数"),
});

const Fen = z
  .number()
  .int("金额以分为单位,须为整数")
  .min(0, "金额不能为负数")
  .max(999_999_999_999_999, "金额过大")
  .nullable()
  .default(null);
const Count = z
  .number()
  .int("人数须为整数")
  .min(0, "人数不能为负数")
  .max(9_999_999, "人数过大")
  .nullable()
  .default(null);

const OptionalFen = z
  .number()
  .int("金额以分为单位,须为整数")
  .min(0, "金额不能为负数")
  .max(999_999_999_999_999, "金额过大")
  .nullable()
  .optional();
const Patents = z
  .number()
  .int("专利件数须为整数")
  .min(0, "专利件数不能为负数")
  .max(9_999_999, "专利件数过大")
  .nullable()
  .optional();

export const FiguresBody = z
  .object({
    revenueFen: Fen.openapi({ description: "营业收入, fen", example: 1234567 }),
    rdExpenseFen: Fen.openapi({ description: "研发费用, fen" }),
    rdSuperDeductionFen: Fen.openapi({ description: "研发费用加计扣除额, fen" }),
    taxPaidFen: Fen.openapi({ description: "纳税额, fen" }),
    employees: Count.openapi({ description: "从业人员数" }),
    rdStaff: Count.openapi({ description: "研发人员数 (≤ employees)" }),
    // The yearly report's figures (added later): left out, the stored value stays; null clears it.
    exportsFen: OptionalFen.openapi({ description: "出口额, fen; omitted = unchanged" }),
    inventionPatentsFiled: Patents.openapi({ description: "当年发明专利申请数; omitted = unchanged" }),
    inventionPatentsGranted: Patents.openapi({ description: "当年发明专利授权数; omitted = unchanged" }),
    validInventionPatents: Patents.openapi({ description: "年末有效发明专利数; omitted = unchanged" }),
  })
  .openapi("YearlyFiguresInput");

export const YearParam = z.object({
  year: z.coerce
    .number()
    .int("年度须为整数")
    .min(FIRST_YEAR, `年度不早于 ${FIRST_YEAR} 年`)
    .max(2100, "年度不对")
    .openapi({ param: { name: "year", in: "path" }, example: 2025 }),
});

export function qualificationForm(zone: ZoneConfig) {
  return z.object({
    code: z.string().refine((code) => zone.qualifications.some((q) => q.code === code), "请从列表中选择资质"),
    certificateNo: optionalText("证书编号", 64),
    issuedOn: optionalDate("发证日期"),
    validUntil: optionalDate("有效期至"),
  });
}
export type QualificationClaim = z.output<ReturnType<typeof qualificationForm>>;

export const ReviewForm = z.object({ note: optionalText("审核意见", 500, true) });
export const InviteForm = z.object({ email: Email });

/** Ids come from newId() (demo data too: lib/ids.ts demoId); anything else cannot exist. */
export const IdParam = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]{10,40}$/);

export const DirectoryQuery = z.object({
  q: textField({ label: "搜索词", max: 60 })
    .optional()
    .transform((s) => s || undefined),
  industry: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((s) => s || undefined),
  qualification: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((s) => s || undefined),
  status: z
    .enum(["", "active", "suspended"], "状态只能是 正常 或 已暂停")
    .optional()
    .transform((s) => s || undefined),
  page: z.coerce.number().int("页码须为整数").min(1, "页码从 1 开始").max(100_000).default(1),
  after: DirectoryCursor.optional().openapi({
    description: "nextCursor of a page: the page after it (page is then ignored)",
  }),
  before: DirectoryCursor.optional().openapi({ description: "prevCursor of a page: the page before it" }),
});
export type DirectoryFilters = z.output<typeof DirectoryQuery>;

// ── API response shapes ──────────────────────────────────────────────────────

const Stored = z.number().int().nullable();
export const YearlyFigures = FiguresBody.extend({
  year: z.number().int(),
  exportsFen: Stored.openapi({ description: "出口额, fen" }),
  inventionPatentsFiled: Stored.openapi({ description: "当年发明专利申请数" }),
  inventionPatentsGranted: Stored.openapi({ description: "当年发明专利授权数" }),
  validInventionPatents: Stored.openapi({ description: "年末有效发明专利数" }),
  updatedAt: z.string(),
}).openapi("YearlyFigures");

export const Qualification = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    certificateNo: z.string().nullable(),
    issuedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    status: z.enum(["pending_review", "verified", "rejected", "withdrawn"]),
    expired: z.boolean().openapi({ description: "valid_until is before today (Asia/Shanghai)" }),
    reviewNote: z.string().nullable(),
  })
  .openapi("EnterpriseQualification");

const EnterpriseProfile = z
  .object({
    id: z.string(),
    name: z.string(),
    uscc: z.string().nullable(),
    legalRep: z.string().nullable(),
    registeredOn: z.string().nullable(),
    registeredCapitalFen: z.number().int().nullable(),
    address: z.string().nullable(),
    industry: z.string().nullable(),
    industryClass: z.string().nullable(),
    employees: z.number().int().nullable(),
    contactName: z.string().nullable(),
    contactMobile: z.string().nullable(),
    contactEmail: z.string().nullable(),
    status: z.enum(["active", "suspended"]),
  })
  .openapi("EnterpriseProfile");

/** A yearly report the zone is collecting, and where this enterprise stands with it. */
const OpenReport = z
  .object({
    year: z.number().int(),
    dueOn: z.string().openapi({ description: "Last day to file, YYYY-MM-DD, Asia/Shanghai" }),
    status: z.enum(["filed", "incomplete", "unfiled"]),
    missing: z.array(z.string()).openapi({ description: "The report's figures still blank, in Chinese" }),
  })
  .openapi("OpenYearlyReport");

export const EnterpriseDocument = z
  .object({
    enterprise: EnterpriseProfile,
    figures: z.array(YearlyFigures),
    qualifications: z.array(Qualification),
    openReports: z.array(OpenReport).openapi({ description: "Yearly reports the zone is collecting now" }),
  })
  .openapi("Enterprise");

const DirectoryRow = EnterpriseProfile.extend({
  qualifications: z.array(z.string()).openapi({ description: "codes of verified qualifications" }),
  latestRevenue: z.object({ year: z.number().int(), revenueFen: z.number().int() }).nullable(),
}).openapi("DirectoryEnterprise");

export const DirectoryPage = z
  .object({
    enterprises: z.array(DirectoryRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    nextCursor: z.string().nullable().openapi({ description: "pass as `after` for the next page; null on the last" }),
    prevCursor: z
      .string()
      .nullable()
      .openapi({ description: "pass as `before` for the page before; null on the first" }),
  })
  .openapi("EnterpriseDirectory");
