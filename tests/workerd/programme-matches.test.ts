/**
 * 政策找企业 at a zone's size (issue 16): the staff page and API read one page of a stored list
 * that a background job computes (never evaluating every enterprise inside the request), say when
 * and under which version it was computed, and 重新计算 queues that job — once per programme
 * however often it is pressed. Every write here within ACTION waves, every read within SIGNED_IN.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { jobs, programmeMatchRuns } from "../../worker/db/schema";
import { call, dbFor } from "./auth-support";
import { storedMatch } from "./programme-matches-support";
import { roundTrips } from "./round-trip-support";
import { api, demo, enterpriseWithMember, host, ORIGIN, type Json, runScheduled, slug } from "./subsidies-support";

const SIGNED_IN = 2;
/** An action: the session, its checks' reads (the version in force), its one guarded write batch. */
const ACTION = 3;

/** Programmes only this file computes, so no other file's job is open for them. */
const ON_PAGE = "zibo-invention-patent";
const ON_API = "zibo-talent-startup";
const pagePath = (p: string) => `/admin/policies/programmes/${p}/matches`;
const apiPath = (p: string) => `/api/v1/admin/policy/programmes/${p}/matches`;

let reviewer = "";
let admin = "";
let member = "";
let enterprise = { id: "", name: "" };

beforeAll(async () => {
  const e = await enterpriseWithMember();
  enterprise = { id: e.id, name: e.name };
  member = e.member.cookie;
  [reviewer, admin] = await Promise.all([demo("reviewer"), demo("admin")]);
  // A database kept from an earlier run starts from "never computed" too.
  const db = dbFor(slug);
  await db.delete(programmeMatchRuns).where(inArray(programmeMatchRuns.programmeId, [ON_PAGE, ON_API]));
  await db.update(jobs).set({ status: "failed" }).where(eq(jobs.kind, "programme_matches"));
});

const page = (p: string, cookie: string, query = "") => call(host, "GET", `${pagePath(p)}${query}`, { cookie });
const refreshForm = (p: string, cookie: string) =>
  call(host, "POST", `${pagePath(p)}/refresh`, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: "",
  });

async function jobRow(id: number) {
  const [row] = await dbFor(slug).select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

async function runJob(id: number) {
  for (let i = 0; i < 20 && (await jobRow(id)).status !== "done"; i++) await runScheduled();
  expect((await jobRow(id)).status).toBe("done");
}

describe("the 政策找企业 page and its 重新计算 form", () => {
  let jobId = 0;

  it("says plainly that nothing was computed yet, offers 重新计算, and evaluates nothing", async () => {
    const res = await page(ON_PAGE, reviewer);
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(SIGNED_IN);
    const html = await res.text();
    expect(html).toContain("该项目的企业名单尚未计算");
    expect(html).toContain(`action="${pagePath(ON_PAGE)}/refresh"`);
    expect(html).toMatch(/符合 0 家/);
    expect(html).not.toContain(enterprise.name);
  });

  it("重新计算 queues one job for the programme, pinned to the version in force, within ACTION", async () => {
    const res = await refreshForm(ON_PAGE, reviewer);
    expect(res.status).toBe(303);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(ACTION);
    const location = res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${pagePath(ON_PAGE)}\\?queued=\\d+$`));
    jobId = Number(location.split("=")[1]);
    const job = await jobRow(jobId);
    expect(job).toMatchObject({ kind: "programme_matches", status: "queued", done: 0 });
    expect(JSON.parse(job.params)).toMatchObject({ programmeId: ON_PAGE, versionId: expect.any(Number) });
    expect(job.total).toBeGreaterThan(0);

    const after = await (await page(ON_PAGE, reviewer, `?queued=${jobId}`)).text();
    expect(after).toContain(`已加入计算队列(后台任务 ${jobId})`);
    expect(after).toContain("计算任务排队中:已测算 0 /");
    // A reviewer cannot open /admin/jobs: the progress is shown here instead, with no link.
    expect(after).not.toContain(`/admin/jobs/${jobId}`);
    expect(after).not.toContain(`action="${pagePath(ON_PAGE)}/refresh"`);
    expect(await (await page(ON_PAGE, admin)).text()).toContain(`href="/admin/jobs/${jobId}"`);
  });

  it("pressed again while that job is queued, says so and queues nothing more, within ACTION", async () => {
    const res = await refreshForm(ON_PAGE, admin);
    expect(res.status).toBe(303);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(ACTION);
    expect(res.headers.get("location")).toBe(`${pagePath(ON_PAGE)}?already=${jobId}`);
    const open = await dbFor(slug).select().from(jobs).where(eq(jobs.kind, "programme_matches"));
    expect(open.filter((j) => j.status === "queued" && JSON.parse(j.params).programmeId === ON_PAGE)).toHaveLength(1);
    const html = await (await page(ON_PAGE, admin, `?already=${jobId}`)).text();
    expect(html).toContain(`该项目的名单已在计算中(后台任务 ${jobId}),无需重复提交`);
  });

  it("after the job has run, lists the enterprises with when and under which version", async () => {
    await runJob(jobId);
    const [run] = await dbFor(slug)
      .select()
      .from(programmeMatchRuns)
      .where(eq(programmeMatchRuns.programmeId, ON_PAGE));
    expect(run).toMatchObject({ jobId });
    const res = await page(ON_PAGE, reviewer);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(SIGNED_IN);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`名单计算于 [^<]+,按第 ${run!.versionId} 版政策`));
    expect(html).not.toContain("名单可能已过时");
    expect(html).toContain(`action="${pagePath(ON_PAGE)}/refresh"`);
    expect(await storedMatch(ON_PAGE, enterprise.id)).toMatchObject({ name: enterprise.name });
    // The zone admin follows the job at /admin/jobs like the 免申即享 one.
    const jobPage = await (await call(host, "GET", `/admin/jobs/${jobId}`, { cookie: admin })).text();
    expect(jobPage).toContain(`政策找企业:计算项目 ${ON_PAGE} 的企业名单`);
    expect(jobPage).toContain("已完成");
    expect(jobPage).toContain(`href="${pagePath(ON_PAGE)}"`);
  });

  it("says so next to the date when the list was computed under an older version", async () => {
    await dbFor(slug)
      .update(programmeMatchRuns)
      .set({ versionId: 0 })
      .where(eq(programmeMatchRuns.programmeId, ON_PAGE));
    const html = await (await page(ON_PAGE, reviewer)).text();
    expect(html).toMatch(/按第 0 版政策。<strong>现行政策已是第 \d+ 版,名单可能已过时,请重新计算。/);
  });

  it("is refused to an enterprise member, and 404s an unknown programme", async () => {
    expect((await refreshForm(ON_PAGE, member)).status).toBe(403);
    expect((await refreshForm("zibo-nope", reviewer)).status).toBe(404);
  });
});

describe("the 政策找企业 API reads the stored list a page at a time", () => {
  let jobId = 0;

  it("POST …/matches/refresh queues the job (202), then answers the open one (200), each within ACTION", async () => {
    const first = await call(host, "POST", `${apiPath(ON_API)}/refresh`, { cookie: reviewer });
    expect(first.status).toBe(202);
    expect(roundTrips(first).waves).toBeLessThanOrEqual(ACTION);
    const body = (await first.json()) as Json;
    expect(body).toMatchObject({ queued: true, job: { status: "queued", done: 0 } });
    jobId = body.job.id;
    expect((await jobRow(jobId)).kind).toBe("programme_matches");

    const again = await call(host, "POST", `${apiPath(ON_API)}/refresh`, { cookie: admin });
    expect(again.status).toBe(200);
    expect(roundTrips(again).waves).toBeLessThanOrEqual(ACTION);
    expect(await again.json()).toMatchObject({ queued: false, job: { id: jobId } });
  });

  it("before the job has run: no list, the job's progress, and computedAt null", async () => {
    const res = await api("GET", apiPath(ON_API), { cookie: reviewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ computedAt: null, total: 0, enterprises: [], job: { id: jobId } });
  });

  it("pages with ?after= and ?limit=, the counts and total of the whole list beside it, within SIGNED_IN", async () => {
    await runJob(jobId);
    const res = await call(host, "GET", `${apiPath(ON_API)}?limit=2`, { cookie: reviewer });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(SIGNED_IN);
    const first = (await res.json()) as Json;
    expect(first.job).toBeNull();
    expect(Date.parse(first.computedAt)).toBeGreaterThan(Date.now() - 600_000);
    expect(first.computedVersion).toBe(first.version.id);
    const counts = first.counts as Record<string, number>;
    expect(first.total).toBe(counts.eligible! + counts.confirm! + counts.unknown! + counts.ineligible!);
    expect(first.total).toBeGreaterThan(2);
    expect(first.enterprises).toHaveLength(2);
    expect(first.enterprises[0]).toMatchObject({ id: expect.any(String), tier: expect.any(String) });
    expect(first.enterprises[0].result.policyVersion).toBe(first.version.id);
    const second = await api("GET", `${apiPath(ON_API)}?limit=2&after=${first.nextCursor}`, { cookie: reviewer });
    expect(second.status).toBe(200);
    const ids = (b: Json) => (b.enterprises as Json[]).map((e) => e.id as string);
    expect(ids(second.body)).toHaveLength(2);
    expect(ids(second.body).some((id) => ids(first).includes(id))).toBe(false);
    // Qualifying first: no page's tier ranks before the previous page's last.
    const rank = ["eligible", "confirm", "unknown", "ineligible"];
    expect(rank.indexOf(second.body.enterprises[0].tier)).toBeGreaterThanOrEqual(
      rank.indexOf(first.enterprises[1].tier),
    );
    expect(await storedMatch(ON_API, enterprise.id)).toMatchObject({ name: enterprise.name });
  });

  it("refuses a limit over 200 and a malformed cursor with 422", async () => {
    expect((await api("GET", `${apiPath(ON_API)}?limit=201`, { cookie: reviewer })).status).toBe(422);
    const bad = await api("GET", `${apiPath(ON_API)}?after=bm9wZQ`, { cookie: reviewer });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe("翻页参数有误,请回到第一页。");
  });

  it("queues one job when two staff press together", async () => {
    const [a, b] = await Promise.all([
      api("POST", `${apiPath(ON_API)}/refresh`, { cookie: reviewer }),
      api("POST", `${apiPath(ON_API)}/refresh`, { cookie: admin }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    expect(a.body.job.id).toBe(b.body.job.id);
    await runJob(a.body.job.id as number);
  });

  it("refuses members (403) and unknown programmes (404)", async () => {
    expect((await api("POST", `${apiPath(ON_API)}/refresh`, { cookie: member })).status).toBe(403);
    expect((await api("POST", `${apiPath("zibo-nope")}/refresh`, { cookie: reviewer })).status).toBe(404);
  });
});
