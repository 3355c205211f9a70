/**
 * Applications left in a stage the zone has removed from its review flow (园区设置):
 * they stay where they are, the pages say so, review actions answer 409 with the same
 * sentence, and a zone admin moves them to an existing stage (./move-application-stage.ts).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { RequestCtx } from "../../middleware/request-ctx";
import { stageNames } from "../zone-settings/stage-names";

/** What staff read on the application, in the queue and in a refusal. */
export const removedStageSentence = (zh: string) => `该申报所在的环节「${zh}」已从审核流程中删除,请将其移至现有环节`;

/** In review or returned, at a stage key the zone's stages no longer have. */
export function inRemovedStage(zone: ZoneConfig, app: Pick<SubsidyApplicationRow, "status" | "stage">): boolean {
  return (
    (app.status === "in_review" || app.status === "returned") &&
    app.stage !== null &&
    !zone.subsidy.stages.some((s) => s.key === app.stage)
  );
}

/** The sentence for each application (by id) that sits in a removed stage, naming the stage. */
export async function removedStageNotes(
  ctx: Pick<RequestCtx, "db" | "zone">,
  apps: readonly Pick<SubsidyApplicationRow, "id" | "status" | "stage">[],
): Promise<Map<string, string>> {
  const stranded = apps.filter((a) => inRemovedStage(ctx.zone, a));
  if (stranded.length === 0) return new Map();
  const names = await stageNames(ctx, [...new Set(stranded.map((a) => a.stage!))]);
  return new Map(stranded.map((a) => [a.id, removedStageSentence(names.get(a.stage!) ?? a.stage!)]));
}

/** Refuses (409, with the sentence) an action on an application in a removed stage. */
export async function refuseIfRemovedStage(
  ctx: Pick<RequestCtx, "db" | "zone">,
  app: Pick<SubsidyApplicationRow, "id" | "status" | "stage">,
): Promise<void> {
  const note = (await removedStageNotes(ctx, [app])).get(app.id);
  if (note) throw new AppError("conflict", `${note}。`);
}
