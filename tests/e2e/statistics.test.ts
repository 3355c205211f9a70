/**
 * 数据看板 in a real Chromium against the Node entry with Zibo's demo data: the zone admin opens it
 * from the work navigation, every chart is drawn as SVG beside a table of its numbers, a bar taken
 * through to the list behind it lands on a list whose total is the bar's number, and at 390 px the
 * page does not scroll sideways.
 */
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "statistics", demo: true });
const HOST = "zibo.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const digits = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

describe("数据看板 in Chromium", () => {
  it("at 1280 px: charts with their tables, and an industry's bar leads to that many enterprises", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/admin/statistics"),
      page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "数据看板" }).click(),
    ]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("数据看板");
    for (const h of ["企业", "申请入驻", "奖补", "金融超市", "政策触达"])
      expect(await page.getByRole("heading", { level: 2, name: h, exact: true }).isVisible()).toBe(true);

    // Every chart: a visible SVG and a table of its numbers (those with no data say 暂无数据).
    const charts = page.locator("main figure.chart");
    const n = await charts.count();
    expect(n).toBeGreaterThanOrEqual(8);
    const drawn = await page.locator("main figure.chart:has(svg) table.chart-table").count();
    const empty = await page.locator("main figure.chart .chart-empty").count();
    expect(drawn + empty).toBe(n);
    expect(drawn).toBeGreaterThanOrEqual(4);
    expect(await page.locator("#chart-ent-industry svg >> visible=true").count()).toBe(1);

    await screenshot(page, "test-results/zibo-statistics-1280.png");
    // The total in the 企业 figures, then an industry's bar: each equals the directory's 共 N 家.
    const total = digits(await page.locator(".figures li", { hasText: "在册企业" }).locator("strong").textContent());
    const cell = page.locator("#chart-ent-industry-table td a").filter({ hasText: /[1-9]/ }).first();
    const href = await cell.getAttribute("href");
    expect(href).toMatch(/^\/admin\/enterprises\?industry=/);
    const barValue = digits(await cell.textContent());
    await Promise.all([
      page.waitForURL((u) => `${u.pathname}${u.search}` === href),
      page.locator(`#chart-ent-industry a.chart-link[href="${href}"] >> visible=true`).click(),
    ]);
    expect(
      digits(
        await page
          .getByText(/共 \d+ 家/)
          .first()
          .textContent(),
      ),
    ).toBe(barValue);
    await page.goto(url("/admin/enterprises"));
    expect(
      digits(
        await page
          .getByText(/共 \d+ 家/)
          .first()
          .textContent(),
      ),
    ).toBe(total);

    // The workbook link answers a spreadsheet.
    await page.goto(url("/admin/statistics"));
    const xlsx = await page.getByRole("link", { name: "下载 Excel" }).getAttribute("href");
    // Fetched by the page itself (the browser resolves the zone's host; Node does not).
    const [status, type] = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return [r.status, r.headers.get("content-type")] as const;
    }, xlsx ?? "");
    expect(status).toBe(200);
    expect(type).toContain("spreadsheetml.sheet");
    // Printed: the figures and charts alone, without navigation, selector or buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.worknav").isVisible()).toBe(false);
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "下载 Excel" }).isVisible()).toBe(false);
    expect(await page.locator("#chart-sub-month").isVisible()).toBe(true);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("at 390 px: a quarter's dashboard fits the phone's width", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "reviewer@zibo.demo", "Demo-zibo-2026");
    await page.goto(url("/admin/statistics"));
    await page.getByLabel("季度").selectOption("4");
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("quarter") === "4"),
      page.getByRole("button", { name: "查看" }).click(),
    ]);
    expect(await page.locator(".period").textContent()).toContain("-10-01");
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/zibo-statistics-390.png");
    await context.close();
  });
});
