/**
 * 政策兑现 end to end in a real Chromium against the Node entry with the demo
 * data: an enterprise member applies for 技术合同交易扶持 from its programme
 * page, fills the contract value, uploads each required material (a small PDF
 * from a temporary file) and submits; the reviewer passes 初审 from the queue;
 * a second staff member (the zone admin) passes 复审; and the application is on
 * the public 公示 page, where anyone can open the objection form. The staff
 * pages and 公示 must not scroll sideways on a phone or break the CSP.
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { enterprises, users } from "../../worker/db/schema";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot, usePdfFiles } from "../support/e2e-steps";

const e2e = useE2e({ name: "subsidy", demo: true });
const url = (path: string) => e2e.server.url(path);
const PHONE = { width: 375, height: 800 };
const PASSWORD = "Demo-zibo-2026";
const PROGRAMME = "技术合同交易扶持";

const files = usePdfFiles(["技术合同登记证明", "技术合同文本"]);

const open = (viewport: { width: number; height: number }) => openPage(e2e.chromium, viewport);
const logIn = (page: Page, email: string) => signInWithForm(page, url("/login"), email, PASSWORD);
const noSideways = expectNoSidewaysScroll;

/** Opens the application from 政策兑现's queue, as staff do: the tab of the stage, then the row. */
async function openFromQueue(page: Page, tab: string, enterprise: string) {
  await Promise.all([
    page.waitForURL("**/admin/subsidies"),
    page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "政策兑现" }).click(),
  ]);
  await Promise.all([
    page.waitForURL(/stage=/),
    page
      .getByRole("navigation", { name: "按环节" })
      .getByRole("link", { name: new RegExp(`^${tab}`) })
      .click(),
  ]);
  const row = page.locator("tbody tr").filter({ hasText: PROGRAMME }).filter({ hasText: enterprise });
  expect(await row.count()).toBe(1);
  await Promise.all([
    page.waitForURL(/\/admin\/subsidies\/applications\//),
    row.getByRole("link", { name: enterprise }).click(),
  ]);
}

describe("政策兑现 in Chromium", () => {
  it("an enterprise applies with uploads, two staff members pass it, and it is on 公示", async () => {
    const enterprise = await e2e.server.withTenantDb("zibo", async (db) => {
      const [row] = await db
        .select({ name: enterprises.name })
        .from(users)
        .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
        .where(eq(users.email, "applicant1@zibo.demo"));
      return row!.name;
    });

    // ── The enterprise member applies from the programme's page.
    const member = await open(PHONE);
    let page = member.page;
    await logIn(page, "applicant1@zibo.demo");
    await page.goto(url("/policies/programmes/zibo-tech-contract"));
    await Promise.all([
      page.waitForURL(/\/subsidies\/applications\/[a-z2-7]{26}\?done=created/),
      page.getByRole("button", { name: "在线申报" }).click(),
    ]);
    const applicationPath = new URL(page.url()).pathname;
    for (const [name, file] of Object.entries(files)) {
      const material = page.locator(".mats > li").filter({ hasText: name });
      // Uploaded as it is chosen (the page's script); no 上传 to press.
      await material.locator("input[type=file]").setInputFiles(file);
      await page.locator(".mats > li").filter({ hasText: name }).locator(".tag", { hasText: "已上传" }).waitFor();
    }
    await page.getByLabel(/^技术合同认定额/).fill("5000000");
    await Promise.all([page.waitForURL(/done=submitted/), page.getByRole("button", { name: "提交申报" }).click()]);
    expect(await page.locator("main").textContent()).toContain("初审");
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-submitted-phone.png");
    await member.context.close();

    // ── The reviewer passes 初审 from the queue.
    const reviewer = await open(PHONE);
    page = reviewer.page;
    await logIn(page, "reviewer@zibo.demo");
    await openFromQueue(page, "待初审", enterprise);
    expect(new URL(page.url()).pathname).toBe(`/admin${applicationPath}`);
    expect(await page.locator("#h-facts-list + dl").textContent()).toContain("500万元");
    expect(await page.locator(".eval .verdict").textContent()).toBe("符合");
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-staff-application-phone.png");
    await Promise.all([page.waitForURL(/done=pass/), page.getByRole("button", { name: "通过初审" }).click()]);
    expect(await page.getByRole("status").first().textContent()).toContain("已通过");
    // The same person may not pass 复审 as well.
    expect(await page.getByText("上一环节由你通过").count()).toBe(1);
    await reviewer.context.close();

    // ── A second staff member, the zone admin, passes 复审.
    const admin = await open({ width: 1280, height: 900 });
    page = admin.page;
    await logIn(page, "admin@zibo.demo");
    await openFromQueue(page, "待复审", enterprise);
    await screenshot(page, "test-results/subsidy-staff-application-desktop.png");
    await Promise.all([page.waitForURL(/done=pass/), page.getByRole("button", { name: "通过复审" }).click()]);
    expect(await page.locator(".lead .tag").first().textContent()).toBe("公示中");
    expect((await page.locator(".timeline").textContent()) ?? "").toContain("admin@zibo.demo");
    await admin.context.close();

    // ── Anyone sees it on 公示, with nothing personal, and can open the objection form.
    const visitor = await open(PHONE);
    page = visitor.page;
    await page.goto(url("/"));
    await Promise.all([
      page.waitForURL("**/publicity"),
      page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "公示" }).click(),
    ]);
    const item = page.locator(".notice-item").filter({ hasText: PROGRAMME }).filter({ hasText: enterprise });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain("15万元");
    expect(await page.locator("main").textContent()).not.toMatch(/1[3-9]\d{9}|@/);
    await item.getByText("对此项提出异议").click();
    expect(await item.getByLabel("联系方式").isVisible()).toBe(true);
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-publicity-phone.png");
    await visitor.context.close();
  }, 60_000);

  it("the queue, a paid application and the dashboard fit a phone", async () => {
    const { page, context } = await open(PHONE);
    await logIn(page, "admin@zibo.demo");
    await page.goto(url("/admin/subsidies"));
    expect(await page.locator("h1").textContent()).toBe("政策兑现");
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-queue-phone.png");
    // The demo's paid application: its payment ledger, timeline and explanation.
    await Promise.all([
      page.waitForURL(/\/admin\/subsidies\/applications\//),
      page.locator("tbody tr").filter({ hasText: "已拨付" }).first().getByRole("link").click(),
    ]);
    expect(await page.getByRole("heading", { name: "拨付记录" }).count()).toBe(1);
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-paid-phone.png");
    await page.goto(url("/admin/subsidies"));
    await page.getByRole("link", { name: "统计与预算" }).click();
    await page.waitForURL("**/admin/subsidies/dashboard");
    expect(await page.getByRole("heading", { name: "各环节" }).count()).toBe(1);
    await noSideways(page);
    await screenshot(page, "test-results/subsidy-dashboard-phone.png");
    await context.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
