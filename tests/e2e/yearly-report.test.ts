/**
 * 年度报表 in a real Chromium against the Node entry with the demo data: the zone admin opens this
 * year's report from the work navigation (1280 px); the demo enterprise's member sees it on 我的企业
 * at phone width, opens the form prefilled from last year (said on the form), adds the report's new
 * figures and files it; the admin's completion page then lists the enterprise as 已填报. Both
 * widths without sideways scroll.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";
import { numericColumnFaults, phoneLayoutFaults, seriousAxeViolations, smallTapTargets } from "./a11y-paths";

const e2e = useE2e({ name: "yearly-report", demo: true });
const url = (path: string) => e2e.server.url(path);
const PASSWORD = "Demo-zibo-2026";
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
// This year: the demo enterprise has last year's figures but none for it, so the form is prefilled.
const YEAR = Number(today().slice(0, 4));
const DUE = new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);

/** The accessibility suite's checks (./a11y-paths.ts) on pages it cannot reach without an open report. */
async function faults(page: Page, phone: boolean): Promise<string[]> {
  const found = (await seriousAxeViolations(page)).map((v) => `axe ${v.rule}: ${v.targets.join(" | ")}`);
  if (phone) found.push(...(await phoneLayoutFaults(page)), ...(await smallTapTargets(page)));
  else found.push(...(await numericColumnFaults(page)));
  return found;
}

describe("年度报表 in Chromium", () => {
  it("the admin opens it, the member files it prefilled from last year, the admin sees it filed", async () => {
    const admin = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(admin.page, url("/login"), "admin@zibo.demo", PASSWORD);
    await Promise.all([
      admin.page.waitForURL(url("/admin/reports")),
      admin.page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "年度报表" }).click(),
    ]);
    await admin.page.getByLabel("报表年度").fill(String(YEAR));
    await admin.page.getByLabel("截止日期").fill(DUE);
    await Promise.all([
      admin.page.waitForURL(url(`/admin/reports/${YEAR}?done=opened`)),
      admin.page.getByRole("button", { name: "开启报表" }).click(),
    ]);
    expect(await admin.page.getByRole("heading", { level: 1 }).textContent()).toBe(`${YEAR} 年度报表完成情况`);
    expect(await admin.page.getByRole("status").first().textContent()).toContain("年度报表已开启");
    expect(await faults(admin.page, false)).toEqual([]);

    const member = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(member.page, url("/login"), "enterprise@zibo.demo", PASSWORD);
    await member.page.goto(url("/enterprise"));
    const name = (await member.page.getByRole("heading", { level: 1 }).textContent())!.trim();
    await expectNoSidewaysScroll(member.page);
    expect(await faults(member.page, true)).toEqual([]);
    await Promise.all([
      member.page.waitForURL(url(`/enterprise/figures?year=${YEAR}`)),
      member.page.getByRole("link", { name: `填报 ${YEAR} 年度报表` }).click(),
    ]);
    expect(await member.page.locator("main").textContent()).toContain("已按上年数据预填,请核对后提交");
    // Last year's revenue is there to check; the report's new figures are for the member to add.
    expect(await member.page.getByLabel("营业收入").inputValue()).not.toBe("");
    await member.page.getByLabel("出口额").fill("0");
    await member.page.getByLabel("发明专利申请数").fill("2");
    await member.page.getByLabel("发明专利授权数").fill("1");
    await member.page.getByLabel("有效发明专利数").fill("6");
    await expectNoSidewaysScroll(member.page);
    expect(await faults(member.page, true)).toEqual([]);
    await Promise.all([
      member.page.waitForURL((u) => u.pathname === "/enterprise"),
      member.page.getByRole("button", { name: "保存" }).click(),
    ]);
    expect(await member.page.locator("main").textContent()).toContain(`${YEAR} 年度报表已填报`);
    await screenshot(member.page, "test-results/yearly-report-member-390.png");

    await admin.page.goto(url(`/admin/reports/${YEAR}?status=filed`));
    const row = admin.page.locator("tbody tr", { hasText: name });
    expect(await row.locator(".tag").textContent()).toBe("已填报");
    await screenshot(admin.page, "test-results/yearly-report-admin-1280.png");
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await admin.page.goto(url(`/admin/reports/${YEAR}`));
    await expectNoSidewaysScroll(admin.page);
    expect(await faults(admin.page, true)).toEqual([]);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await admin.context.close();
    await member.context.close();
  });
});
