/**
 * Database round trips (waves, db/round-trips.ts) per page and API of the enterprise,
 * onboarding, invitation, user and settings features, by role. A signed-in request spends
 * one wave before its handler (the session with its user and organisation, issue 16), so
 * every signed-in route's budget is 2: the handler reads in one batch. Anonymous pages
 * read in at most one. A route that adds a wave fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { enterprises, invitations, users } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { hashInvitationToken } from "../../worker/features/invitations/invitation-tokens";
import { call, dbFor, freshIp, makeUser } from "./auth-support";
import { applied } from "./onboarding-support";
import { roundTrips } from "./round-trip-support";
import { enterpriseWithMember, host, slug, staffUser } from "./subsidies-support";

type Who = "member" | "applicant" | "reviewer" | "admin" | "anonymous";
type Fixture = Record<Exclude<Who, "anonymous">, string> & {
  enterpriseId: string;
  applicationId: string;
  /** A live invitation's token, to this suite's enterprise. */
  token: string;
  /** The application's business licence. */
  materialId: string;
};

/** [who, path, budget in waves]; ":enterprise" and ":application" are this suite's own. */
const ROUTES: [Who, string, number][] = [
  ["member", "/enterprise", 2],
  ["member", "/enterprise/figures", 2],
  ["member", "/enterprise/profile", 2],
  ["member", "/enterprise/qualifications/new", 2],
  ["member", "/api/v1/enterprise", 2],
  ["applicant", "/apply/status", 2],
  ["applicant", "/api/v1/onboarding/applications/:application", 2],
  ["reviewer", "/admin/onboarding", 2],
  ["reviewer", "/admin/onboarding?status=submitted", 2],
  ["reviewer", "/admin/onboarding/:application", 2],
  ["reviewer", "/api/v1/onboarding/applications", 2],
  ["reviewer", "/api/v1/onboarding/applications/:application", 2],
  ["reviewer", "/admin/enterprises", 2],
  ["reviewer", "/admin/enterprises?q=科技&qualification=hnte", 2],
  ["reviewer", "/admin/enterprises/:enterprise", 2],
  ["reviewer", "/api/v1/admin/enterprises", 2],
  ["reviewer", "/admin/qualifications", 2],
  ["reviewer", "/materials/:material", 2],
  ["applicant", "/materials/:material", 2],
  ["admin", "/admin/users", 2],
  ["admin", "/api/v1/admin/users", 2],
  ["admin", "/admin/settings", 2],
  ["admin", "/admin/settings/history", 2],
  ["admin", "/api/v1/admin/zone/settings", 2],
  ["admin", "/api/v1/admin/zone/settings/versions", 2],
  ["anonymous", "/apply", 1],
  ["anonymous", "/invite?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1],
  ["anonymous", "/invite?token=:token", 1],
];

let f: Fixture;

beforeAll(async () => {
  const [ent, app, reviewer, admin] = await Promise.all([
    enterpriseWithMember(),
    applied(),
    staffUser("reviewer"),
    staffUser("zone_admin"),
  ]);
  const token = `rt${crypto.randomUUID().replaceAll("-", "")}`;
  await dbFor(slug)
    .insert(invitations)
    .values({
      tokenHash: await hashInvitationToken(token),
      email: `invited-${token.slice(2, 10)}@${slug}.test`,
      role: "enterprise",
      enterpriseId: ent.id,
      invitedBy: ent.member.id,
      createdAt: Date.now(),
      expiresAt: Date.now() + 86_400_000,
    });
  const detail = await call(host, "GET", `/api/v1/onboarding/applications/${app.id}`, { cookie: reviewer.cookie });
  const { application } = (await detail.json()) as { application: { materials: { id: string }[] } };
  f = {
    token,
    materialId: application.materials[0]!.id,
    member: ent.member.cookie,
    enterpriseId: ent.id,
    applicant: app.cookie,
    applicationId: app.id,
    reviewer: reviewer.cookie,
    admin: admin.cookie,
  };
});

describe("round trips per route and role", () => {
  it.each(ROUTES)("%s GET %s stays within %i waves", async (who, template, budget) => {
    const path = template
      .replace(":enterprise", f.enterpriseId)
      .replace(":application", f.applicationId)
      .replace(":token", f.token)
      .replace(":material", f.materialId);
    const res = await call(host, "GET", path, { cookie: who === "anonymous" ? undefined : f[who], ip: freshIp() });
    expect(res.status, await res.clone().text()).toBeLessThan(500);
    const { waves } = roundTrips(res);
    expect(waves).toBeLessThanOrEqual(budget);
  });

  it("the invitation page with a live token names the enterprise in its one read", async () => {
    const res = await call(host, "GET", `/invite?token=${f.token}`, { ip: freshIp() });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("申报测试");
    expect(roundTrips(res).waves).toBe(1);
  });
});

/** Actions: the session (1), then the checks and writes; each budget is what the action needs. */
describe("round trips of actions", () => {
  const json = (body: unknown) => ({ body: JSON.stringify(body) });

  it("saving a year's figures by API: one read, one batch, and the answer without reading again", async () => {
    const year = new Date().getFullYear() - 1;
    const res = await call(host, "PUT", `/api/v1/enterprise/figures/${year}`, {
      cookie: f.member,
      ...json({ revenueFen: 123_456, employees: 9 }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { figures: { revenueFen: number } }).figures.revenueFen).toBe(123_456);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(3);
  });

  it("returning and approving an application: its reads in one batch, the decision in another", async () => {
    const returned = await applied();
    const ret = await call(host, "POST", `/api/v1/onboarding/applications/${returned.id}/return`, {
      cookie: f.reviewer,
      ...json({ comment: "请补充营业执照副本" }),
    });
    expect(ret.status, await ret.clone().text()).toBe(200);
    expect(roundTrips(ret).waves).toBeLessThanOrEqual(3);
    const approved = await applied();
    const ok = await call(host, "POST", `/api/v1/onboarding/applications/${approved.id}/approve`, {
      cookie: f.reviewer,
      ...json({}),
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    // + the applicant's sessions ended, so their next request sees the enterprise.
    expect(roundTrips(ok).waves).toBeLessThanOrEqual(4);
  });
});

describe("paging at real size", () => {
  type Json = Record<string, unknown> & { nextCursor: string | null; prevCursor: string | null; total: number };
  const get = async (cookie: string, path: string) => {
    const res = await call(host, "GET", path, { cookie, ip: freshIp() });
    return { status: res.status, body: (await res.json()) as Json, waves: roundTrips(res).waves };
  };

  it("the onboarding queue pages by cursor with the filter's total on each page", async () => {
    await applied();
    await applied();
    const one = await get(f.reviewer, "/api/v1/onboarding/applications?status=submitted&limit=1");
    expect(one.status).toBe(200);
    expect(one.body.applications).toHaveLength(1);
    expect(one.body.total).toBeGreaterThanOrEqual(2);
    expect(one.body.prevCursor).toBeNull();
    const two = await get(
      f.reviewer,
      `/api/v1/onboarding/applications?status=submitted&limit=1&after=${one.body.nextCursor}`,
    );
    expect(two.body.total).toBeGreaterThanOrEqual(2);
    expect((two.body.applications as { id: string }[])[0]!.id).not.toBe(
      (one.body.applications as { id: string }[])[0]!.id,
    );
    const back = await get(
      f.reviewer,
      `/api/v1/onboarding/applications?status=submitted&limit=1&before=${two.body.prevCursor}`,
    );
    expect(back.body.applications).toEqual(one.body.applications);
    expect(two.waves).toBe(2);
    const stale = await get(f.reviewer, "/api/v1/onboarding/applications?after=eyJ4IjoxfQ");
    expect(stale.status).toBe(422);
    expect(JSON.stringify(stale.body)).toContain("翻页链接已失效");
  });

  it("the queue page shows the total and a 下一页 that keeps the filter", async () => {
    const res = await call(host, "GET", "/admin/onboarding?status=submitted", { cookie: f.reviewer, ip: freshIp() });
    const page = await res.text();
    expect(page).toMatch(/共 \d+ 条/);
    const stale = await call(host, "GET", "/admin/onboarding?after=eyJ4IjoxfQ", { cookie: f.reviewer, ip: freshIp() });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain("翻页链接已失效,请回到第一页。");
  });

  it("the directory pages by cursor and by the older page number, each with the total", async () => {
    // 25 enterprises of this suite's own, found by their name.
    const mark = `名录翻页${crypto.randomUUID().slice(0, 6)}`;
    await dbFor(slug)
      .insert(enterprises)
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          id: newId(),
          name: `${mark}${String(i).padStart(2, "0")}有限公司`,
          createdAt: Date.now(),
        })),
      );
    const list = `/api/v1/admin/enterprises?q=${encodeURIComponent(mark)}`;
    const one = await get(f.reviewer, list);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ total: 25, page: 1, pageSize: 20, prevCursor: null });
    const two = await get(f.reviewer, `${list}&after=${one.body.nextCursor}`);
    expect(two.body).toMatchObject({ total: 25, page: 2, nextCursor: null });
    expect((two.body.enterprises as { name: string }[]).map((e) => e.name)).toEqual(
      ["20", "21", "22", "23", "24"].map((n) => `${mark}${n}有限公司`),
    );
    const byNumber = await get(f.reviewer, `${list}&page=2`);
    expect(byNumber.body.enterprises).toEqual(two.body.enterprises);
    const back = await get(f.reviewer, `${list}&before=${two.body.prevCursor}`);
    expect(back.body.enterprises).toEqual(one.body.enterprises);
    expect(two.waves).toBe(2);
    const page = await call(
      host,
      "GET",
      `/admin/enterprises?q=${encodeURIComponent(mark)}&after=${one.body.nextCursor}`,
      {
        cookie: f.reviewer,
      },
    );
    const html = await page.text();
    expect(html).toContain("共 25 家");
    expect(html).toContain("第 2 / 2 页");
    expect(html).toContain("上一页");
    expect(html).not.toContain("下一页");
  });

  it("用户管理 lists the newest accounts first, a page at a time with the total", async () => {
    const a = await makeUser(slug, "reviewer");
    const b = await makeUser(slug, "reviewer");
    // Dated ahead, so accounts other suites make meanwhile cannot come between them and the top.
    const ahead = Date.now() + 365 * 86_400_000;
    await dbFor(slug).update(users).set({ createdAt: ahead }).where(eq(users.id, a.id));
    await dbFor(slug)
      .update(users)
      .set({ createdAt: ahead + 1 })
      .where(eq(users.id, b.id));
    const one = await get(f.admin, "/api/v1/admin/users?role=reviewer&limit=1");
    expect((one.body.users as { id: string }[]).map((u) => u.id)).toEqual([b.id]);
    const two = await get(f.admin, `/api/v1/admin/users?role=reviewer&limit=1&after=${one.body.nextCursor}`);
    expect((two.body.users as { id: string }[]).map((u) => u.id)).toEqual([a.id]);
    expect(two.body.total).toBeGreaterThanOrEqual(2);
    expect(two.waves).toBe(2);
    const page = await (await call(host, "GET", "/admin/users", { cookie: f.admin })).text();
    expect(page).toMatch(/共 \d+ 个用户/);
  });
});
