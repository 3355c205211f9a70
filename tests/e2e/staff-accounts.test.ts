/**
 * 用户管理's staff accounts in a real Chromium against the Node entry with the demo data: the
 * zone admin invites a reviewer with the form, sees the one-time link once (the same link is in
 * the dev outbox), the invitee opens it in a browser of their own (phone width), finds the name
 * the admin typed, sets a password and is signed in; they sign in again with it and open the
 * review queue. The admin then finds them by search and makes them an admin.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "staff-accounts", demo: true });
const url = (path: string) => e2e.server.url(path);
const ADMIN = "admin@zibo.demo";
const PASSWORD = "Demo-zibo-2026";
const NEW_PASSWORD = "审核 新同事 2026!";

async function outboxLink(page: Page, recipient: string): Promise<string | undefined> {
  const res = await page.goto(url("/dev/outbox"));
  expect(res?.status()).toBe(200);
  const { messages } = (await res!.json()) as { messages: { recipient: string; kind: string; body: string }[] };
  const mail = messages.find((m) => m.recipient === recipient && m.kind === "invitation");
  return mail?.body.match(/https?:\/\/\S+\/invite\?token=[A-Za-z0-9_-]+/)?.[0];
}

describe("staff accounts in Chromium", () => {
  it("an admin invites a reviewer, who sets a password in their own browser, signs in and reviews", async () => {
    const email = `reviewer-${Date.now().toString(36)}@zibo.test`;
    const admin = await openPage(e2e.chromium, { width: 1280, height: 900 });
    admin.page.on("dialog", (d) => d.accept());
    await signInWithForm(admin.page, url("/login"), ADMIN, PASSWORD);
    await admin.page.goto(url("/admin/users"));

    // A refused address: the message, what was typed kept.
    await admin.page.getByLabel("对方的工作邮箱").fill("not-an-address");
    await admin.page.getByLabel("姓名", { exact: true }).fill("赵审核");
    await Promise.all([admin.page.waitForLoadState(), admin.page.getByRole("button", { name: "发出邀请" }).click()]);
    expect(await admin.page.locator("[data-error-summary]").textContent()).toContain("请填写有效的邮箱地址");
    expect(await admin.page.getByLabel("姓名", { exact: true }).inputValue()).toBe("赵审核");

    await admin.page.getByLabel("对方的工作邮箱").fill(email);
    await admin.page.getByLabel("角色", { exact: true }).selectOption("reviewer");
    await Promise.all([
      admin.page.waitForResponse((r) => r.url() === url("/admin/staff-invitations") && r.status() === 200),
      admin.page.getByRole("button", { name: "发出邀请" }).click(),
    ]);
    await expect.poll(() => admin.page.getByRole("heading", { level: 1 }).textContent()).toBe("邀请已发出");
    expect(await admin.page.locator("main").textContent()).toContain("以审核员的身份");
    const shown = (await admin.page.locator("#invitation-link").textContent())!.trim();
    expect(shown).toMatch(/\/invite\?token=/);
    expect(await outboxLink(admin.page, email)).toBe(shown);

    // The invitee, on a phone of their own.
    const invitee = await openPage(e2e.chromium, { width: 390, height: 844 });
    await invitee.page.goto(shown);
    expect(await invitee.page.locator("main").textContent()).toContain("审核员");
    await expectNoSidewaysScroll(invitee.page);
    expect(await invitee.page.getByLabel("姓名").inputValue()).toBe("赵审核");
    await invitee.page.getByLabel("设置密码").fill(NEW_PASSWORD);
    await invitee.page.getByLabel("再次输入密码").fill(NEW_PASSWORD);
    await Promise.all([
      invitee.page.waitForURL((u) => u.pathname !== "/invite"),
      invitee.page.getByRole("button", { name: "接受邀请并登录" }).click(),
    ]);
    expect(await invitee.page.locator("nav.account").textContent()).toContain("赵审核");
    await invitee.context.close();

    // Signing in again with the password they set, and the review queue opens.
    const again = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(again.page, url("/login"), email, NEW_PASSWORD);
    const queue = await again.page.goto(url("/admin/subsidies"));
    expect(queue?.status()).toBe(200);
    await expectNoSidewaysScroll(again.page);
    await again.context.close();

    // The admin finds them by search and makes them an admin.
    await admin.page.goto(url("/admin/users"));
    // Accepted: no longer among the open invitations.
    const open = admin.page.locator('section[aria-labelledby="staff-invitations-title"]');
    expect(await open.textContent()).not.toContain(email);
    await admin.page.getByLabel("按邮箱或姓名查找").fill(email);
    await Promise.all([admin.page.waitForURL(/q=/), admin.page.getByRole("button", { name: "查询" }).click()]);
    const row = admin.page.locator("tbody tr", { hasText: email });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("审核员");
    await Promise.all([
      admin.page.waitForURL(/done=role/),
      row.getByRole("button", { name: "设为园区管理员:赵审核" }).click(),
    ]);
    expect(await admin.page.getByRole("status").first().textContent()).toContain("角色已调整");
    await screenshot(admin.page, "test-results/zibo-admin-users-1280.png");
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(admin.page);
    await screenshot(admin.page, "test-results/zibo-admin-users-390.png");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await admin.context.close();
  });
});
