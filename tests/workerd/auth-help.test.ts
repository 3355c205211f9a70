/**
 * What a person meets around passwords and on every site: the admin-issued reset link with
 * a copy button and its SMS to the user's mobile (outbox "sms"), the one-sentence password
 * help, the site icon, and the confirmations on consequential admin actions.
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox, users } from "../../worker/db/schema";
import { call, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";

async function admin() {
  const a = await makeUser("zibo", "zone_admin");
  return sessionCookie(await login("zibo", a.email, a.password));
}

async function issue(cookie: string, userId: string) {
  const res = await postJson(host, `/api/v1/admin/users/${userId}/reset-link`, {}, { cookie });
  expect(res.status).toBe(200);
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get("token")!;
}

const smsTo = (mobile: string) =>
  dbFor("zibo")
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, mobile), eq(outbox.channel, "sms")))
    .orderBy(desc(outbox.id));

describe("an admin-issued reset link sent to the user's mobile", () => {
  it(
    "queues one SMS with the live link to the mobile on record, audited, " + "and answers with the number masked",
    async () => {
      const cookie = await admin();
      const u = await makeUser("zibo");
      const mobile = `139${String(Date.now()).slice(-8)}`;
      await dbFor("zibo").update(users).set({ mobile }).where(eq(users.id, u.id));
      const token = await issue(cookie, u.id);
      const res = await postJson(host, `/api/v1/admin/users/${u.id}/reset-link/sms`, { token }, { cookie });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ sentTo: `${mobile.slice(0, 3)}****${mobile.slice(-4)}` });
      const [sms] = await smsTo(mobile);
      expect(sms!.body).toContain(`${ORIGIN}/reset-password?token=${token}`);
      expect(sms!.kind).toBe("password_reset_link");
      const audits = await dbFor("zibo")
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.reset.sms_sent"), eq(auditLog.target, u.email)));
      expect(audits).toHaveLength(1);
      expect(JSON.stringify(audits)).not.toContain(token);
    },
  );

  it("refuses a user without a mobile, a replaced link, and another user's link, sending nothing", async () => {
    const cookie = await admin();
    const none = await makeUser("zibo");
    const noMobile = await postJson(
      host,
      `/api/v1/admin/users/${none.id}/reset-link/sms`,
      { token: await issue(cookie, none.id) },
      { cookie },
    );
    expect(noMobile.status).toBe(422);
    expect(((await noMobile.json()) as { error: { message: string } }).error.message).toContain("没有登记手机号");

    const u = await makeUser("zibo");
    const mobile = `137${String(Date.now()).slice(-8)}`;
    await dbFor("zibo").update(users).set({ mobile }).where(eq(users.id, u.id));
    const old = await issue(cookie, u.id);
    await issue(cookie, u.id); // a newer link voids the first
    const stale = await postJson(host, `/api/v1/admin/users/${u.id}/reset-link/sms`, { token: old }, { cookie });
    expect(stale.status).toBe(422);
    const foreign = await postJson(
      host,
      `/api/v1/admin/users/${u.id}/reset-link/sms`,
      { token: await issue(cookie, none.id) },
      { cookie },
    );
    expect(foreign.status).toBe(422);
    const malformed = await postJson(host, `/api/v1/admin/users/${u.id}/reset-link/sms`, { token: "x y" }, { cookie });
    expect(malformed.status).toBe(422);
    expect(await smsTo(mobile)).toEqual([]);
  });

  it("is for zone admins only", async () => {
    const r = await makeUser("zibo", "reviewer");
    const cookie = sessionCookie(await login("zibo", r.email, r.password));
    const res = await postJson(host, `/api/v1/admin/users/${r.id}/reset-link/sms`, { token: "abc" }, { cookie });
    expect(res.status).toBe(403);
  });

  it(
    "the issued page offers a copy button and, " + "with a mobile on record, a send-to-mobile form that works",
    async () => {
      const cookie = await admin();
      const u = await makeUser("zibo");
      const mobile = `136${String(Date.now()).slice(-8)}`;
      await dbFor("zibo").update(users).set({ mobile }).where(eq(users.id, u.id));
      const page = await call(host, "POST", `/admin/users/${u.id}/reset-link`, {
        cookie,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body: "",
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('data-copy="#reset-link"');
      expect(html).toContain(`发送到手机 ${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
      const token = /name="token" value="([A-Za-z0-9_-]+)"/.exec(html)![1]!;
      const sent = await call(host, "POST", `/admin/users/${u.id}/reset-link/sms`, {
        cookie,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body: `token=${token}`,
      });
      expect(sent.status).toBe(200);
      expect(sent.headers.get("cache-control")).toContain("no-store");
      expect(await sent.text()).toContain("已通过短信发送到");
      expect(await smsTo(mobile)).toHaveLength(1);
    },
  );
});

describe("password help", () => {
  it("says both ways in one sentence on the sign-in page, and only the other way on /forgot-password", async () => {
    const loginPage = await (await call(host, "GET", "/login")).text();
    const help = /<p class="help">([\s\S]*?)<\/p>/.exec(loginPage)![1]!;
    expect(help).toContain('href="/forgot-password"');
    expect(help).toContain("也可以");
    expect(help).toContain("请园区管理员重置");
    const forgot = await (await call(host, "GET", "/forgot-password")).text();
    const forgotHelp = /<p class="help">([\s\S]*?)<\/p>/.exec(forgot)![1]!;
    expect(forgotHelp).not.toContain('href="/forgot-password"');
    expect(forgotHelp).toContain("也可以");
    expect(forgot).not.toContain("请联系园区管理员重置密码");
  });
});

describe("the site icon", () => {
  it("answers /favicon.ico on zones and the platform in the site's colour, and links it from pages", async () => {
    const zone = await call(host, "GET", "/favicon.ico");
    expect(zone.status).toBe(200);
    expect(zone.headers.get("content-type")).toBe("image/svg+xml");
    const { zones } = await import("../../tenants/index");
    expect(await zone.text()).toContain(zones.get("zibo")!.branding.primary);
    expect((await call("localhost", "GET", "/favicon.ico")).status).toBe(200);
    expect((await call("nosuch.localhost", "GET", "/favicon.ico")).status).toBe(404);
    expect(await (await call(host, "GET", "/")).text()).toContain(
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>',
    );
  });
});

describe("consequential admin actions ask first", () => {
  it("the 停用 form on the user table carries a confirmation naming the user", async () => {
    const cookie = await admin();
    const html = await (await call(host, "GET", "/admin/users", { cookie })).text();
    expect(html).toMatch(
      /<form method="post" action="\/admin\/users\/[a-z0-9]+\/disable" data-confirm="确定停用 [^"]+的账号?/,
    );
  });
});
