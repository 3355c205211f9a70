/**
 * The period a statistics request covers: a calendar year or one of its quarters, in Asia/Shanghai
 * (UTC+8 all year), as dates people read and as the epoch-ms bounds the queries compare with.
 */
import { z } from "@hono/zod-openapi";

export interface StatisticsPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
  /** Midnight in Shanghai starting `from`, epoch ms (inclusive). */
  fromMs: number;
  /** Midnight in Shanghai after `to`, epoch ms (exclusive). */
  toMs: number;
  /** The months of the period, YYYY-MM, in order. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");
const midnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

export function periodOf(year: number, quarter: number | null): StatisticsPeriod {
  const first = quarter ? (quarter - 1) * 3 + 1 : 1;
  const count = quarter ? 3 : 12;
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}`);
  const after = first + count > 12 ? `${year + 1}-01-01` : `${year}-${pad(first + count)}-01`;
  const toMs = midnight(after);
  return {
    year,
    quarter: (quarter as StatisticsPeriod["quarter"]) ?? null,
    from: `${months[0]}-01`,
    to: new Date(toMs - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
    fromMs: midnight(`${months[0]}-01`),
    toMs,
    months,
  };
}

const YEAR_MESSAGE = "年份须为 2000 至 2100 之间的四位数字,例如 2026";

/** The query both the page and the API take; the page's selector sends `quarter=` empty for the whole year. */
export const StatisticsQuery = z.object({
  year: z.coerce
    .number({ error: YEAR_MESSAGE })
    .int(YEAR_MESSAGE)
    .min(2000, YEAR_MESSAGE)
    .max(2100, YEAR_MESSAGE)
    .optional()
    .openapi({
      param: { name: "year", in: "query" },
      example: 2026,
      description: "The year (Asia/Shanghai); default this year",
    }),
  quarter: z
    .enum(["", "1", "2", "3", "4"], "季度只能是 1、2、3、4(或留空表示全年)")
    .optional()
    .transform((q) => (q ? Number(q) : null))
    .openapi({ param: { name: "quarter", in: "query" }, description: "1–4: that quarter only; empty: the whole year" }),
  format: z
    .enum(["json", "xlsx"], "格式只能是 json 或 xlsx")
    .optional()
    .openapi({ param: { name: "format", in: "query" }, description: "xlsx: the same figures as an Excel workbook" }),
});
