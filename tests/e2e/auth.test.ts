/**
 * Sign-in pages in a real Chromium against the Node entry: 记住我 and session
 * cookies, sign-out, the generic failure message, the whole self-service reset
 * through the dev outbox, the admin's user table, and the 375 px login page.
 *
 * The server (tests/support/e2e.ts) has the accounts written into the zone's
 * database first and a PUBLIC_URL_TEMPLATE with the real port (CSRF checks forms
 * against it, and reset links are built from it).
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { LOGIN_FAILED_MESSAGE } from "../../worker/features/auth/login";
import { RESET_ACCEPTED } from "../../worker/features/auth/password-reset";
import { insertTestUser, useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const EMAIL = "e2e@zibo.demo";
const PASSWORD = "Zibo-E2e-2026!";
const NAME = "测试企业用户";
const DISABLE_ME = "e2e-disable-me@zibo.demo";
const ADMIN = { email: "e2e-admin@zibo.demo", password: "Zibo-Admin-E2e-2026!", name: "测试园区管理员" };

const e2e = useE2e({
  name: "auth",
  seed: (withTenantDb) =>
    withTenantDb("zibo", async (db) => {
      await insertTestUser(db, {
        id: "e2eenterprise01",
        email: EMAIL,
        password: PASSWORD,
        name: NAME,
        role: "enterprise",
      });
      await insertTestUser(db, { id: "e2ezoneadmin01", ...ADMIN, role: "zone_admin" });
      await insertTestUser(db, {
        id: "e2edisable0001",
        email: DISABLE_ME,
        password: PASSWORD,
        name: "王五",
        role: "reviewer",
      });
    }),
});

const url = (path: string) => e2e.server.url(path);
const newPage = (viewport?: { width: number; height: number }) => e2e.chromium.newPage(viewport);

/** Fills the login form and submits it; returns the status of the response to the POST. */
async function logIn(page: Page, email: string, password: string, remember = false): Promise<number> {
  await page.goto(url("/login"));
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  if (remember) await page.getByLabel(/记住我/).check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === url("/login") && r.request().method() === "POST"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies(url("/"))).find((c) => c.name === "__Host-yq_session");

interface OutboxMessage {
  id: number;
  recipient: string;
  kind: string;
  body: string;
  createdAt: number;
}
async function outbox(page: Page): Promise<OutboxMessage[]> {
  const res = await page.goto(url("/dev/outbox"));
  expect(res?.status()).toBe(200);
  return ((await res!.json()) as { messages: OutboxMessage[] }).messages;
}

describe("sign-in pages in Chromium", () => {
  it("记住我 sets a 30-day __Host- cookie; the header names the user; 退出 clears it", async () => {
    const { context, page } = await newPage();
    expect(await logIn(page, EMAIL, PASSWORD, true)).toBe(303);
    expect(new URL(page.url()).pathname).toBe("/");
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    await page.goto(url("/account/password"));
    expect(await page.locator("nav.account .who").textContent()).toContain(NAME);
    expect(await page.locator("nav.account").textContent()).not.toContain("用户管理");
    await screenshot(page, "test-results/zibo-account-password.png");

    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForURL(url("/login"));
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto(url("/account/password"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("without 记住我 the session cookie ends with the browser (no expiry)", async () => {
    const { context, page } = await newPage();
    expect(await logIn(page, EMAIL, PASSWORD)).toBe(303);
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", expires: -1 });
    await context.close();
  });

  it("a wrong password shows the one generic message and keeps the email typed", async () => {
    const { context, page } = await newPage();
    expect(await logIn(page, EMAIL, "not-the-password", true)).toBe(401);
    expect(await page.getByRole("alert").textContent()).toBe(LOGIN_FAILED_MESSAGE);
    expect(await page.getByLabel("邮箱").inputValue()).toBe(EMAIL);
    expect(await page.getByLabel("密码", { exact: true }).inputValue()).toBe("");
    expect(await page.getByLabel(/记住我/).isChecked()).toBe(true);
    expect(await sessionCookie(context)).toBeUndefined();
    await screenshot(page, "test-results/zibo-login-failed.png");
    await context.close();
  });

  it("resets a forgotten password through the emailed link: old password out, new one in", async () => {
    const { context, page } = await newPage();
    await page.goto(url("/login"));
    await page.getByRole("link", { name: "忘记密码?" }).click();
    await page.getByLabel("邮箱").fill(EMAIL);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").textContent()).toBe(RESET_ACCEPTED);

    const message = (await outbox(page))
      .filter((m) => m.kind === "password_reset_link" && m.recipient === EMAIL)
      .sort((a, b) => b.id - a.id)[0];
    const link = message?.body.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
    expect(link, message?.body).toMatch(new RegExp(`^${url("/reset-password?token=").replace(/[.?]/g, "\\$&")}`));

    const opened = await page.goto(link!);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(opened?.headers()["cache-control"]).toBe("no-store");

    const NEW = "Zibo-Reset-E2e-2026?";
    await page.getByLabel("新密码", { exact: true }).fill(NEW);
    await page.getByLabel("再次输入新密码").fill(`${NEW}x`);
    const [mismatch] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "设置新密码" }).click(),
    ]);
    expect(mismatch.status()).toBe(422);
    expect(mismatch.headers()["referrer-policy"]).toBe("no-referrer");
    await page.waitForLoadState();
    expect(await page.locator("#f-confirm-error").textContent()).toContain("不一致");

    await page.getByLabel("新密码", { exact: true }).fill(NEW);
    await page.getByLabel("再次输入新密码").fill(NEW);
    const [done] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "设置新密码" }).click(),
    ]);
    expect(done.status()).toBe(200);
    expect(done.headers()["referrer-policy"]).toBe("no-referrer");
    await page.waitForLoadState();
    expect(await page.locator("h1").textContent()).toBe("新密码已设置");
    expect(await page.getByRole("link", { name: "去登录" }).getAttribute("href")).toBe("/login");
    expect(await sessionCookie(context)).toBeUndefined(); // no automatic sign-in
    await screenshot(page, "test-results/zibo-reset-done.png");

    // The link works once.
    expect((await page.goto(link!))?.status()).toBe(400);

    expect(await logIn(page, EMAIL, PASSWORD)).toBe(401);
    expect(await logIn(page, EMAIL, NEW)).toBe(303);
    expect((await outbox(page)).some((m) => m.kind === "password_changed" && m.recipient === EMAIL)).toBe(true);
    await context.close();
  });

  it("用户管理: only the zone admin sees it; a reset link is shown once and not cached", async () => {
    const anonymous = await newPage();
    await anonymous.page.goto(url("/admin/users"));
    expect(new URL(anonymous.page.url()).pathname).toBe("/login");
    await anonymous.context.close();

    const { context, page } = await newPage();
    expect(await logIn(page, ADMIN.email, ADMIN.password)).toBe(303);
    await page.goto(url("/admin/users"));
    await page.getByRole("link", { name: "用户管理" }).waitFor();
    const row = page.locator("tr", { hasText: EMAIL });
    expect(await row.textContent()).toContain("企业用户");
    await screenshot(page, "test-results/zibo-admin-users.png");
    const [issued] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      row.getByRole("button", { name: /发放重置链接/ }).click(),
    ]);
    expect(issued.status()).toBe(200);
    expect(issued.headers()["cache-control"]).toBe("no-store");
    await page.waitForLoadState();
    expect(await page.locator("#reset-link").textContent()).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{20,}$/);
    await context.close();
  });

  it(
    "停用 asks first (dismissed: nothing changes; accepted: " +
      "disabled), and the issued link has a working copy button",
    async () => {
      const { context, page } = await newPage();
      expect(await logIn(page, ADMIN.email, ADMIN.password)).toBe(303);
      await page.goto(url("/admin/users"));
      const row = () => page.locator("tr", { hasText: DISABLE_ME });
      const asked: string[] = [];
      page.once("dialog", (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await row().getByRole("button", { name: /^停用/ }).click();
      await page.waitForTimeout(300); // nothing is submitted; give a wrong submit time to show
      expect(asked[0]).toContain(`确定停用 王五(${DISABLE_ME})的账号`);
      expect(new URL(page.url()).search).toBe("");
      expect(await row().getByRole("button", { name: /^启用/ }).count()).toBe(0);

      page.once("dialog", (d) => void d.accept());
      await Promise.all([page.waitForURL(/done=disable/), row().getByRole("button", { name: /^停用/ }).click()]);
      expect(await row().getByRole("button", { name: /^启用/ }).count()).toBe(1);

      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url("/") });
      await row()
        .getByRole("button", { name: /发放重置链接/ })
        .click();
      await page.waitForLoadState();
      const link = (await page.locator("#reset-link").textContent())!.trim();
      await page.getByRole("button", { name: "复制链接" }).click();
      await page.getByRole("button", { name: "已复制" }).waitFor();
      expect(
        await page.evaluate(() => navigator.clipboard.readText().catch(() => getSelection()?.toString() ?? "")),
      ).toBe(link);
      await context.close();
    },
  );

  it("a signed-in user of another role gets the 403 page at 用户管理", async () => {
    const { context, page } = await newPage();
    await logIn(page, EMAIL, "Zibo-Reset-E2e-2026?");
    const res = await page.goto(url("/admin/users"));
    expect(res?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe("没有权限");
    await context.close();
  });

  it("修改密码: a wrong current password is named at its field; a change keeps this device signed in", async () => {
    const { context, page } = await newPage();
    const current = "Zibo-Reset-E2e-2026?";
    expect(await logIn(page, EMAIL, current)).toBe(303);
    await page.goto(url("/account/password"));
    await page.getByLabel("当前密码").fill("wrong-current");
    await page.getByLabel("新密码", { exact: true }).fill("Zibo-Changed-E2e-2026#");
    await page.getByLabel("再次输入新密码").fill("Zibo-Changed-E2e-2026#");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "修改密码" }).click(),
    ]);
    expect(refused.status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.locator("#f-currentPassword-error").textContent()).toBe("当前密码不正确。");
    expect(await page.getByLabel("当前密码").getAttribute("aria-describedby")).toBe("f-currentPassword-error");

    const before = (await sessionCookie(context))?.value;
    await page.getByLabel("当前密码").fill(current);
    await page.getByLabel("新密码", { exact: true }).fill("Zibo-Changed-E2e-2026#");
    await page.getByLabel("再次输入新密码").fill("Zibo-Changed-E2e-2026#");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.waitForURL(url("/account/password?changed=1"));
    expect(await page.getByRole("status").textContent()).toContain("密码已修改");
    const after = (await sessionCookie(context))?.value;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    await context.close();
  });

  it("fits the login page on a 375px phone screen without horizontal scrolling", async () => {
    const { context, page } = await newPage({ width: 375, height: 740 });
    for (const path of ["/login", "/forgot-password"]) {
      await page.goto(url(path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(url("/login"));
    const box = await page.getByRole("button", { name: "登录" }).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, "test-results/zibo-mobile-login.png");
    await context.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
