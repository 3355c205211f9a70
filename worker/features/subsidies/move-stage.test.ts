/**
 * Moving an application out of a removed stage names that stage as the zone last called it: the
 * newest stored settings version naming it, read in the same batch as the application.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subsidyApplications, subsidyEvents, zoneSettingsVersions } from "../../db/schema";
import { moveApplicationStage } from "./move-application-stage";
import { staffedWorld, submitted } from "./test-programmes";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in Shanghai

describe("moving out of a removed stage", () => {
  it("tells the timeline the stage's name from the newest settings version that had it", async () => {
    const { w, policy, member, admin } = await staffedWorld();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-02"),
    );
    const named = (zh: string) =>
      JSON.stringify({ subsidy: { stages: [{ key: "legacy-review", zh }, ...w.zone.subsidy.stages] } });
    const t = day("2026-06-02").getTime();
    // An older name, the newer one, then a version without that stage and one that does not parse.
    for (const data of [named("旧名称复审"), named("专家复审"), JSON.stringify({ subsidy: { stages: [] } }), "{"])
      await w.db.insert(zoneSettingsVersions).values({ data, changedAt: t });
    await w.db.update(subsidyApplications).set({ stage: "legacy-review" }).where(eq(subsidyApplications.id, app.id));

    const moved = await moveApplicationStage(w.ctxAt(day("2026-06-03"), admin), app.id, { stage: "second-review" });
    expect(moved.stage).toBe("second-review");
    const [event] = await w.db
      .select()
      .from(subsidyEvents)
      .where(and(eq(subsidyEvents.applicationId, app.id), eq(subsidyEvents.action, "stage_moved")));
    expect(event?.note).toBe("环节「专家复审」已从审核流程中删除,由园区管理员移至「复审」。");
  });
});
