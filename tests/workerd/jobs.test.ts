/**
 * Publishing a policy version answers at once with the 免申即享 job it queued; the scheduled run
 * works the job off; the zone admin follows its progress through /api/v1/admin/jobs and the
 * /admin/jobs pages (and nobody else may). On a zone of this file's own, provisioned here, whose
 * enterprises are this file's: the notices it counts are its alone.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { openTenantDb } from "../../worker/db/open";
import { enterpriseQualifications, enterprises, jobs, outbox, users } from "../../worker/db/schema";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { loadZone } from "../../worker/middleware/zone-settings";
import { runQueuedJobsJob } from "../../worker/scheduled/run-queued-jobs";
import { dbFor, freshIp, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import type { Json } from "./subsidies-support";

const SLUG = "wdjobs";
const HOST = `${SLUG}.localhost`;
const deps = workerDeps(env as WorkerEnv);
const app = createApp(deps);
const db = () => dbFor(SLUG);
const T = Date.now();
const MEMBERS = ["jobs-a@wdjobs.test", "jobs-b@wdjobs.test", "jobs-c@wdjobs.test"];

function req(method: string, path: string, cookie?: string, data?: unknown) {
  const headers = new Headers({ "cf-connecting-ip": freshIp(), origin: `http://${HOST}:8787` });
  if (cookie) headers.set("cookie", cookie);
  if (data !== undefined) headers.set("content-type", "application/json");
  const body = data === undefined ? undefined : JSON.stringify(data);
  return app.request(`http://${HOST}${path}`, { method, headers, body, redirect: "manual" });
}

async function signIn(role: "zone_admin" | "reviewer") {
  const u = await makeUser(SLUG, role);
  const res = await req("POST", "/api/v1/auth/login", undefined, { email: u.email, password: u.password });
  return sessionCookie(res);
}

/** The scheduled step on this zone alone, as run-scheduled.ts runs it. */
async function runJobs() {
  const tenant = (await deps.directory.get(SLUG))!;
  const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
  const zone = await loadZone(deps.directory.baseZone(tenant), () => zoneDb);
  await runQueuedJobsJob({ deps, zone, db: zoneDb });
}

let admin = "";

beforeAll(async () => {
  await provisionTestZone(SLUG, { zh: "后台任务测试高新区", en: "Jobs Test Zone" }, "0535-7777777");
  // Provisioning published the template's version 1 before any enterprise joined: no job for it.
  expect(await db().select().from(jobs)).toEqual([]);
  // Three 高企, one member each: the next version's new programme is news to all three.
  for (const [i, email] of MEMBERS.entries()) {
    const id = `wdjobs-ent-${i}`;
    await db()
      .insert(enterprises)
      .values({ id, name: `任务测试企业${i}`, createdAt: T });
    await db()
      .insert(enterpriseQualifications)
      .values({ id: `wdjobs-q-${i}`, enterpriseId: id, code: "hnte", status: "verified", createdAt: T });
    await db()
      .insert(users)
      .values({
        id: `wdjobs-u-${i}`,
        email,
        name: `成员${i}`,
        role: "enterprise",
        enterpriseId: id,
        passwordHash: "x",
        passwordChangedAt: T,
        createdAt: T,
        updatedAt: T,
      });
  }
  admin = await signIn("zone_admin");
});

describe("queued jobs, seen by the zone admin", () => {
  it("publishing answers with the job; the scheduled run sends the notices; the admin sees the progress", async () => {
    const stored = (await (await req("GET", "/api/v1/admin/policy/versions/1", admin)).json()) as Json;
    const hitech = {
      id: "wdjobs-hitech",
      title: { zh: "高新技术企业认定奖励(任务测试)", en: "HNTE award (jobs test)" },
      document: "zibo-zichuang-2017",
      clause: "15",
      excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
      category: "qualification",
      applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
      amount: [{ kind: "fixed", label: "认定奖励", fen: 20_000_000 }],
    };
    const policySet = {
      ...stored.policySet,
      label: "新增高企奖励(任务测试)",
      programmes: [...stored.policySet.programmes, hitech],
      cases: [
        ...stored.policySet.cases,
        { name: "hnte: 20万", programme: hitech.id, expect: { eligible: true, amountFen: 20_000_000 } },
      ],
    };
    const published = await req("POST", "/api/v1/admin/policy/versions", admin, { policySet, baseVersion: 1 });
    expect(published.status).toBe(201);
    const body = (await published.json()) as Json;
    expect(body).toMatchObject({ version: { id: 2 }, notified: 0, job: { id: expect.any(Number) } });
    const jobId = body.job.id as number;
    // Nothing sent inside the request.
    expect(await db().select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"))).toEqual([]);

    const before = await req("GET", `/api/v1/admin/jobs/${jobId}`, admin);
    expect(before.status).toBe(200);
    expect(((await before.json()) as Json).job).toMatchObject({
      id: jobId,
      kind: "notify_newly_eligible",
      status: "queued",
      done: 0,
      total: MEMBERS.length,
      messages: 0,
      error: null,
      params: { versionId: 2, beforeVersionId: 1 },
    });
    expect(roundTrips(before).waves).toBeLessThanOrEqual(2);

    await runJobs();
    const sent = await db().select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"));
    expect(sent.map((m) => m.recipient).sort()).toEqual(MEMBERS);
    expect(sent[0]!.body).toContain("高新技术企业认定奖励(任务测试)");

    const after = (await (await req("GET", `/api/v1/admin/jobs/${jobId}`, admin)).json()) as Json;
    expect(after.job).toMatchObject({ status: "done", done: 3, total: 3, messages: 3, finishedAt: expect.any(String) });
    const [row] = await db().select().from(jobs).where(eq(jobs.id, jobId));
    expect(row).toMatchObject({ leaseToken: null, attempts: 0 });

    const list = await req("GET", "/api/v1/admin/jobs", admin);
    expect(list.status).toBe(200);
    const listed = (await list.json()) as Json;
    expect(listed).toMatchObject({ total: 1, nextCursor: null });
    expect(listed.jobs.map((j: Json) => j.id)).toEqual([jobId]);
    expect(roundTrips(list).waves).toBeLessThanOrEqual(2);

    const page = await req("GET", `/admin/jobs/${jobId}?published=2`, admin);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("第2版已发布");
    expect(html).toContain("已完成");
    expect(html).toContain("已处理 3 / 3 家企业");
    expect(html).toContain("3 封通知邮件");
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const listPage = await req("GET", "/admin/jobs", admin);
    expect(listPage.status).toBe(200);
    expect(await listPage.text()).toContain(`href="/admin/jobs/${jobId}"`);
    expect(roundTrips(listPage).waves).toBeLessThanOrEqual(2);
  });

  it("are for zone admins only, and a job of another number is a 404", async () => {
    expect((await req("GET", "/api/v1/admin/jobs/1")).status).toBe(401);
    const reviewer = await signIn("reviewer");
    expect((await req("GET", "/api/v1/admin/jobs/1", reviewer)).status).toBe(403);
    expect((await req("GET", "/api/v1/admin/jobs", reviewer)).status).toBe(403);
    expect((await req("GET", "/admin/jobs", reviewer)).status).toBe(403);
    const missing = await req("GET", "/api/v1/admin/jobs/999999", admin);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.message).toBe("没有这个后台任务。");
    expect((await req("GET", "/admin/jobs/999999", admin)).status).toBe(404);
    expect((await req("GET", "/api/v1/admin/jobs?after=abc", admin)).status).toBe(422);
  });
});
