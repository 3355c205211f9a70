/**
 * Queued jobs run in bounded chunks over several scheduled runs, against a real libSQL file
 * database: progress is visible between runs, a chunk that fails or a runner that dies resumes
 * from the last committed chunk without sending anything twice, and two runners at once never
 * work the same job.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { migrations } from "../../../migrations/bundle";
import { migrateTenant } from "../../db/migrate";
import { openTenantDb, type TenantDb } from "../../db/open";
import { enterpriseQualifications, enterprises, jobs, outbox, users } from "../../db/schema";
import { hitechPolicySet } from "../policies/hitech-test-set";
import { jobHandlers } from "../../scheduled/zone-job-kinds";
import { publishPolicyVersion } from "../policies/publish-policy-version";
import type { JobHandlers } from "./job-handler";
import { claimJob, LEASE_MS, MAX_ATTEMPTS, RETRY_AFTER_MS, runZoneJobs } from "./run-zone-jobs";

const NOW = new Date("2026-06-30T02:00:00Z");
const ENTERPRISES = 45;
const origin = "https://zibo.example.cn";

const policySet = hitechPolicySet("zibo-hitech-jobs-test", "分批测试", "分批测试");

/** A zone database file (two runners need two connections) with ENTERPRISES 高企, one member each. */
async function zoneWithEnterprises() {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "yq-jobs-")), "zibo.db")}`;
  const client = createClient({ url });
  await migrateTenant(client, migrations);
  const db = openTenantDb(client);
  const t = NOW.getTime();
  const ids = Array.from({ length: ENTERPRISES }, (_, i) => `ent-${String(i).padStart(3, "0")}`);
  await db.insert(enterprises).values(ids.map((id) => ({ id, name: `分批企业${id}`, createdAt: t })));
  await db.insert(users).values(
    ids.map((id) => ({
      id: `u-${id}`,
      email: `${id}@jobs.test`,
      name: id,
      role: "enterprise" as const,
      enterpriseId: id,
      passwordHash: "x",
      passwordChangedAt: t,
      createdAt: t,
      updatedAt: t,
    })),
  );
  await db
    .insert(enterpriseQualifications)
    .values(
      ids.map((id) => ({ id: `q-${id}`, enterpriseId: id, code: "hnte", status: "verified" as const, createdAt: t })),
    );
  const ctx = { db, zone, now: NOW, ip: "203.0.113.1", actor: { id: "u-admin", email: "admin@jobs.test" }, origin };
  const published = await publishPolicyVersion(ctx, policySet, { baseVersion: null });
  return { url, db, jobId: published.job!.id };
}

const run = (db: TenantDb, at: Date, handlers: JobHandlers = jobHandlers) =>
  runZoneJobs({ db, zone, origin, clock: () => at, handlers, chunkSize: 10, maxChunks: 2 });
const jobOf = async (db: TenantDb, id: number) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const notices = (db: TenantDb) => db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"));
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("queued jobs", () => {
  it("work through the zone a bounded chunk at a time, with progress visible between runs", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    expect(await jobOf(db, jobId)).toMatchObject({ status: "queued", done: 0, total: ENTERPRISES, messages: 0 });

    expect(await run(db, NOW)).toEqual({ chunks: 2, finished: 0, failed: 0 });
    expect(await jobOf(db, jobId)).toMatchObject({
      status: "running",
      done: 20,
      messages: 20,
      cursor: "ent-019",
      leaseToken: null,
    });
    expect(await notices(db)).toHaveLength(20);

    await run(db, later(60_000));
    expect(await jobOf(db, jobId)).toMatchObject({ status: "running", done: 40, messages: 40 });
    expect(await run(db, later(120_000))).toEqual({ chunks: 1, finished: 1, failed: 0 });
    expect(await jobOf(db, jobId)).toMatchObject({
      status: "done",
      done: ENTERPRISES,
      total: ENTERPRISES,
      messages: ENTERPRISES,
      finishedAt: later(120_000).getTime(),
    });
    const sent = await notices(db);
    expect(new Set(sent.map((m) => m.recipient)).size).toBe(ENTERPRISES);
    expect(sent[0]!.body).toContain("高新技术企业认定奖励(分批测试)(第十五条):预计20万元");
    // Done is done: a later run finds nothing to do.
    expect(await run(db, later(180_000))).toEqual({ chunks: 0, finished: 0, failed: 0 });
  });

  it("tell only the enterprises and members there were at publishing, as when it was done in the request", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    const t = NOW.getTime() + 1;
    await db.insert(enterprises).values({ id: "ent-late", name: "发布后入驻的企业", createdAt: t });
    await db.insert(enterpriseQualifications).values({
      id: "q-late",
      enterpriseId: "ent-late",
      code: "hnte",
      status: "verified",
      createdAt: t,
    });
    const member = { name: "新成员", role: "enterprise" as const, passwordHash: "x", passwordChangedAt: t };
    await db.insert(users).values([
      { ...member, id: "u-late", email: "late@jobs.test", enterpriseId: "ent-late", createdAt: t, updatedAt: t },
      { ...member, id: "u-new", email: "new-member@jobs.test", enterpriseId: "ent-000", createdAt: t, updatedAt: t },
    ]);
    for (let i = 0; i < 3; i++) await run(db, later(i * 60_000));
    expect(await jobOf(db, jobId)).toMatchObject({ status: "done", done: ENTERPRISES, messages: ENTERPRISES });
    const to = (await notices(db)).map((m) => m.recipient);
    expect(to).not.toContain("late@jobs.test");
    expect(to).not.toContain("new-member@jobs.test");
  });

  it("record a chunk that fails and resume after the last committed chunk, sending nothing twice", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    let calls = 0;
    const crashing: JobHandlers = {
      ...jobHandlers,
      notify_newly_eligible: async (ctx, job, limit) => {
        const chunk = await jobHandlers.notify_newly_eligible(ctx, job, limit);
        // The third chunk's notices are computed, then the runner dies before committing them.
        if (++calls === 3) throw new Error("模拟中断");
        return chunk;
      },
    };
    expect(await run(db, NOW, crashing)).toEqual({ chunks: 2, finished: 0, failed: 0 });
    expect(await run(db, later(60_000), crashing)).toEqual({ chunks: 1, finished: 0, failed: 1 });
    expect(await jobOf(db, jobId)).toMatchObject({ status: "running", done: 20, messages: 20, error: "模拟中断" });
    expect(await notices(db)).toHaveLength(20);
    // Not retried in the same minute: the next run, a minute later, picks it up again.
    expect((await run(db, later(60_000 + RETRY_AFTER_MS - 1))).chunks).toBe(0);
    await run(db, later(60_000 + RETRY_AFTER_MS));
    await run(db, later(120_000 + RETRY_AFTER_MS));
    expect(await jobOf(db, jobId)).toMatchObject({ status: "done", done: ENTERPRISES, messages: ENTERPRISES });
    const sent = await notices(db);
    expect(sent).toHaveLength(ENTERPRISES);
    expect(new Set(sent.map((m) => m.recipient)).size).toBe(ENTERPRISES);
  });

  it("commit none of a chunk whose batch fails part-way: neither its notices nor its progress", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    const failingWrite: JobHandlers = {
      ...jobHandlers,
      notify_newly_eligible: async (ctx, job, limit) => {
        const chunk = await jobHandlers.notify_newly_eligible(ctx, job, limit);
        // After the chunk's ten notices, a write the database refuses (recipient is NOT NULL).
        const bad = { toSQL: () => ({ sql: 'insert into "outbox" ("channel") values (?)', params: ["email"] }) };
        return { ...chunk, writes: [...chunk.writes, bad] };
      },
    };
    expect(await run(db, NOW, failingWrite)).toMatchObject({ chunks: 1, failed: 1 });
    expect(await jobOf(db, jobId)).toMatchObject({ done: 0, messages: 0, cursor: null });
    expect((await jobOf(db, jobId)).error).toMatch(/NOT NULL/);
    expect(await notices(db)).toEqual([]);
    await run(db, later(RETRY_AFTER_MS));
    expect(await jobOf(db, jobId)).toMatchObject({ done: 20, messages: 20 });
    expect(await notices(db)).toHaveLength(20);
  });

  it("give a job up after repeated failures, saying why", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    const failing: JobHandlers = {
      ...jobHandlers,
      notify_newly_eligible: async () => {
        throw new Error("数据库不可用");
      },
    };
    for (let i = 0; i < MAX_ATTEMPTS; i++) await run(db, later(i * RETRY_AFTER_MS), failing);
    expect(await jobOf(db, jobId)).toMatchObject({ status: "failed", error: "数据库不可用", attempts: MAX_ATTEMPTS });
    expect((await run(db, later(10 * RETRY_AFTER_MS))).chunks).toBe(0);
  });

  it("wait out the lease of a runner that died holding a job, then resume where it left off", async () => {
    const { db, jobId } = await zoneWithEnterprises();
    await run(db, NOW);
    const dead = await claimJob(db, "dead-runner", later(60_000).getTime());
    expect(dead).toMatchObject({ id: jobId, leaseToken: "dead-runner" });
    expect((await run(db, later(60_000 + LEASE_MS - 1))).chunks).toBe(0);
    await run(db, later(60_000 + LEASE_MS));
    await run(db, later(120_000 + LEASE_MS));
    expect(await jobOf(db, jobId)).toMatchObject({ status: "done", done: ENTERPRISES });
    expect(await notices(db)).toHaveLength(ENTERPRISES);
  });

  it("never let two runners at once work the same job", async () => {
    const { url, db, jobId } = await zoneWithEnterprises();
    const other = openTenantDb(createClient({ url }));
    const both = await Promise.all([
      runZoneJobs({ db, zone, origin, clock: () => NOW, handlers: jobHandlers, chunkSize: 10, maxChunks: 10 }),
      runZoneJobs({ db: other, zone, origin, clock: () => NOW, handlers: jobHandlers, chunkSize: 10, maxChunks: 10 }),
    ]);
    // One claimed it and did all five chunks; the other found it leased and did nothing.
    expect(both.map((r) => r.chunks).sort()).toEqual([0, 5]);
    expect(await jobOf(db, jobId)).toMatchObject({ status: "done", done: ENTERPRISES, messages: ENTERPRISES });
    expect(await notices(db)).toHaveLength(ENTERPRISES);
  });
});
