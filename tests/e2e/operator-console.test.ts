/**
 * The operator console in a real Chromium against the Node entry, at desktop and phone
 * widths: the operator signs in on the bare root, creates a zone with the form, finds it in
 * the list, suspends it (confirming) — its subdomain then answers 503 — and resumes it. Every
 * console page is axe-clean (serious and critical) and, at phone width, has no layout faults.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createOperator } from "../../worker/features/operator/create-operator";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm } from "../support/e2e-steps";
import { phoneLayoutFaults, seriousAxeViolations } from "./a11y-paths";

const OPERATOR = { email: "operator@e2e.test", name: "测试运营", password: "Operator-E2e-2026" };

const e2e = useE2e({
  name: "operator-console",
  // The platform database is the file the zones' template names "platform" (node-server.ts).
  seed: (withDb) => withDb("platform", (db) => createOperator({ db, ...OPERATOR, nowMs: Date.now() })).then(() => {}),
});
const root = (path: string) => e2e.server.url(path, "localhost");

async function expectAccessible(page: Page, phone: boolean) {
  expect(await seriousAxeViolations(page), page.url()).toEqual([]);
  if (phone) {
    await expectNoSidewaysScroll(page);
    expect(await phoneLayoutFaults(page), page.url()).toEqual([]);
  }
}

/** Clicks a button whose form asks to confirm, accepting the question; the answer's status. */
async function confirmAndSubmit(page: Page, button: string): Promise<string> {
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.accept();
  });
  await Promise.all([page.waitForURL(/\?done=/), page.getByRole("button", { name: button }).click()]);
  return question;
}

describe("the operator console in Chromium", () => {
  for (const [label, viewport, slug] of [
    ["1280 px", { width: 1280, height: 900 }, "e2e-desk"],
    ["390 px", { width: 390, height: 844 }, "e2e-phone"],
  ] as const) {
    const phone = viewport.width < 400;
    it(`at ${label}: sign in, create a zone, suspend and resume it`, async () => {
      const { context, page } = await openPage(e2e.chromium, viewport);
      await page.goto(root("/"));
      await Promise.all([page.waitForURL(root("/login")), page.getByRole("link", { name: "平台运营后台" }).click()]);
      await expectAccessible(page, phone);
      await signInWithForm(page, root("/login"), OPERATOR.email, OPERATOR.password);
      expect(page.url()).toBe(root("/console"));
      await expectAccessible(page, phone);

      // 创建园区: a bad phone first (kept, the message beside the field), then a good one.
      await page.getByRole("navigation", { name: "运营后台" }).getByRole("link", { name: "创建园区" }).click();
      await page.waitForURL(root("/console/new-zone"));
      await expectAccessible(page, phone);
      const zh = `${slug}测试高新技术产业开发区`;
      await page.getByLabel("园区标识(子域名)").fill(slug);
      await page.getByLabel("园区中文名称").fill(zh);
      await page.getByLabel("园区英文名称").fill(`${slug} Hi-tech Zone`);
      await page.getByLabel("省份").fill("山东省");
      await page.getByLabel("城市").fill("淄博市");
      await page.getByLabel("咨询电话").fill("12345");
      await page.getByRole("button", { name: "创建园区" }).click();
      await page.waitForLoadState();
      expect(await page.getByLabel("咨询电话").getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByLabel("园区标识(子域名)").inputValue()).toBe(slug);
      await page.getByLabel("咨询电话").fill("0533-2345678");
      await Promise.all([
        page.waitForURL(root(`/console/zones/${slug}?done=created`)),
        page.getByRole("button", { name: "创建园区" }).click(),
      ]);
      expect(await page.getByRole("status").first().textContent()).toContain("园区已创建");
      await expectAccessible(page, phone);

      // The new zone serves on its subdomain, and the list shows it.
      const zonePage = await context.newPage();
      const served = await zonePage.goto(e2e.server.url("/", `${slug}.localhost`));
      expect(served?.status()).toBe(200);
      expect(await zonePage.content()).toContain(zh);
      await page.goto(root("/console"));
      const row = page.getByRole("row", { name: new RegExp(zh) });
      expect(await row.textContent()).toContain("正常服务");

      // 暂停 (confirmed): the zone answers 503; 恢复: it serves again.
      await page.getByRole("link", { name: zh }).click();
      await page.waitForURL(root(`/console/zones/${slug}`));
      expect(await confirmAndSubmit(page, "暂停服务")).toContain("确定暂停");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("已暂停");
      expect((await zonePage.reload())?.status()).toBe(503);
      await confirmAndSubmit(page, "恢复服务");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("正常服务");
      expect((await zonePage.reload())?.status()).toBe(200);

      // The first admin's link, shown once on the zone's origin.
      await page.getByLabel("管理员姓名").fill("首位管理员");
      await page.getByLabel("管理员邮箱").fill(`admin@${slug}.test`);
      await page.getByRole("button", { name: "发放设置密码链接" }).click();
      await page.waitForLoadState();
      expect(await page.locator("#admin-link").textContent()).toContain(
        e2e.server.url("/reset-password?token=", `${slug}.localhost`),
      );
      await expectAccessible(page, phone);

      await page.goto(root("/console/audit"));
      expect(await page.locator("main table").textContent()).toContain("暂停园区");
      await expectAccessible(page, phone);
      await context.close();
      expect(e2e.chromium.cspErrors).toEqual([]);
    });
  }
});
