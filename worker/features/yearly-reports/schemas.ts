/**
 * The yearly report's inputs (forms and JSON) and the API's shapes. Every input is bounded; the
 * messages say what to type.
 */
import { z } from "@hono/zod-openapi";
import { isCalendarDate } from "../../lib/calendar";
import { FIRST_YEAR } from "../enterprises/schemas";

export const FILING_STATUSES = ["filed", "incomplete", "unfiled"] as const;
/** A list filter: one status, or "pending" = not yet filed completely (incomplete and unfiled). */
export const STATUS_FILTERS = ["all", "pending", ...FILING_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The most enterprises one chase names (the "all pending" chase names none). */
export const MAX_CHASE_IDS = 200;
export const PAGE_SIZE = 50;

const YearNumber = z.number().int("年度须为整数").min(FIRST_YEAR, `年度不早于 ${FIRST_YEAR} 年`).max(2100, "年度不对");

const DueOn = z
  .string()
  .trim()
  .max(10, "截止日期请按 年-月-日 填写,如 2026-03-31")
  .refine(isCalendarDate, "截止日期请按 年-月-日 填写,如 2026-03-31");

export const YearPath = z.object({
  year: z.coerce
    .number()
    .int("年度须为整数")
    .min(FIRST_YEAR, `年度不早于 ${FIRST_YEAR} 年`)
    .max(2100, "年度不对")
    .openapi({ param: { name: "year", in: "path" }, example: 2025 }),
});

export const OpenWindowBody = z
  .object({
    year: YearNumber.openapi({ example: 2025, description: "The year reported on (not later than this year)" }),
    dueOn: DueOn.openapi({ example: "2026-03-31", description: "Last day to file, YYYY-MM-DD, Asia/Shanghai" }),
  })
  .openapi("ReportWindowInput");

export const OpenWindowForm = z.object({
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "年度请填写四位数字,如 2025")
    .transform(Number),
  dueOn: DueOn,
});

export const ChaseBody = z
  .object({
    enterpriseIds: z
      .array(z.string().min(1).max(64))
      .min(1, "请至少选择一家企业")
      .max(MAX_CHASE_IDS, `一次最多催报 ${MAX_CHASE_IDS} 家企业`)
      .optional()
      .openapi({ description: "Omitted: every covered enterprise that has not filed completely" }),
  })
  .openapi("ReportChaseInput");

/** One enterprise's 催报 (or none: all pending), with the list's filter carried back. */
export const ChaseForm = z.object({
  enterpriseId: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  q: z.string().max(50).optional(),
  page: z.string().max(6).optional(),
});

export const CompletionQuery = z.object({
  status: z
    .enum(STATUS_FILTERS, { message: "状态只能是 all、pending、filed、incomplete 或 unfiled" })
    .default("all")
    .openapi({ param: { name: "status", in: "query" }, description: "pending = incomplete or unfiled" }),
  q: z
    .string()
    .trim()
    .max(50, "搜索词不超过 50 个字")
    .default("")
    .openapi({ param: { name: "q", in: "query" }, description: "Part of the enterprise's name" }),
  page: z.coerce
    .number()
    .int("页码须为整数")
    .min(1, "页码从 1 开始")
    .max(10_000, "页码过大")
    .default(1)
    .openapi({ param: { name: "page", in: "query" } }),
});
export type CompletionFilter = z.output<typeof CompletionQuery>;

export const WindowJson = z
  .object({
    year: z.number().int(),
    dueOn: z.string(),
    status: z.enum(["open", "closed"]),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    counts: z.object({
      enterprises: z.number().int(),
      filed: z.number().int(),
      incomplete: z.number().int(),
      unfiled: z.number().int(),
    }),
  })
  .openapi("ReportWindow");

export const CompletionRowJson = z
  .object({
    enterpriseId: z.string(),
    name: z.string(),
    uscc: z.string().nullable(),
    status: z.enum(FILING_STATUSES),
    missing: z.array(z.string()).openapi({ description: "The report's fields still blank, in Chinese" }),
    updatedAt: z.string().nullable(),
    lastChasedOn: z.string().nullable().openapi({ description: "YYYY-MM-DD (Asia/Shanghai) of the last chase" }),
    chasedToday: z.boolean(),
  })
  .openapi("ReportCompletionRow");

export const CompletionJson = z
  .object({
    window: WindowJson,
    total: z.number().int().openapi({ description: "Rows matching the filter" }),
    page: z.number().int(),
    pageSize: z.number().int(),
    enterprises: z.array(CompletionRowJson),
  })
  .openapi("ReportCompletion");

export const ChaseResultJson = z
  .object({ chased: z.number().int().openapi({ description: "Enterprises whose members were told" }) })
  .openapi("ReportChaseResult");
