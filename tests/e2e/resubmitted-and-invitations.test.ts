/**
 * Two small remainders of the zone staff's workspace in a real Chromium with the demo data:
 * the 工作台's 补正后重新提交 card opens the queue with 仅看退回后重新提交 ticked, listing what the
 * card counted, and the box can be cleared; and the open-invitation table (one component on 用户管理,
 * an enterprise's and a bank's page) lists a new staff invitation and revokes it after asking.
 * At 1280 px and 390 px, without sideways scrolling or CSP errors.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subsidyApplications, subsidyEvents } from "../../worker/db/schema";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "resubmitted-queue", demo: true });
const url = (path: string) => e2e.server.url(path);
const PASSWORD = "Demo-zibo-2026";

describe("补正后重新提交 and open invitations in Chromium", () => {
  it("the 工作台 card opens the queue filtered to what it counted; clearing the box shows every application", async () => {
    // One demo application in 初审 becomes "back after a correction": its resubmission opened its stay there.
    const [app] = await e2e.server.withTenantDb("zibo", (db) =>
      db
        .select({ id: subsidyApplications.id, at: subsidyApplications.stageEnteredAt })
        .from(subsidyApplications)
        .where(and(eq(subsidyApplications.status, "in_review"), eq(subsidyApplications.stage, "first-review")))
        .orderBy(asc(subsidyApplications.id))
        .limit(1),
    );
    expect(app?.at).toBeTruthy();
    await e2e.server.withTenantDb("zibo", (db) =>
      db.insert(subsidyEvents).values({
        applicationId: app!.id,
        at: app!.at!,
        actor: "enterprise@zibo.demo",
        action: "resubmitted",
        stage: "first-review",
      }),
    );

    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", PASSWORD);
    const card = page.locator("section.panel", {
      has: page.getByRole("heading", { level: 2, name: "补正后重新提交", exact: true }),
    });
    const counted = Number(await card.locator("[data-count]").getAttribute("data-count"));
    expect(counted).toBeGreaterThanOrEqual(1);
    await Promise.all([page.waitForURL(/resubmitted=1/), card.locator("a.all").click()]);
    expect(new URL(page.url()).searchParams.get("resubmitted")).toBe("1");
    const box = page.getByLabel("仅看退回后重新提交");
    expect(await box.isChecked()).toBe(true);
    expect(await page.locator("main").textContent()).toContain(`共 ${counted} 份申报`);
    expect(await page.locator(`tbody a[href="/admin/subsidies/applications/${app!.id}"]`).count()).toBe(1);
    await screenshot(page, "test-results/queue-resubmitted-1280.png");

    await box.uncheck();
    await Promise.all([
      page.waitForURL((u) => !u.searchParams.has("resubmitted")),
      page.getByRole("button", { name: "筛选" }).click(),
    ]);
    expect(await page.getByLabel("仅看退回后重新提交").isChecked()).toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url("/admin/subsidies?resubmitted=1"));
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/queue-resubmitted-390.png");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("a staff invitation is listed in the shared table and revoked after the zone admin confirms", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", PASSWORD);
    await page.goto(url("/admin/users"));
    const email = `new-reviewer-${Date.now()}@zibo.test`;
    await page.getByLabel("对方的工作邮箱").fill(email);
    await page.getByLabel("姓名", { exact: true }).fill("李审核");
    await Promise.all([
      page.waitForURL((u) => u.pathname !== "/admin/users"),
      page.getByRole("button", { name: "发出邀请" }).click(),
    ]);
    await page.goto(url("/admin/users"));
    const row = page.locator("tbody tr", { hasText: email });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("李审核");
    expect(await row.textContent()).toContain("审核员");
    expect(await row.textContent()).toMatch(/于 .+ 邀请有效期至/);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/staff-invitations-390.png");

    // 撤销 asks first, naming the email; accepted, the invitation goes.
    const asked = page.waitForEvent("dialog");
    const clicked = row.getByRole("button", { name: `撤销给 ${email} 的邀请` }).click();
    const dialog = await asked;
    expect(dialog.message()).toBe(`确定撤销给 ${email} 的邀请?链接会立即失效。`);
    await Promise.all([page.waitForEvent("load"), dialog.accept(), clicked]);
    await page.goto(url("/admin/users"));
    expect(await page.locator("tbody tr", { hasText: email }).count()).toBe(0);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });
});
