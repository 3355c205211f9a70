/**
 * A zone admin adds an indicator or edits one's definition (name, unit, direction, baseline,
 * targets by year, where its value comes from). The code is fixed once created: links and
 * imports name it. Each change is audited with what it was before.
 *
 * Round trips: one read (the code's or the id's row), one write batch whose first statement is
 * guarded (insert only while the code is free; update only while the row is as read), with the
 * audit row chained on it — a concurrent change makes it match nothing, and the caller gets 409.
 */
import { and, eq, notExists } from "drizzle-orm";
import { insertWhere, onlyIfChanged } from "../../db/only-if-changed";
import { indicators, type IndicatorRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import type { IndicatorCreate, IndicatorPatch } from "./schemas";
import { INDICATOR_NOT_FOUND } from "./set-indicator-value";

type Ctx = Pick<RequestCtx<Actor>, "db" | "actor" | "now" | "ip">;

const CHANGED_MEANWHILE = "这个指标刚被其他人修改过,请刷新页面后再改。";

function adminOnly(actor: Actor) {
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以设置指标。");
}

const targetsJson = (ts: { year: number; value: number }[]) =>
  JSON.stringify(Object.fromEntries([...ts].sort((a, b) => a.year - b.year).map((t) => [String(t.year), t.value])));

function checkTargets(baselineYear: number, ts: { year: number }[]) {
  const early = ts.find((t) => t.year <= baselineYear);
  if (early)
    throw new AppError("validation_failed", `目标年份须晚于基期(${baselineYear}年)。`, {
      targets: `${early.year}年早于或等于基期`,
    });
}

export async function createIndicator(ctx: Ctx, input: IndicatorCreate): Promise<IndicatorRow> {
  const { db, actor, now } = ctx;
  adminOnly(actor);
  checkTargets(input.baselineYear, input.targets);
  const [taken] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, input.code));
  const codeTaken = () =>
    new AppError("conflict", `代码“${input.code}”已被另一个指标使用,请换一个。`, { code: "代码已被使用" });
  if (taken) throw codeTaken();
  const row: IndicatorRow = {
    id: newId(),
    code: input.code,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    baselineYear: input.baselineYear,
    baselineValue: input.baselineValue,
    targets: targetsJson(input.targets),
    source: input.source,
    sourceNote: input.sourceNote,
    sortOrder: input.sortOrder,
    active: input.active,
    updatedAt: now.getTime(),
    updatedBy: actor.email,
  };
  const free = notExists(db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, input.code)));
  const [inserted] = await db.batch([
    insertWhere(db, db.insert(indicators).values(row), free),
    onlyIfChanged(db, audit(ctx, "indicator.created", row, null)),
  ]);
  if (inserted.rowsAffected !== 1) throw codeTaken();
  return row;
}

export async function updateIndicator(ctx: Ctx, id: string, patch: IndicatorPatch): Promise<IndicatorRow> {
  const { db, actor, now } = ctx;
  adminOnly(actor);
  const [before] = await db.select().from(indicators).where(eq(indicators.id, id));
  if (!before) throw new AppError("not_found", INDICATOR_NOT_FOUND);
  const { targets, ...rest } = patch;
  const next: IndicatorRow = {
    ...before,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(targets ? { targets: targetsJson(targets) } : {}),
    updatedAt: Math.max(now.getTime(), before.updatedAt + 1),
    updatedBy: actor.email,
  };
  checkTargets(
    next.baselineYear,
    Object.keys(JSON.parse(next.targets) as object).map((y) => ({ year: Number(y) })),
  );
  const { id: _id, code: _code, ...set } = next;
  const [updated] = await db.batch([
    db
      .update(indicators)
      .set(set)
      .where(and(eq(indicators.id, id), eq(indicators.updatedAt, before.updatedAt)))
      .returning({ id: indicators.id }),
    onlyIfChanged(db, audit(ctx, "indicator.updated", next, before)),
  ]);
  if (updated.length !== 1) throw new AppError("conflict", CHANGED_MEANWHILE);
  return next;
}

function audit(ctx: Ctx, action: string, row: IndicatorRow, before: IndicatorRow | null) {
  const summary = (r: IndicatorRow) =>
    `${r.name}(${r.unit});${r.direction === "higher" ? "越高越好" : "越低越好"};` +
    `基期${r.baselineYear}年${r.baselineValue ?? "—"};目标${r.targets};${r.source}`;
  return auditInsert(
    ctx.db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action,
      target: `indicator:${row.code}`,
      result: "ok",
      ip: ctx.ip,
      detail: { before: before ? summary(before) : null, after: summary(row), active: row.active },
    },
    ctx.now,
  );
}
