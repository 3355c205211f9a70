/**
 * The "programme_matches" job computes a programme's 政策找企业 list a bounded chunk at a time:
 * the list being shown stays whole while a recompute runs, switches to the new rows only when its
 * last chunk commits, and the older rows go then — an enterprise that left is no longer listed.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { wan } from "../../../tenants/policy";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterprises, jobs, programmeMatches } from "../../db/schema";
import { hitechPolicySet } from "../policies/hitech-test-set";
import { jobHandlers } from "../../scheduled/zone-job-kinds";
import { listProgrammeMatches } from "../policies/list-programme-matches";
import { publishPolicyVersion } from "../policies/publish-policy-version";
import { queueProgrammeMatches } from "../policies/queue-programme-matches";
import { runZoneJobs } from "./run-zone-jobs";

const NOW = new Date("2026-06-30T02:00:00Z");
const ENTERPRISES = 25;
const PROGRAMME = "zibo-hitech-matches-test";
const policySet = hitechPolicySet(PROGRAMME, "名单测试", "名单测试");

/** ENTERPRISES enterprises, the even-numbered ones 高企 (eligible), the others not. */
async function zone25() {
  const { db } = await openMemoryTenantDb();
  const t = NOW.getTime();
  const ids = Array.from({ length: ENTERPRISES }, (_, i) => `ent-${String(i).padStart(3, "0")}`);
  await db.insert(enterprises).values(ids.map((id) => ({ id, name: `名单企业${id}`, createdAt: t })));
  await db
    .insert(enterpriseQualifications)
    .values(
      ids
        .filter((_, i) => i % 2 === 0)
        .map((id) => ({ id: `q-${id}`, enterpriseId: id, code: "hnte", status: "verified" as const, createdAt: t })),
    );
  const actor = {
    id: "u-admin",
    email: "admin@jobs.test",
    role: "zone_admin" as const,
    enterpriseId: null,
    bankId: null,
  };
  const ctx = { db, zone, now: NOW, ip: "203.0.113.1", actor, origin: "https://zibo.example.cn" };
  await publishPolicyVersion(ctx, policySet, { baseVersion: null });
  // The 免申即享 job publishing queued is not this test's: out of the way.
  await db.update(jobs).set({ status: "done" }).where(eq(jobs.kind, "notify_newly_eligible"));
  return { db, ctx };
}

const run = (db: TenantDb) =>
  runZoneJobs({ db, zone, origin: "o", clock: () => NOW, handlers: jobHandlers, chunkSize: 10, maxChunks: 1 });
const list = (db: TenantDb) => listProgrammeMatches({ db, zone, now: NOW }, { programmeId: PROGRAMME, limit: 200 });

describe("the programme_matches job", () => {
  it("computes the list in chunks, shows it only once whole, and replaces it on a recompute", async () => {
    const { db, ctx } = await zone25();
    const first = await queueProgrammeMatches(ctx, PROGRAMME);
    expect(first).toMatchObject({ queued: true, job: { status: "queued", done: 0, total: ENTERPRISES } });

    await run(db);
    expect((await list(db)).run).toBeNull();
    expect((await list(db)).job).toMatchObject({ id: first.job.id, status: "running", done: 10 });
    await run(db);
    await run(db);
    const done = await list(db);
    expect(done.job).toBeNull();
    expect(done.run).toMatchObject({ jobId: first.job.id, versionId: 1, evaluatedOn: "2026-06-30" });
    expect(done.counts).toEqual({ eligible: 13, confirm: 0, unknown: 0, ineligible: 12 });
    expect(done.total).toBe(ENTERPRISES);
    expect(done.rows.slice(0, 13).every((r) => r.tier === "eligible" && r.result.amountFen === wan(20))).toBe(true);
    expect(done.rows[0]!.enterprise).toEqual({ id: "ent-000", name: "名单企业ent-000" });

    // One leaves the zone; while the recompute runs, the old list is shown whole.
    await db.update(enterprises).set({ status: "suspended" }).where(eq(enterprises.id, "ent-000"));
    const second = await queueProgrammeMatches(ctx, PROGRAMME);
    expect(second.queued).toBe(true);
    expect(await queueProgrammeMatches(ctx, PROGRAMME)).toMatchObject({ queued: false, job: { id: second.job.id } });
    await run(db);
    expect((await list(db)).run?.jobId).toBe(first.job.id);
    expect((await list(db)).total).toBe(ENTERPRISES);
    await run(db);
    await run(db);
    const again = await list(db);
    expect(again.run?.jobId).toBe(second.job.id);
    expect(again.counts).toEqual({ eligible: 12, confirm: 0, unknown: 0, ineligible: 12 });
    expect(again.rows.map((r) => r.enterprise.id)).not.toContain("ent-000");
    // The first job's rows are gone: the table holds one list.
    expect(await db.select().from(programmeMatches)).toHaveLength(ENTERPRISES - 1);
  });

  it("pages the stored list by tier, then name, then id", async () => {
    const { db, ctx } = await zone25();
    await queueProgrammeMatches(ctx, PROGRAMME);
    for (let i = 0; i < 3; i++) await run(db);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listProgrammeMatches({ db, zone, now: NOW }, { programmeId: PROGRAMME, after, limit: 7 });
      expect(page.total).toBe(ENTERPRISES);
      seen.push(...page.rows.map((r) => r.enterprise.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    const even = (id: string) => Number(id.slice(4)) % 2 === 0;
    const ids = Array.from({ length: ENTERPRISES }, (_, i) => `ent-${String(i).padStart(3, "0")}`);
    expect(seen).toEqual([...ids.filter(even), ...ids.filter((id) => !even(id))]);
  });
});
