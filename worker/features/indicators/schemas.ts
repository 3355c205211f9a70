/**
 * What an indicator and an entered actual may be, checked at every boundary (API bodies, form
 * posts, the stored targets JSON). Every number is bounded: an indicator is a statistic (a share,
 * a count, 元), never more than a trillion, and years are this century's.
 */
import { z } from "@hono/zod-openapi";
import { textField } from "../../lib/text";
import { METRIC_NAMES } from "./metrics";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_ABS = 1e12;
/** Target years per indicator: a plan sets a few (2020, 2025, 2035). */
export const MAX_TARGETS = 10;

export const Year = z.coerce
  .number({ error: "年份须为数字" })
  .int("年份须为整数")
  .min(MIN_YEAR, `年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间`)
  .max(MAX_YEAR, `年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间`)
  .openapi({ type: "integer", minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2019 });

export const Figure = z
  .number({ error: "请填写数值" })
  .finite("请填写数值")
  .min(-MAX_ABS, "数值超出范围")
  .max(MAX_ABS, "数值超出范围")
  .openapi({ minimum: -MAX_ABS, maximum: MAX_ABS, example: 2.68 });

export const SOURCES = ["entered", ...METRIC_NAMES.map((m) => `computed:${m}` as const)] as const;
export type IndicatorSource = (typeof SOURCES)[number];

export const Target = z.object({ year: Year, value: Figure });

/** Targets by year, as stored (`{ "2020": 220 }`): read back through this, never trusted as is. */
export const StoredTargets = z.record(z.string().regex(/^\d{4}$/), z.number().finite()).catch({});

export const IndicatorValueBody = z
  .object({
    value: Figure,
    note: textField({ label: "数据出处", max: 200, min: 1 }).openapi({
      description: "Where the figure comes from (统计公报, 部门报送, …)",
      example: "2019年东营市国民经济和社会发展统计公报",
    }),
  })
  .openapi("IndicatorValueInput");

const targetsField = z
  .array(Target)
  .max(MAX_TARGETS, `目标最多 ${MAX_TARGETS} 个年份`)
  .refine((ts) => new Set(ts.map((t) => t.year)).size === ts.length, "同一年份的目标只能有一个")
  .openapi({ maxItems: MAX_TARGETS });

const definition = {
  name: textField({ label: "指标名称", max: 60, min: 1 }),
  unit: textField({ label: "单位", max: 20, min: 1 }).openapi({ example: "家" }),
  direction: z.enum(["higher", "lower"], "请选择“越高越好”或“越低越好”"),
  baselineYear: Year,
  baselineValue: Figure.nullable(),
  targets: targetsField,
  source: z.enum(SOURCES, "请选择数据来源"),
  sourceNote: textField({ label: "指标出处", max: 500, multiline: true }).default(""),
  sortOrder: z.number().int().min(0).max(9999).default(0).openapi({ minimum: 0, maximum: 9999 }),
  active: z.boolean().default(true),
};

export const IndicatorCreateBody = z
  .object({
    code: z
      .string()
      .max(41)
      .regex(/^[a-z][a-z0-9-]{1,40}$/, "代码只能用小写字母、数字和连字符,以字母开头")
      .openapi({ maxLength: 41, example: "high-tech-enterprises" }),
    ...definition,
  })
  .openapi("IndicatorInput");

export const IndicatorPatchBody = z.object(definition).partial().openapi("IndicatorPatch");

export type IndicatorCreate = z.output<typeof IndicatorCreateBody>;
export type IndicatorPatch = z.output<typeof IndicatorPatchBody>;

export const IdParam = z
  .string()
  .regex(/^[a-z0-9]{26}$/)
  .openapi({ maxLength: 26 });
