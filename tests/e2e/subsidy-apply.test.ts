/**
 * 在线申报 in a real Chromium against the Node entry: a demo enterprise member
 * starts an application from the programme page, types, and sees the estimate
 * beside the form change and 已自动保存 appear without pressing anything; a
 * reload shows what was typed. When the session is gone mid-typing, the page
 * says so, and after signing in again the typed value comes back (from the
 * browser's copy) and is saved. No CSP violations, no sideways scrolling.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "subsidy-apply", demo: true });
const url = (path: string) => e2e.server.url(path);
const PHONE = { width: 375, height: 800 };

async function signIn(page: Page) {
  await page.goto(url("/login"));
  await page.getByLabel("邮箱").fill("applicant1@zibo.demo");
  await page.getByLabel("密码", { exact: true }).fill("Demo-zibo-2026");
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const saved = (page: Page) => page.locator("#autosave-status", { hasText: "已自动保存" }).waitFor();

describe("在线申报 in Chromium", () => {
  it(
    "autosaves as the member types, refreshes the estimate, " +
      "and keeps the draft through a reload and a lost session",
    async () => {
      const { context, page } = await e2e.chromium.newPage(PHONE);
      page.setDefaultTimeout(10_000);
      await signIn(page);
      await page.goto(url("/policies/programmes/zibo-rd-inclusive"));
      await Promise.all([
        page.waitForURL(/\/subsidies\/applications\/[a-z0-9]+/),
        page.getByRole("button", { name: "在线申报" }).click(),
      ]);
      const draftUrl = page.url().replace(/\?.*$/, "");
      expect(await page.locator("h1").textContent()).toContain("科技型企业研发投入普惠制补贴");
      // Prefilled from the demo enterprise's latest figures.
      expect(await field(page, "年销售收入(元)").inputValue()).toMatch(/^\d+$/);

      await field(page, "年销售收入(元)").fill("3亿");
      await field(page, "研发投入(元)").fill("960万");
      await field(page, "当年研发费用加计扣除额(元)").fill("3000万");
      await field(page, "上年度研发费用加计扣除额(元)").fill("2000万");
      await saved(page);
      const estimate = page.locator("#estimate");
      await estimate.locator(".eval-amount strong", { hasText: "50万元" }).waitFor();
      expect(await estimate.locator(".verdict").textContent()).toBe("符合");
      expect(await estimate.getAttribute("aria-live")).toBe("polite");

      // One more change: the estimate follows it (5% of a 500万 increase).
      await field(page, "当年研发费用加计扣除额(元)").fill("2500万");
      await estimate.locator(".eval-amount strong", { hasText: "25万元" }).waitFor();
      await saved(page);
      await screenshot(page, "test-results/subsidy-draft-phone.png");
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);

      await page.reload();
      expect(await field(page, "当年研发费用加计扣除额(元)").inputValue()).toBe("2500万");
      expect(await page.locator("#estimate").textContent()).toContain("25万元");

      // An invalid value is still a draft's: kept, and flagged under the field.
      await field(page, "研发投入(元)").fill("九百六十万");
      await saved(page);
      expect(await page.locator("#f-rdExpense-error").textContent()).toContain("以元为单位");
      await page.reload();
      expect(await field(page, "研发投入(元)").inputValue()).toBe("九百六十万");
      await field(page, "研发投入(元)").fill("960万");
      await saved(page);

      // The session ends while typing: the page says so and keeps the value in the browser.
      await context.clearCookies();
      await field(page, "上年度研发费用加计扣除额(元)").fill("1500万");
      await page.locator("#autosave-status", { hasText: "登录已超时" }).waitFor();
      await signIn(page);
      await page.goto(draftUrl);
      await saved(page);
      expect(await page.locator("#autosave-status").textContent()).toContain("已恢复");
      expect(await field(page, "上年度研发费用加计扣除额(元)").inputValue()).toBe("1500万");
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      expect(await field(page, "上年度研发费用加计扣除额(元)").inputValue()).toBe("1500万");

      // The materials go up as they are chosen, with no 上传 to press; the list shows each one.
      const pdfOf = (name: string) => ({
        name: `${name}.pdf`,
        mimeType: "application/pdf",
        buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
      });
      const audit = "上年度财务审计报告";
      await page.getByLabel(`选择“${audit}”的文件`).setInputFiles(pdfOf(audit));
      await page
        .locator(".mats > li", { hasText: audit })
        .getByRole("link", { name: `${audit}.pdf` })
        .waitFor();
      expect(await page.locator(".mats > li", { hasText: audit }).locator(".tag").textContent()).toBe("已上传");
      expect(await page.getByRole("button", { name: `上传“${audit}”`, exact: true }).isVisible()).toBe(false);
      // The last one is chosen and 提交申报 pressed at once: it is uploaded, not dropped, and the application goes in.
      const filing = "研发费用加计扣除纳税申报表(本年度和上年度)";
      await page.getByLabel(`选择“${filing}”的文件`).setInputFiles(pdfOf(filing));
      await page.getByRole("button", { name: "提交申报" }).click();
      // A refusal would re-render the form: say what it said.
      await page
        .locator(".standing")
        .waitFor()
        .catch(async (e) => {
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
          throw new Error(`${e}\n${await page.locator("main").innerText()}`);
        });
      expect(await page.locator(".standing").textContent()).toContain("初审中");
      expect(await page.locator(".standing").textContent()).toMatch(/预计完成\d{4}年\d{1,2}月\d{1,2}日前/);
      for (const name of [audit, filing]) expect(await page.locator("main").textContent()).toContain(`${name}.pdf`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, "test-results/subsidy-submitted-desktop.png");
      await page.close();
    },
  );

  it("raised no Content-Security-Policy violations", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
