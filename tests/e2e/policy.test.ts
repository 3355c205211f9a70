/**
 * 政策纵览 and 政策计算器 in a real Chromium against the Node entry: a visitor
 * finds the R&D subsidy by searching, enters the model case of clause 14 in 元
 * and reads the explained 50万元; an enterprise member sees 政策匹配 ranked and
 * opens a programme's calculator filled in from its records. No page may break
 * the CSP or scroll sideways on a phone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "policy", demo: true });
const url = (path: string) => e2e.server.url(path);
const PHONE = { width: 375, height: 800 };

async function noSideways(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

describe("政策纵览 and 政策计算器 in Chromium", () => {
  it("a visitor searches 研发, opens the subsidy and computes 50万元 with the clause cited", async () => {
    const { page } = await e2e.chromium.newPage(PHONE);
    await page.goto(url("/"));
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策纵览" }).click();
    await page.waitForURL(url("/policies"));
    await noSideways(page);

    await page.getByLabel("搜索项目").fill("研发");
    await Promise.all([page.waitForURL(/\/policies\?q=/), page.getByRole("button", { name: "搜索" }).click()]);
    expect(await page.getByRole("status").or(page.locator("p[aria-live]")).first().textContent()).toMatch(
      /找到 \d+ 个项目/,
    );
    await Promise.all([
      page.waitForURL("**/policies/programmes/zibo-rd-inclusive"),
      page.getByRole("link", { name: "科技型企业研发投入普惠制补贴" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("科技型企业研发投入普惠制补贴");
    expect(await page.locator("mark").textContent()).toContain(
      "按照当年享受研发费用加计扣除费用总额较上年度新增部分的5%给予后补助",
    );
    await noSideways(page);

    const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    await fill("年销售收入(元)", "300000000");
    await fill("研发投入(元)", "9600000");
    await fill("当年研发费用加计扣除额(元)", "30000000");
    await fill("上年度研发费用加计扣除额(元)", "20000000");
    await Promise.all([page.waitForURL(/_calc=1/), page.getByRole("button", { name: "计算" }).click()]);

    const result = page.locator("#result");
    expect(await result.locator(".verdict").textContent()).toBe("符合");
    const text = (await result.textContent()) ?? "";
    expect(text).toContain("50万元");
    expect(text).toContain("第十四条");
    expect(text).toContain("研发投入占年销售收入3.2%");
    expect(await page.getByText("即 30,000万元").count()).toBe(1);
    // The typed values stay in the form and the result is a link.
    expect(await page.getByLabel("年销售收入(元)", { exact: true }).inputValue()).toBe("300000000");
    expect(page.url()).toContain("revenue=300000000");
    await noSideways(page);
    await screenshot(page, "test-results/policy-calculator-phone.png");

    // A slip of the keyboard: the form says which field and keeps the rest.
    await fill("研发投入(元)", "九百六十万");
    await Promise.all([page.waitForURL(/rdExpense=/), page.getByRole("button", { name: "计算" }).click()]);
    expect(await page.locator("#f-rdExpense-error").textContent()).toContain("以元为单位");
    expect(await page.getByLabel("研发投入(元)", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.close();
  });

  it("a desktop visitor sees the form and the result side by side", async () => {
    const { page } = await e2e.chromium.newPage({ width: 1280, height: 900 });
    await page.goto(
      url(
        "/policies/programmes/zibo-rd-inclusive?_calc=1&revenue=300000000&rdExpense=9600000" +
          "&rdDeduction=30000000&prevRdDeduction=20000000",
      ),
    );
    const form = await page.locator(".calc form").boundingBox();
    const result = await page.locator("#result").boundingBox();
    expect(result!.x).toBeGreaterThan(form!.x + form!.width - 1);
    await screenshot(page, "test-results/policy-calculator-desktop.png");
    await page.goto(url("/policies"));
    await screenshot(page, "test-results/policy-overview-desktop.png");
    await page.close();
  });

  it("an enterprise member sees programmes ranked and opens one prefilled", async () => {
    const { page } = await e2e.chromium.newPage(PHONE);
    await page.goto(url("/login"));
    await page.getByLabel("邮箱").fill("enterprise@zibo.demo");
    await page.getByLabel("密码", { exact: true }).fill("Demo-zibo-2026");
    await Promise.all([
      page.waitForURL((u) => u.pathname !== "/login"),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    await Promise.all([
      page.waitForURL("**/policies/match"),
      page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "政策匹配" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("政策匹配");
    const cards = page.locator("ol.progs > li");
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await page.locator("ol.progs h3 a").allTextContents()).toContain("科技型企业研发投入普惠制补贴");
    const card = cards.filter({ hasText: "科技型企业研发投入普惠制补贴" });
    expect(await card.locator(".counts").textContent()).toMatch(/满足 \d+ 项.*待确认 \d+ 项/);
    await noSideways(page);
    await screenshot(page, "test-results/policy-match-phone.png", { fullPage: false });

    await Promise.all([
      page.waitForURL(/from=profile/),
      card.getByRole("link", { name: "在政策计算器中查看和补充" }).click(),
    ]);
    expect(await page.locator(".calc .alert.info").textContent()).toContain("填入并测算");
    expect(await page.locator("#result .verdict").count()).toBe(1);
    await page.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
