/**
 * The 工作台 in a real Chromium against the Node entry with the demo data: the reviewer signs in
 * and lands on the 工作台, whose counts match the zone's applications; a member of the public
 * lodges an objection on 公示; back on the 工作台 the reviewer sees it counted and listed, follows
 * it to the application (the objection's text is there) and finds the row marked 有异议 in the
 * queue. At 1280 px and 390 px, without sideways scrolling or CSP errors.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { subsidyApplications, subsidyObjections } from "../../worker/db/schema";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "workbench", demo: true });
const url = (path: string) => e2e.server.url(path);
const PASSWORD = "Demo-zibo-2026";
const OBJECTION = "该企业公示的技术合同金额与登记证明不一致,请园区核实。";

/** The count a card shows (its data-count), by the card's heading. */
const countOn = async (page: Page, heading: string) =>
  Number(
    await page
      .locator("section.panel", { has: page.getByRole("heading", { level: 2, name: heading, exact: true }) })
      .locator("[data-count]")
      .getAttribute("data-count"),
  );

const waitingIn = (stage: string) =>
  e2e.server.withTenantDb("zibo", async (db) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)` })
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.status, "in_review"), eq(subsidyApplications.stage, stage)));
    return Number(row?.n ?? 0);
  });

describe("工作台 in Chromium", () => {
  it("a reviewer lands on it with the right counts; an objection on 公示 appears there and in the queue", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "reviewer@zibo.demo", PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("工作台");
    const firstReview = await waitingIn("first-review");
    expect(firstReview).toBeGreaterThan(0);
    expect(await countOn(page, "待初审")).toBe(firstReview);
    expect(await countOn(page, "待复审")).toBe(await waitingIn("second-review"));
    expect(await countOn(page, "公示异议待处理")).toBe(0);
    expect(await page.locator("main").textContent()).toContain("没有待处理的异议。");
    // Payments are the zone admin's: not on a reviewer's 工作台.
    expect(await page.getByRole("heading", { level: 2, name: "已批准待拨付" }).count()).toBe(0);
    await screenshot(page, "test-results/workbench-reviewer.png");

    // Anyone may object to an item on 公示, from the public page.
    const visitor = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await visitor.page.goto(url("/publicity"));
    const item = visitor.page.locator("main li", { has: visitor.page.getByText("对此项提出异议") }).first();
    await item.getByText("对此项提出异议").click();
    await item.getByLabel("姓名或单位").fill("王先生");
    await item.getByLabel("联系方式").fill("13900001111");
    await item.getByLabel("异议内容").fill(OBJECTION);
    await Promise.all([
      visitor.page.waitForURL((u) => u.searchParams.has("received")),
      item.getByRole("button", { name: "提交异议" }).click(),
    ]);
    expect(await visitor.page.getByRole("heading", { level: 1 }).textContent()).toContain("已收到您的异议");
    await visitor.context.close();
    const [objection] = await e2e.server.withTenantDb("zibo", (db) =>
      db.select().from(subsidyObjections).where(eq(subsidyObjections.content, OBJECTION)),
    );
    expect(objection?.status).toBe("open");

    // Back on the 工作台: counted and listed, one click to the application with the objection on it.
    await page.goto(url("/admin"));
    expect(await countOn(page, "公示异议待处理")).toBe(1);
    const link = page.locator(`a.item[href="/admin/subsidies/applications/${objection!.applicationId}#h-objections"]`);
    expect(await link.count()).toBe(1);
    await Promise.all([page.waitForURL(/\/admin\/subsidies\/applications\//), link.click()]);
    expect(await page.locator("#h-objections").textContent()).toBe("公示异议");
    expect(await page.locator("main").textContent()).toContain(OBJECTION);

    // The queue marks the row.
    await page.goto(url("/admin/subsidies?status=in_review&stage=publicity"));
    const row = page.locator("tbody tr", {
      has: page.locator(`a[href="/admin/subsidies/applications/${objection!.applicationId}"]`),
    });
    expect(await row.locator(".tag", { hasText: "有异议" }).count()).toBe(1);

    // The 工作台 link in the work navigation brings the reviewer back.
    await Promise.all([
      page.waitForURL(url("/admin")),
      page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "工作台", exact: true }).click(),
    ]);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("at 390 px the zone admin's 工作台 fits the phone, with every kind of work and its empty states", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/admin");
    for (const heading of ["待初审", "待复审", "待批准拨付", "已批准待拨付", "贷款申请超时未答复", "申请入驻待审核"])
      expect(await page.getByRole("heading", { level: 2, name: heading, exact: true }).count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/workbench-admin-390.png");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });
});
