/**
 * 指标与目标 in a real Chromium against the Node entry with the demo data: Dongying's zone admin
 * opens the table from the work navigation, sees the seeded indicators with their 2017 values and
 * 2020 targets, enters an actual (a bad one first: refused, what was typed kept) and sees the
 * progress change; at 390 px the table and an indicator's page fit without sideways scrolling.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm } from "../support/e2e-steps";
import { phoneLayoutFaults, seriousAxeViolations, smallTapTargets } from "./a11y-paths";

/** What the a11y suite checks at 390 px, on Dongying's filled pages (the suite's Zibo has no indicators). */
async function phoneFaults(page: Page): Promise<string[]> {
  return [
    ...(await seriousAxeViolations(page)).map((v) => `axe ${v.rule}: ${v.help} → ${v.targets.join(" | ")}`),
    ...(await phoneLayoutFaults(page)),
    ...(await smallTapTargets(page)).map((t) => `tap target under 44×44: ${t}`),
  ];
}

const e2e = useE2e({ name: "indicators", demo: true });
const HOST = "dongying.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const ADMIN = "admin@dongying.demo";
const PASSWORD = "Demo-dongying-2026";

describe("指标与目标 in Chromium", () => {
  it("at 1280 px: the admin sees the seeded table, enters an actual and sees progress change", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
    await page.goto(url("/admin"));
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/admin/indicators"),
      page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "指标与目标" }).click(),
    ]);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("指标与目标");

    // The seeded rows as printed: 2017 value and 2020 target.
    const row = (code: string) => page.locator(`#indicators tr[data-code="${code}"]`);
    expect(await page.locator("#indicators tbody tr").count()).toBe(18);
    expect(await row("high-tech-enterprises").textContent()).toMatch(/149 家.*2017年.*220 家.*2020年/s);
    expect(await row("energy-per-gdp").textContent()).toContain("0.45 吨标准煤/万元");
    expect(await row("air-quality-days").textContent()).toContain("未填报");
    expect(await page.locator("figure.chart").count()).toBe(1);
    expect(await page.locator("figure.chart").textContent()).toContain("各指标目标完成进度");

    // 空气质量达标比率: 57% (2017) → 62% (2020); enter 2019's actual.
    await Promise.all([
      page.waitForURL((u) => u.pathname.startsWith("/admin/indicators/")),
      row("air-quality-days").getByRole("link", { name: "填报实际值" }).click(),
    ]);
    await page.getByLabel("年份", { exact: true }).fill("2019");
    await page.getByLabel("实际值(%)").fill("六十");
    await page.getByLabel("数据出处", { exact: true }).fill("测试:东营市环境质量公报");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "保存实际值" }).click(),
    ]);
    expect(bad.status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.getByLabel("实际值(%)").inputValue()).toBe("六十");
    expect(await page.locator("[data-error-summary]").textContent()).toContain("请填写数字");

    await page.getByLabel("实际值(%)").fill("60");
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("done") === "value"),
      page.getByRole("button", { name: "保存实际值" }).click(),
    ]);
    expect(await page.getByRole("status").first().textContent()).toContain("实际值已保存。");
    expect(await page.locator("main").textContent()).toContain("完成 60%");

    await page.goto(url("/admin/indicators?year=2019"));
    expect(await row("air-quality-days").textContent()).toMatch(/60%.*测试:东营市环境质量公报.*完成 60%/s);
    await context.close();
  });

  it("at 390 px: the table and an indicator's page fit the phone, with no serious axe finding", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), ADMIN, PASSWORD);
    await page.goto(url("/admin/indicators"));
    await expectNoSidewaysScroll(page);
    expect(await phoneFaults(page)).toEqual([]);
    await page.locator('#indicators tr[data-code="rd-share-gdp"] th a').click();
    await page.waitForURL((u) => u.pathname.startsWith("/admin/indicators/"));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("全社会R&D经费支出占GDP比重");
    await expectNoSidewaysScroll(page);
    expect(await phoneFaults(page)).toEqual([]);
    await context.close();
  });
});
