/**
 * The indicator table for a year: each indicator's definition, its actual for the year (entered
 * by staff, or counted from the platform's records), the target that applies, progress toward
 * it, and its figures by year for the trend chart. Read in ONE batch: the definitions, every
 * entered value (a zone has tens of indicators × a handful of years) and the metric rows.
 */
import { asc } from "drizzle-orm";
import type { ActualView, IndicatorTable, IndicatorView } from "../../../web/pages/indicators/view-types";
import { indicators, indicatorValues, type IndicatorRow } from "../../db/schema";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { METRICS, metricOf, metricQueries, metricValue, type MetricRows } from "./metrics";
import { progressToward, targetFor } from "./progress";
import { StoredTargets } from "./schemas";

export type Actual = ActualView;
export type { IndicatorTable, IndicatorView };

const STAFF = new Set(["zone_admin", "reviewer"]);

export async function listIndicators(
  ctx: Pick<RequestCtx<Actor>, "db" | "actor" | "now">,
  opts: { year?: number | undefined } = {},
): Promise<IndicatorTable> {
  if (!STAFF.has(ctx.actor.role)) throw new AppError("forbidden", "指标与目标只对园区管理员和审核员开放。");
  const { db } = ctx;
  const [defs, values, qualifications, rdByYear, createdByYear] = await db.batch([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code)),
    db.select().from(indicatorValues),
    ...metricQueries(db),
  ]);
  const rows: MetricRows = { qualifications, rdByYear, createdByYear };
  const thisYear = Number(shanghaiDate(ctx.now).slice(0, 4));
  // Without a choice: the latest year anyone entered an actual for, else this year.
  const year = opts.year ?? values.reduce<number | null>((y, v) => Math.max(y ?? 0, v.year), null) ?? thisYear;
  const entered = new Map(values.map((v) => [`${v.indicatorId}:${v.year}`, v]));

  const view = (d: IndicatorRow): IndicatorView => {
    const targetMap = StoredTargets.parse(safeJson(d.targets));
    const targets = Object.entries(targetMap)
      .map(([y, value]) => ({ year: Number(y), value }))
      .sort((a, b) => a.year - b.year);
    const metric = metricOf(d.source);
    const actualIn = (y: number): Actual | null => {
      if (metric) {
        const value = metricValue(metric, y, rows);
        return value === null
          ? null
          : { year: y, value, origin: "computed", note: METRICS[metric].zh, enteredAt: null };
      }
      const v = entered.get(`${d.id}:${y}`);
      return v ? { year: y, value: v.value, origin: "entered", note: v.note, enteredAt: v.enteredAt } : null;
    };
    const actual = actualIn(year);
    const target = targetFor(targetMap, year);
    const last = Math.max(year, targets.at(-1)?.year ?? year);
    const byYear = [];
    for (let y = Math.min(d.baselineYear, year); y <= last && byYear.length < 40; y++)
      byYear.push({ year: y, value: y === d.baselineYear ? d.baselineValue : (actualIn(y)?.value ?? null) });
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      unit: d.unit,
      direction: d.direction,
      baseline: { year: d.baselineYear, value: d.baselineValue },
      targets,
      target,
      source: d.source,
      sourceNote: d.sourceNote,
      sortOrder: d.sortOrder,
      active: d.active,
      actual,
      progress: progressToward({
        direction: d.direction,
        baseline: d.baselineValue,
        target: target?.value ?? null,
        actual: actual?.value ?? null,
      }),
      behind: metric ? METRICS[metric].behind : null,
      entries: values
        .filter((v) => v.indicatorId === d.id)
        .sort((a, b) => b.year - a.year)
        .map(({ year: y, value, note, enteredBy, enteredAt }) => ({ year: y, value, note, enteredBy, enteredAt })),
      byYear,
    };
  };

  const years = new Set<number>([year, thisYear, ...values.map((v) => v.year)]);
  for (const d of defs) {
    years.add(d.baselineYear);
    for (const y of Object.keys(StoredTargets.parse(safeJson(d.targets)))) years.add(Number(y));
  }
  return { year, years: [...years].sort((a, b) => b - a), indicators: defs.map(view) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
