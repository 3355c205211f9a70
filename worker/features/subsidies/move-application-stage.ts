/**
 * A zone admin moves an application out of a stage the zone has removed into one of
 * today's stages (audited, on the timeline). Only such an application moves: the
 * review flow moves every other one. Into 公示 it starts the notice period today; into
 * 公示 or 拨付 it needs an amount already set, as passing a review would.
 */
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { subsidyApplications, type SubsidyApplicationRow, zoneSettingsVersions } from "../../db/schema";
import { calendarOf, shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { lastOfWorkingDays } from "../../lib/working-days";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf } from "../../middleware/zone-settings";
import { dueOnFor, readableWithMembers } from "./context";
import { inRemovedStage } from "./removed-stage";
import { transition } from "./transition";

export const MoveStageInput = z.strictObject({
  stage: z.string().min(1, "请选择要移至的环节").max(31, "请选择要移至的环节"),
  /** The revision the admin read; a newer one means someone acted meanwhile. */
  revision: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type MoveStageInput = z.infer<typeof MoveStageInput>;

export async function moveApplicationStage(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: MoveStageInput,
): Promise<SubsidyApplicationRow> {
  const { zone, now, actor } = ctx;
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以移动申报所在的环节。");
  // One round trip: the application and the name its (removed) stage had in the newest settings version naming it.
  const { app, also } = await readableWithMembers(ctx, id, storedStageName(ctx, id));
  if (!inRemovedStage(zone, app))
    throw new AppError("conflict", "这份申报所在的环节仍在审核流程中,按正常流程办理即可,无需移动。");
  if (input.revision !== undefined && input.revision !== app.revision)
    throw new AppError("conflict", "这份申报刚被他人处理过,请刷新后再操作。");
  const target = zone.subsidy.stages.find((s) => s.key === input.stage);
  if (!target) throw new AppError("validation_failed", "请选择审核流程中现有的环节。", { stage: "请选择现有的环节" });
  if (target.kind !== "review" && app.amountFen === null)
    throw new AppError("validation_failed", `核定金额尚未确定,不能直接移至${target.zh};请先移至审核环节。`, {
      stage: "请选择审核环节",
    });
  const from = also[0][0]?.zh ?? codeZoneOf(zone).subsidy.stages.find((s) => s.key === app.stage)?.zh ?? app.stage!;
  const today = shanghaiDate(now);
  const publicity = app.status === "in_review" && target.kind === "publicity";
  const publicityTo = publicity ? lastOfWorkingDays(today, zone.subsidy.noticeWorkingDays, calendarOf(zone)) : null;
  return transition(ctx, app, {
    set: {
      stage: target.key,
      // A returned application keeps its correction date; it comes back to the new stage when resubmitted.
      ...(app.status === "in_review"
        ? {
            stageEnteredAt: now.getTime(),
            dueOn: publicityTo ?? dueOnFor(zone, target, today),
            ...(publicity ? { publicityFrom: today, publicityTo } : {}),
          }
        : {}),
    },
    event: {
      action: "stage_moved",
      stage: app.stage,
      toStage: target.key,
      note: `环节「${from}」已从审核流程中删除,由园区管理员移至「${target.zh}」。`,
    },
    actor,
  });
}

/**
 * The stage's name in the newest stored settings version that names it (as ../zone-settings/stage-names.ts
 * ranks them: today's stages cannot name a removed one; the code's come after the stored versions), as a
 * query for the application's read batch.
 */
function storedStageName({ db }: Pick<RequestCtx, "db">, id: string) {
  const stageOfApp = db
    .select({ v: subsidyApplications.stage })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.id, id));
  return db
    .select({ zh: sql<string>`json_extract(s.value, '$.zh')` })
    .from(sql`${zoneSettingsVersions}, json_each(${zoneSettingsVersions.data}, '$.subsidy.stages') as s`)
    .where(sql`json_valid(${zoneSettingsVersions.data}) and json_extract(s.value, '$.key') = (${stageOfApp})`)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(1);
}
