/**
 * 园区设置 in a real Chromium against the Node entry with the demo data, at desktop and
 * phone widths: the demo zone admin of dongying opens 园区设置 from the work navigation,
 * changes the phone, saves, sees the notice, and the zone home shows the new number; a
 * bad number is refused with the message beside the field and what was typed kept. A logo
 * uploaded on the page shows in every page's header (served through CSP, named by the
 * zone's name) until removed; a save from a tab opened before someone else's save is
 * refused (409) with the current values shown.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "zone-settings", demo: true });
const HOST = "dongying.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const ADMIN = "admin@dongying.demo";
const PASSWORD = "Demo-dongying-2026";
/** Where a save lands (the fragment names the section saved). */
const SAVED = /\/admin\/settings\?saved=1(#|$)/;

/** Submits the contact form; the status of the answer to the POST. */
async function saveContact(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === url("/admin/settings/contact") && r.request().method() === "POST"),
    page.getByRole("button", { name: "保存联系方式" }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

describe("园区设置 in Chromium", () => {
  for (const [label, viewport, phone] of [
    ["1280 px", { width: 1280, height: 900 }, "0546-8123456"],
    ["390 px", { width: 390, height: 844 }, "0546-8654321"],
  ] as const) {
    it(`at ${label}: the admin changes the phone, sees the notice and the home page's new number`, async () => {
      const { context, page } = await openPage(e2e.chromium, viewport);
      await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
      await page.goto(url("/admin/users"));
      await Promise.all([
        page.waitForURL(url("/admin/settings")),
        page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "园区设置" }).click(),
      ]);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("园区设置");
      if (viewport.width < 400) await expectNoSidewaysScroll(page);

      // A bad number: the message beside the field, the typed value kept, the page says 422.
      const field = page.getByLabel("电话", { exact: true });
      await field.fill("8317796");
      expect(await saveContact(page)).toBe(422);
      expect(await page.getByLabel("电话", { exact: true }).inputValue()).toBe("8317796");
      expect(await page.getByLabel("电话", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      const beside = page.locator(".field", { has: page.locator("#f-contact\\.phone") }).locator(".field-error");
      expect(await beside.textContent()).toContain("联系电话应为 区号-号码");
      expect(await page.locator("[data-error-summary]").isVisible()).toBe(true);

      // A good one: saved, the notice, and the zone home shows it.
      await page.getByLabel("电话", { exact: true }).fill(phone);
      expect(await saveContact(page)).toBe(303);
      expect(new URL(page.url()).search).toBe("?saved=1");
      expect(await page.getByRole("status").first().textContent()).toContain("已保存,所有页面将在5秒内更新");
      expect(await page.getByLabel("电话", { exact: true }).inputValue()).toBe(phone);
      await page.goto(url("/"));
      expect(await page.locator("main").textContent()).toContain(phone);
      if (viewport.width < 400) await expectNoSidewaysScroll(page);
      await screenshot(page, `test-results/dongying-settings-home-${viewport.width}.png`);
      expect(e2e.chromium.cspErrors).toEqual([]);
      await context.close();
    });
  }

  it("修改记录 lists the saves; 恢复此版本 asks in words, then the home page shows that version's phone", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
    await page.goto(url("/admin/settings"));
    await screenshot(page, "test-results/dongying-settings.png");
    await page.getByRole("link", { name: "修改记录" }).click();
    await page.waitForURL(url("/admin/settings/history"));
    expect(await page.locator("main").textContent()).toContain("修改了联系方式");
    const restore = page.getByRole("button", { name: /恢复此版本/ }).first();
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.accept();
    });
    await Promise.all([page.waitForURL(/\/admin\/settings\/history\?restored=\d+$/), restore.click()]);
    expect(asked).toMatch(/^确定恢复到第\d+版的设置吗/);
    expect(await page.getByRole("status").first().textContent()).toContain("所有页面将在5秒内更新");
    await screenshot(page, "test-results/dongying-settings-history.png");
    await page.goto(url("/"));
    // The newest save before the current one is the 1280 px test's number.
    expect(await page.locator("main").textContent()).toContain("0546-8123456");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("a logo uploaded on the page shows in the header with the zone's name as its text, until removed", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
    await page.goto(url("/admin/settings#s-logo"));
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    await page
      .getByLabel("徽标图片", { exact: true })
      .setInputFiles({ name: "徽标.png", mimeType: "image/png", buffer: png });
    await Promise.all([page.waitForURL(SAVED), page.getByRole("button", { name: "上传徽标" }).click()]);
    const zoneName = (await page.locator("header.site .brand strong").textContent())!;
    const logo = page.locator("header.site").getByRole("img", { name: zoneName, exact: true });
    await page.goto(url("/"));
    expect(await logo.isVisible()).toBe(true);
    // Loaded, not a broken image: the address, its type and the page's CSP all agree.
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/dongying-logo-390.png", { fullPage: false });

    await page.goto(url("/admin/settings#s-logo"));
    await Promise.all([page.waitForURL(SAVED), page.getByRole("button", { name: "删除徽标" }).click()]);
    await page.goto(url("/"));
    expect(await page.locator("header.site img").count()).toBe(0);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("a save from a tab opened before another save is refused, naming it, with the current values shown", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
    await page.goto(url("/admin/settings"));
    const other = await context.newPage();
    await other.goto(url("/admin/settings"));
    await other.getByLabel("电话", { exact: true }).fill("0546-8111222");
    await Promise.all([other.waitForURL(SAVED), other.getByRole("button", { name: "保存联系方式" }).click()]);

    await page.getByLabel("电话", { exact: true }).fill("0546-8333444");
    expect(await saveContact(page)).toBe(409);
    expect(await page.getByRole("alert").first().textContent()).toContain("没有保存");
    expect(await page.getByLabel("电话", { exact: true }).inputValue()).toBe("0546-8111222");
    await page.getByLabel("电话", { exact: true }).fill("0546-8333444");
    expect(await saveContact(page)).toBe(303);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });
});
