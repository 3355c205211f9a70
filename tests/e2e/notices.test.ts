/**
 * 消息中心 in a real Chromium against the Node entry with the demo data: a member of the public
 * lodges an objection on 公示; the zone admin's header counts it (消息 (1)) and the 消息中心 lists
 * it unread; marking it read clears the count; 查看 opens the application it concerns. At
 * 1280 px and at 390 px (no sideways scroll), without CSP errors; the admin then sets 公示异议 to
 * 仅站内消息 on 提醒方式.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newId } from "../../worker/lib/ids";
import { insertTestUser, useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "notices", demo: true });
const url = (path: string) => e2e.server.url(path);
const PASSWORD = "Notices-Test-2026";
const OBJECTION = "该企业公示的研发费用与审计报告不一致,请园区核实。";

/** The header's 消息 link, as the signed-in user sees it. */
const headerLink = (page: Page) => page.getByRole("navigation", { name: "账号" }).locator('a[href="/notices"]');

describe("消息中心 in Chromium", () => {
  it("an objection lodged on 公示 reaches the zone admin's 消息中心 and header; marking it read clears it", async () => {
    const email = `notices-admin-${newId().slice(0, 8)}@zibo.test`;
    await e2e.server.withTenantDb("zibo", (db) =>
      insertTestUser(db, { id: newId(), email, password: PASSWORD, name: "消息测试管理员", role: "zone_admin" }),
    );
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), email, PASSWORD);
    await page.goto(url("/notices"));
    expect((await headerLink(page).textContent())?.trim()).toBe("消息");
    expect(await page.locator("main").textContent()).toContain("还没有消息");

    // Anyone may object to an item on 公示, from the public page.
    const visitor = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await visitor.page.goto(url("/publicity"));
    const item = visitor.page.locator("main li", { has: visitor.page.getByText("对此项提出异议") }).first();
    await item.getByText("对此项提出异议").click();
    await item.getByLabel("姓名或单位").fill("赵女士");
    await item.getByLabel("联系方式").fill("13900002222");
    await item.getByLabel("异议内容").fill(OBJECTION);
    await Promise.all([
      visitor.page.waitForURL((u) => u.searchParams.has("received")),
      item.getByRole("button", { name: "提交异议" }).click(),
    ]);
    await visitor.context.close();

    // On any page, the header counts it; the 消息中心 lists it unread.
    await page.goto(url("/"));
    expect((await headerLink(page).textContent())?.trim()).toBe("消息 (1)");
    await Promise.all([page.waitForURL(url("/notices")), headerLink(page).click()]);
    const notice = page.locator("ol.notices li", { hasText: "公示期间收到异议" });
    expect(await notice.count()).toBe(1);
    expect(await notice.locator(".tag.new").textContent()).toBe("未读");
    expect(await page.locator("main").textContent()).toContain("有 1 条未读消息");
    await screenshot(page, "test-results/notices-admin-1280.png");

    await Promise.all([
      page.waitForURL(/\/notices\?done=one$/),
      notice.getByRole("button", { name: /^标为已读/ }).click(),
    ]);
    expect(await page.getByRole("status").textContent()).toContain("已标为已读");
    expect((await headerLink(page).textContent())?.trim()).toBe("消息");
    expect(await page.locator("ol.notices li.unread").count()).toBe(0);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();

    // At 390 px: the list fits the phone, and 查看 opens the application with the objection.
    const phone = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(phone.page, url("/login"), email, PASSWORD);
    await phone.page.goto(url("/notices"));
    await expectNoSidewaysScroll(phone.page);
    await screenshot(phone.page, "test-results/notices-admin-390.png");
    const open = phone.page.getByRole("button", { name: "查看:公示期间收到异议" });
    const box = await open.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await Promise.all([phone.page.waitForURL(/\/admin\/subsidies\/applications\//), open.click()]);
    expect(await phone.page.locator("main").textContent()).toContain(OBJECTION);

    // 提醒方式: from the 消息中心, one choice per kind, saved; the controls are phone-sized.
    await phone.page.goto(url("/notices"));
    await Promise.all([
      phone.page.waitForURL(url("/account/notices")),
      phone.page.getByRole("link", { name: "设置消息提醒方式" }).click(),
    ]);
    await expectNoSidewaysScroll(phone.page);
    const objections = phone.page.getByLabel("公示异议");
    expect((await objections.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await objections.inputValue()).toBe("email");
    await objections.selectOption("in_app");
    await Promise.all([
      phone.page.waitForURL(url("/account/notices?saved=1")),
      phone.page.getByRole("button", { name: "保存" }).click(),
    ]);
    expect(await phone.page.getByRole("status").textContent()).toContain("已保存");
    expect(await phone.page.getByLabel("公示异议").inputValue()).toBe("in_app");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await phone.context.close();
  }, 60_000);
});
