/**
 * A zone admin enters or corrects an indicator's actual for a year (PUT …/values/{year}, and the
 * page's form). One value per indicator and year: a correction overwrites it, and the audit log
 * keeps every version (before and after, who, the source note), as other staff edits do.
 * Computed indicators take no entry: their figure is counted from the records.
 *
 * Round trips: one read (the indicator and the value in force), one write batch (the upsert and
 * its audit row, chained so neither lands without the other).
 */
import { and, eq } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import { indicators, indicatorValues } from "../../db/schema";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { metricOf } from "./metrics";

export const INDICATOR_NOT_FOUND = "没有找到这个指标,可能已被删除或链接有误。";

export async function setIndicatorValue(
  ctx: Pick<RequestCtx<Actor>, "db" | "actor" | "now" | "ip">,
  input: { id: string; year: number; value: number; note: string },
) {
  const { db, actor, now } = ctx;
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以填报指标实际值。");
  const [[indicator], [before]] = await db.batch([
    db.select().from(indicators).where(eq(indicators.id, input.id)).limit(1),
    db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, input.id), eq(indicatorValues.year, input.year)))
      .limit(1),
  ]);
  if (!indicator) throw new AppError("not_found", INDICATOR_NOT_FOUND);
  if (metricOf(indicator.source))
    throw new AppError(
      "validation_failed",
      `“${indicator.name}”由平台记录自动统计,不能手工填报;如需改为填报,请先修改指标的数据来源。`,
      { value: "此指标自动统计,不能填报" },
    );
  if (input.year < indicator.baselineYear)
    throw new AppError("validation_failed", `实际值的年份不能早于基期(${indicator.baselineYear}年)。`, {
      year: `年份须不早于 ${indicator.baselineYear}`,
    });
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  if (input.year > thisYear)
    throw new AppError("validation_failed", `${input.year}年还没有到,不能填报它的实际值。`, {
      year: `年份须不晚于 ${thisYear}`,
    });
  const row = {
    indicatorId: input.id,
    year: input.year,
    value: input.value,
    note: input.note,
    enteredBy: actor.email,
    enteredAt: now.getTime(),
  };
  await db.batch([
    db
      .insert(indicatorValues)
      .values(row)
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.year],
        set: { value: row.value, note: row.note, enteredBy: row.enteredBy, enteredAt: row.enteredAt },
      }),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: before ? "indicator.value_corrected" : "indicator.value_entered",
          target: `indicator:${indicator.code}:${input.year}`,
          result: "ok",
          ip: ctx.ip,
          detail: {
            indicator: indicator.name,
            year: input.year,
            before: before?.value ?? null,
            beforeNote: before?.note ?? null,
            value: input.value,
            note: input.note,
          },
        },
        now,
      ),
    ),
  ]);
  return { ...row, created: !before };
}
