/**
 * What an 入驻 application carries, as zod schemas shared by the JSON API and the
 * page form. Checks that need the zone's configuration (its priority industries
 * and qualification list) live in ./zone-checks, because these schemas are built
 * once for the OpenAPI document, not per zone.
 */
import { pageLimitParam } from "../../lib/cursor";
import { z } from "@hono/zod-openapi";
import { APPLICATION_STATUSES } from "../../db/schema";
import { MATERIAL_LIMIT_LABEL } from "../materials/material-file";
import { mobileField, usccField } from "../../lib/id-fields";
import { textField } from "../../lib/text";
import { Email } from "../auth/schemas";
import { MAX_APPLICATION_FILES, MAX_BASE64_CHARS } from "./request-limits";
import { QueueCursor } from "./queue-paging";

/** A required free-text field: trimmed, bounded, control characters refused with a 400 (worker/lib/text.ts). */
const text = (label: string, max = 100) => textField({ label, max, min: 1 });

/** A calendar date (Asia/Shanghai) that exists, e.g. 2019-02-30 is refused. */
const IsoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(30, `${label}请按 年-月-日 填写,例如 2019-03-15`)
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}请按 年-月-日 填写,例如 2019-03-15`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, `${label}不是一个存在的日期`);

export const Uscc = usccField();

const Mobile = mobileField("请填写联系人手机号");

export const ClaimedQualification = z
  .object({
    code: z
      .string()
      .max(41, "资质类型不存在")
      .regex(/^[a-z][a-z0-9-]{1,40}$/, "资质类型不存在"),
    certificateNo: textField({ label: "证书编号", max: 60 }).optional(),
    issuedOn: IsoDate("发证日期").optional(),
  })
  .openapi("ClaimedQualification");
export type ClaimedQualification = z.infer<typeof ClaimedQualification>;

/** The company's facts, as corrected on a returned application too. Money in fen. */
export const ApplicationFields = z.object({
  companyName: text("企业名称"),
  uscc: Uscc,
  legalRep: text("法定代表人", 40),
  registeredOn: IsoDate("成立日期"),
  registeredCapitalFen: z
    .number({ error: "注册资本请填写金额(元)" })
    .int("注册资本最多精确到分")
    .min(0, "注册资本不能为负数")
    .max(1e15, "注册资本金额太大")
    .openapi({ description: "注册资本 in fen (1 元 = 100 fen)", example: 500_000_000 }),
  address: text("注册地址", 200),
  industry: textField({ label: "所属重点产业", max: 60 })
    .refine((s) => s.length > 0, "请选择所属重点产业")
    .openapi({ description: "a code from the zone's priorityIndustries (GET /api/v1/zone)" }),
  industryClass: z
    .string({ error: "请填写国民经济行业代码" })
    .max(20, "国民经济行业代码为 1 个门类字母加 2–4 位数字,例如 C2651")
    .trim()
    .toUpperCase()
    .regex(/^[A-T]\d{2,4}$/, "国民经济行业代码为 1 个门类字母加 2–4 位数字,例如 C2651")
    .openapi({ example: "C2651" }),
  employees: z
    .number({ error: "员工人数请填写整数" })
    .int("员工人数请填写整数")
    .min(0, "员工人数不能为负数")
    .max(10_000_000, "员工人数太大"),
  contactName: text("联系人", 40),
  contactMobile: Mobile,
  contactEmail: Email,
  qualifications: z.array(ClaimedQualification).max(20, "资质最多勾选 20 项").default([]).openapi({
    description:
      "codes from the zone's qualification list; certificateNo and issuedOn required where the type has a certificate",
  }),
});
export type ApplicationInput = z.infer<typeof ApplicationFields>;

/** A file sent through the JSON API, base64-encoded (the API accepts JSON bodies only). */
export const MaterialUpload = z
  .object({
    kind: z
      .string()
      .max(60, "材料类型应为 business_licence 或 certificate:<资质代码>")
      .regex(
        /^(business_licence|certificate:[a-z][a-z0-9-]{1,40})$/,
        "材料类型应为 business_licence 或 certificate:<资质代码>",
      ),
    filename: textField({ label: "文件名", max: 200, min: 1 }),
    contentType: z.enum(["application/pdf", "image/jpeg", "image/png"], { error: "只接受 PDF、JPG、PNG 文件" }),
    // Documented here, refused by decodeUploads (./uploads) before any file is decoded: a 413 naming the file,
    // as every other oversized file gets; longer than this always decodes to more than the limit.
    base64: z
      .string()
      .min(1, "文件是空的")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "文件内容应为 base64 编码")
      .openapi({
        maxLength: MAX_BASE64_CHARS,
        description: `at most ${MAX_BASE64_CHARS} characters: a ${MATERIAL_LIMIT_LABEL} file`,
      }),
  })
  .openapi("MaterialUpload");

const Materials = z
  .array(MaterialUpload)
  .max(MAX_APPLICATION_FILES, `一次最多上传 ${MAX_APPLICATION_FILES} 个文件`)
  .default([]);

export const Account = z.object({
  loginEmail: Email,
  password: z.string({ error: "请设置登录密码" }).min(1, "请设置登录密码").max(1024, "密码太长"),
});

export const SubmitApplicationBody = ApplicationFields.extend({
  ...Account.shape,
  materials: Materials,
}).openapi("SubmitApplication");

export const ResubmitApplicationBody = ApplicationFields.extend({
  materials: Materials,
}).openapi("ResubmitApplication");

export const ReviewBody = z
  .object({ comment: textField({ label: "意见", max: 2000, multiline: true }).default("") })
  .openapi("ReviewComment");

export const ApplicationIdParam = z.object({
  id: z
    .string()
    .max(40, "申请编号格式不对")
    .regex(/^[a-z0-9]{10,40}$/, "申请编号格式不对")
    .openapi({ param: { name: "id", in: "path" } }),
});

export const ApplicationStatus = z.enum(APPLICATION_STATUSES);

export const ListQuery = z.object({
  status: ApplicationStatus.optional(),
  industry: textField({ label: "产业", max: 60 }).optional(),
  from: IsoDate("开始日期").optional().openapi({ description: "submitted on or after (YYYY-MM-DD, Beijing time)" }),
  to: IsoDate("结束日期").optional().openapi({ description: "submitted on or before (YYYY-MM-DD, Beijing time)" }),
  after: QueueCursor.optional().openapi({ description: "nextCursor of the page before: the page after it" }),
  before: QueueCursor.optional().openapi({ description: "prevCursor of the page after: the page before it" }),
  limit: pageLimitParam(100, 50),
});
export type ListFilters = z.infer<typeof ListQuery>;

const Event = z.object({ at: z.string(), actor: z.string(), action: z.string(), comment: z.string().nullable() });
const Material = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
});

export const ApplicationSummary = z
  .object({
    id: z.string(),
    status: ApplicationStatus,
    companyName: z.string(),
    uscc: z.string(),
    industry: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ApplicationSummary");

export const ApplicationQueue = z
  .object({
    applications: z.array(ApplicationSummary),
    counts: z.record(z.string(), z.number().int()).openapi({ description: "applications per status, unfiltered" }),
    total: z.number().int().openapi({ description: "applications matching the filters, on every page" }),
    nextCursor: z.string().nullable().openapi({ description: "pass as `after` for the next page; null on the last" }),
    prevCursor: z
      .string()
      .nullable()
      .openapi({ description: "pass as `before` for the page before; null on the first" }),
  })
  .openapi("ApplicationQueue");

export const ApplicationDetail = ApplicationSummary.extend({
  legalRep: z.string(),
  registeredOn: z.string(),
  registeredCapitalFen: z.number().int(),
  address: z.string(),
  industryClass: z.string(),
  employees: z.number().int(),
  contactName: z.string(),
  contactMobile: z.string(),
  contactEmail: z.string(),
  qualifications: z.array(ClaimedQualification),
  reviewNote: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  events: z.array(Event),
  materials: z.array(Material),
}).openapi("ApplicationDetail");
