/** Bank institutions: the zone admin's registry, staff invitations, suspension, and 我的机构, against the real Worker. */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, invitations } from "../../worker/db/schema";
import { checkCharacter } from "../../worker/lib/uscc";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";
const db = dbFor("zibo");

const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** A valid USCC no other test uses: a random organisation code and its GB 32100 check character. */
function freshUscc(): string {
  const org = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => CHARS[b % 31]).join("");
  const first17 = `91370303${org}`;
  return first17 + checkCharacter(first17);
}

const bankInput = (over: Record<string, string> = {}) => ({
  name: "齐商银行",
  branch: "高新区支行",
  uscc: freshUscc(),
  contactName: "张经理",
  contactPhone: "0533-3580000",
  contactEmail: "contact@qishang.test",
  ...over,
});

async function adminCookie(slug = "zibo") {
  const admin = await makeUser(slug, "zone_admin");
  return { admin, cookie: sessionCookie(await login(slug, admin.email, admin.password)) };
}

async function registerBank(cookie: string, over: Record<string, string> = {}) {
  const res = await postJson(host, "/api/v1/admin/banks", bankInput(over), { cookie });
  expect(res.status).toBe(201);
  return ((await res.json()) as { bank: { id: string; name: string; uscc: string; contactPhone: string } }).bank;
}

const form = (path: string, fields: Record<string, string>, cookie?: string) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
    ip: freshIp(),
  });

/** Invites through the admin API and accepts through the invitee's API; returns the new user's cookie. */
async function inviteAndAccept(cookie: string, bankId: string) {
  const email = `staff-${crypto.randomUUID().slice(0, 8)}@bank.test`;
  const inv = await postJson(host, `/api/v1/admin/banks/${bankId}/invitations`, { email }, { cookie });
  expect(inv.status).toBe(201);
  expect(inv.headers.get("cache-control")).toBe("no-store");
  const { url } = (await inv.json()) as { url: string };
  const token = new URL(url).searchParams.get("token")!;
  const res = await postJson(
    host,
    "/api/v1/invitations/accept",
    { token, name: "李柜员", password: "Bank-Staff-Pass-9" },
    { ip: freshIp() },
  );
  expect(res.status).toBe(201);
  const { user } = (await res.json()) as { user: { id: string } };
  return { email, userId: user.id, cookie: sessionCookie(res) };
}

describe("registering a bank", () => {
  it("stores the bank with a normalised USCC and phone, and audits", async () => {
    const { admin, cookie } = await adminCookie();
    const uscc = freshUscc();
    const bank = await registerBank(cookie, { uscc: ` ${uscc.toLowerCase()} `, contactPhone: "139 1234 5678" });
    expect(bank).toMatchObject({ name: "齐商银行", uscc, contactPhone: "13912345678" });
    const list = (await (await call(host, "GET", "/api/v1/admin/banks", { cookie })).json()) as {
      banks: { id: string; staff: number; status: string }[];
    };
    expect(list.banks.find((b) => b.id === bank.id)).toMatchObject({ staff: 0, status: "active" });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "bank.registered"), eq(auditLog.target, bank.id)));
    expect(audits.map((a) => a.actor)).toEqual([admin.email]);
  });

  it.each([
    ["uscc", { uscc: "91370303MA3C411102" }, /第 18 位校验码/],
    ["uscc", { uscc: "91370303MA3C4111" }, /18 位/],
    ["contactPhone", { contactPhone: "12345" }, /手机号|区号/],
    ["contactEmail", { contactEmail: "not-an-email" }, /邮箱/],
    ["name", { name: "" }, /机构名称/],
  ])("refuses a bad %s with a message saying what is wrong (422)", async (field, over, message) => {
    const { cookie } = await adminCookie();
    const res = await postJson(host, "/api/v1/admin/banks", bankInput(over), { cookie });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields[field]).toMatch(message);
  });

  it("refuses a USCC already registered in the zone (409), but another zone may register it", async () => {
    const { cookie } = await adminCookie();
    const uscc = freshUscc();
    await registerBank(cookie, { uscc });
    const again = await postJson(host, "/api/v1/admin/banks", bankInput({ uscc, name: "另一家" }), { cookie });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { fields: Record<string, string> } }).error.fields.uscc).toContain(
      "齐商银行",
    );
    const dy = await adminCookie("dongying");
    expect(
      (await postJson("dongying.localhost", "/api/v1/admin/banks", bankInput({ uscc }), { cookie: dy.cookie })).status,
    ).toBe(201);
  });

  it("the page form keeps what was typed and shows the field's message", async () => {
    const { cookie } = await adminCookie();
    const res = await form(
      "/admin/banks",
      { ...bankInput({ uscc: "91370303MA3C41110X", contactName: "王主任" }) },
      cookie,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("第 18 位校验码不对");
    expect(html).toContain('value="王主任"');
    expect(html).toContain('value="91370303MA3C41110X"');
    const ok = await form("/admin/banks", bankInput({ name: "页面登记银行" }), cookie);
    expect(ok.status).toBe(303);
    const detail = await call(host, "GET", ok.headers.get("location")!, { cookie });
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain("页面登记银行 高新区支行");
  });
});

describe("only zone admins manage banks", () => {
  const apiRoutes = (id: string) =>
    [
      ["GET", "/api/v1/admin/banks"],
      ["POST", "/api/v1/admin/banks"],
      ["GET", `/api/v1/admin/banks/${id}`],
      ["POST", `/api/v1/admin/banks/${id}/invitations`],
      ["POST", `/api/v1/admin/banks/${id}/invitations/${"a".repeat(64)}/revoke`],
      ["POST", `/api/v1/admin/banks/${id}/suspend`],
      ["POST", `/api/v1/admin/banks/${id}/reactivate`],
    ] as const;

  it.each(["reviewer", "enterprise", "bank"] as const)("refuses a %s (403) on the API and the pages", async (role) => {
    const { cookie: adminC } = await adminCookie();
    const bank = await registerBank(adminC);
    const user = await makeUser("zibo", role);
    const cookie = sessionCookie(await login("zibo", user.email, user.password));
    for (const [method, path] of apiRoutes(bank.id)) {
      const res =
        method === "GET"
          ? await call(host, method, path, { cookie })
          : await postJson(host, path, { email: "x@y.test" }, { cookie });
      expect(res.status, path).toBe(403);
    }
    expect((await call(host, "GET", "/admin/banks", { cookie })).status).toBe(403);
    expect((await call(host, "GET", `/admin/banks/${bank.id}`, { cookie })).status).toBe(403);
    expect((await form(`/admin/banks/${bank.id}/suspend`, {}, cookie)).status).toBe(403);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, user.email), eq(auditLog.action, "authz.denied")));
    expect(denied.length).toBeGreaterThanOrEqual(apiRoutes(bank.id).length);
  });

  it("refuses anonymous requests (401 on the API, 登录 for pages)", async () => {
    const { cookie } = await adminCookie();
    const bank = await registerBank(cookie);
    for (const [method, path] of apiRoutes(bank.id)) {
      const res = method === "GET" ? await call(host, method, path) : await postJson(host, path, {});
      expect(res.status, path).toBe(401);
    }
    const page = await call(host, "GET", "/admin/banks");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/login");
    expect((await call(host, "GET", "/bank")).headers.get("location")).toBe("/login");
  });

  it("another zone's bank does not exist here (404)", async () => {
    const dy = await adminCookie("dongying");
    const res = await postJson("dongying.localhost", "/api/v1/admin/banks", bankInput(), { cookie: dy.cookie });
    const { bank } = (await res.json()) as { bank: { id: string } };
    const { cookie } = await adminCookie();
    expect((await call(host, "GET", `/api/v1/admin/banks/${bank.id}`, { cookie })).status).toBe(404);
    expect((await postJson(host, `/api/v1/admin/banks/${bank.id}/suspend`, {}, { cookie })).status).toBe(404);
  });
});

describe("bank staff", () => {
  it("invite → accept: the new bank user sees 我的机构 with their own bank only", async () => {
    const { cookie } = await adminCookie();
    const mine = await registerBank(cookie, { name: "莱商银行", branch: "淄博分行" });
    await registerBank(cookie, { name: "恒丰银行", branch: "张店支行" });
    const staff = await inviteAndAccept(cookie, mine.id);
    const page = await call(host, "GET", "/bank", { cookie: staff.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("莱商银行 淄博分行");
    expect(html).toContain("张经理");
    expect(html).not.toContain("恒丰银行");
    // The admin's view of the bank lists them as staff.
    const detail = (await (await call(host, "GET", `/api/v1/admin/banks/${mine.id}`, { cookie })).json()) as {
      staff: { email: string }[];
      invitations: unknown[];
    };
    expect(detail.staff.map((s) => s.email)).toEqual([staff.email]);
    expect(detail.invitations).toEqual([]);
    // A bank user is not a zone admin, and a zone admin has no 我的机构.
    expect((await call(host, "GET", "/admin/banks", { cookie: staff.cookie })).status).toBe(403);
    expect((await call(host, "GET", "/bank", { cookie })).status).toBe(403);
  });

  it("the admin's invite page shows the link once (no-store) and a revoked invitation stops working", async () => {
    const { cookie } = await adminCookie();
    const bank = await registerBank(cookie);
    const email = `page-${crypto.randomUUID().slice(0, 8)}@bank.test`;
    const bad = await form(`/admin/banks/${bank.id}/invite`, { email: "nope" }, cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="nope"');
    const res = await form(`/admin/banks/${bank.id}/invite`, { email }, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const url = /http:\/\/zibo\.localhost:8787\/invite\?token=[A-Za-z0-9_-]+/.exec(await res.text())![0];
    const [inv] = await db.select().from(invitations).where(eq(invitations.email, email));
    const detailHtml = await (await call(host, "GET", `/admin/banks/${bank.id}`, { cookie })).text();
    expect(detailHtml).toContain(email);
    expect(detailHtml).not.toContain(url);
    const revoke = await form(`/admin/banks/${bank.id}/invitations/${inv!.tokenHash}/revoke`, {}, cookie);
    expect(revoke.status).toBe(303);
    const token = new URL(url).searchParams.get("token")!;
    expect(
      (
        await postJson(
          host,
          "/api/v1/invitations/accept",
          { token, name: "某人", password: "Bank-Staff-Pass-9" },
          { ip: freshIp() },
        )
      ).status,
    ).toBe(400);
  });

  it(
    "suspending a bank ends its staff's sessions " + "and revokes its open invitations; reactivating restores it",
    async () => {
      const { cookie } = await adminCookie();
      const bank = await registerBank(cookie);
      const other = await registerBank(cookie, { name: "别家银行" });
      const staff = await inviteAndAccept(cookie, bank.id);
      const bystander = await inviteAndAccept(cookie, other.id);
      const pending = await postJson(
        host,
        `/api/v1/admin/banks/${bank.id}/invitations`,
        { email: `later-${crypto.randomUUID().slice(0, 8)}@bank.test` },
        { cookie },
      );
      const pendingToken = new URL(((await pending.json()) as { url: string }).url).searchParams.get("token")!;

      const suspended = await postJson(host, `/api/v1/admin/banks/${bank.id}/suspend`, {}, { cookie });
      expect(suspended.status).toBe(200);
      expect(((await suspended.json()) as { bank: { status: string } }).bank.status).toBe("suspended");
      expect((await call(host, "GET", "/api/v1/me", { cookie: staff.cookie })).status).toBe(401);
      expect((await call(host, "GET", "/api/v1/me", { cookie: bystander.cookie })).status).toBe(200);
      expect(
        (
          await postJson(
            host,
            "/api/v1/invitations/accept",
            { token: pendingToken, name: "某人", password: "Bank-Staff-Pass-9" },
            { ip: freshIp() },
          )
        ).status,
      ).toBe(400);
      expect(
        (await postJson(host, `/api/v1/admin/banks/${bank.id}/invitations`, { email: "new@bank.test" }, { cookie }))
          .status,
      ).toBe(409);
      expect((await postJson(host, `/api/v1/admin/banks/${bank.id}/suspend`, {}, { cookie })).status).toBe(409);

      // Signing in again shows the suspension on 我的机构.
      const again = sessionCookie(await login("zibo", staff.email, "Bank-Staff-Pass-9"));
      expect(await (await call(host, "GET", "/bank", { cookie: again })).text()).toContain("已暂停");

      expect((await form(`/admin/banks/${bank.id}/reactivate`, {}, cookie)).status).toBe(303);
      expect(await (await call(host, "GET", "/bank", { cookie: again })).text()).not.toContain("已暂停");
      const actions = (await db.select().from(auditLog).where(eq(auditLog.target, bank.id))).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["bank.registered", "bank.suspended", "bank.reactivated"]));
    },
  );
});

describe("the API document", () => {
  it("describes the bank and invitation endpoints", async () => {
    const doc = (await (await call(host, "GET", "/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/admin/banks",
        "/api/v1/admin/banks/{id}",
        "/api/v1/admin/banks/{id}/invitations",
        "/api/v1/admin/banks/{id}/invitations/{invitation}/revoke",
        "/api/v1/admin/banks/{id}/suspend",
        "/api/v1/admin/banks/{id}/reactivate",
        "/api/v1/invitations/accept",
      ]),
    );
  });
});
