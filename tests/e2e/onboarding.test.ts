/**
 * 申请入驻 in a real Chromium against the Node entry: a company applies from the
 * zone's home page with its licence (a PDF), sees its status, the zone admin
 * approves it in 入驻审核, the applicant's session has ended, and it signs in
 * again as the new enterprise's member. Files land in a scratch BLOB_DIR.
 *
 * The server (tests/support/e2e.ts) has the admin written into the zone's
 * database first and a PUBLIC_URL_TEMPLATE with the real port (CSRF checks forms
 * against it).
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { enterprises, materials, onboardingApplications, users } from "../../worker/db/schema";
import { checkCharacter } from "../../worker/lib/uscc";
import { fillApplicationCompany, insertTestUser, useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const ADMIN = { email: "e2e-onboarding-admin@zibo.demo", password: "Zibo-Onboard-Admin-2026!" };
const APPLICANT = { email: "e2e-applicant@example.cn", password: "Zibo-Apply-E2e-2026!" };
const COMPANY = "淄博端到端新材料有限公司";
const USCC = "91370303MA3C411101";

const e2e = useE2e({
  name: "onboarding",
  seed: (withTenantDb) =>
    withTenantDb("zibo", (db) =>
      insertTestUser(db, {
        id: "e2eonboardadmin1",
        email: ADMIN.email,
        password: ADMIN.password,
        name: "审核管理员",
        role: "zone_admin",
      }),
    ),
});

const url = (path: string) => e2e.server.url(path);
const newPage = (viewport?: { width: number; height: number }) => e2e.chromium.newPage(viewport);

async function logIn(page: Page, email: string, password: string) {
  await page.goto(url("/login"));
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

describe("申请入驻 in Chromium", () => {
  it("apply with a licence → status → the admin approves → sign in again as the enterprise", async () => {
    // ── The company applies, starting from the zone's home page (375 px: a phone).
    const applicant = await newPage({ width: 375, height: 800 });
    const page = applicant.page;
    await page.goto(url("/"));
    await page.getByRole("link", { name: "申请入驻" }).click();
    await page.waitForURL(url("/apply"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    await fillApplicationCompany(page, { company: COMPANY, uscc: USCC });
    await page.getByLabel(/^生产型企业/).check();
    await page
      .getByLabel("营业执照", { exact: true })
      .setInputFiles({ name: "营业执照.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 test") });
    await fill("登录邮箱", APPLICANT.email);
    await fill("设置密码", APPLICANT.password);
    await fill("再次输入密码", APPLICANT.password);
    await screenshot(page, "test-results/zibo-onboarding-apply.png");
    await Promise.all([
      page.waitForURL(url("/apply/status?submitted=1")),
      page.getByRole("button", { name: "提交申请" }).click(),
    ]);

    expect(await page.getByRole("status").textContent()).toContain("入驻申请已提交");
    const card = await page.locator("main").textContent();
    expect(card).toContain(COMPANY);
    expect(card).toContain("待审核");
    expect(card).toContain("营业执照.pdf");
    expect(await page.locator("nav.account .who").textContent()).toContain("李四");
    await screenshot(page, "test-results/zibo-onboarding-status.png");

    // ── The zone admin finds it in the queue and approves it.
    const admin = await newPage();
    await logIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto(url("/admin/onboarding?status=submitted"));
    await admin.page.getByRole("link", { name: COMPANY }).click();
    await admin.page.waitForLoadState();
    expect(await admin.page.locator("dl.facts").textContent()).toContain(USCC);
    expect(await admin.page.locator("dl.facts").textContent()).toContain("500万元");
    const licence = admin.page.getByRole("link", { name: "营业执照.pdf" });
    // Fetched by the page itself: Chromium resolves *.localhost, Node's resolver does not.
    const href = (await licence.getAttribute("href"))!;
    const served = await admin.page.evaluate(async (path) => {
      const res = await fetch(path);
      return { status: res.status, body: await res.text() };
    }, href);
    expect(served).toEqual({ status: 200, body: "%PDF-1.4 test" });
    await screenshot(admin.page, "test-results/zibo-onboarding-review.png");
    await admin.page.getByLabel("审核意见(可选)").fill("材料齐全,欢迎入驻。");
    // 通过 asks for confirmation first (the site script's data-confirm).
    admin.page.once("dialog", (d) => void d.accept());
    await Promise.all([
      admin.page.waitForURL(/\?done=approve$/),
      admin.page.getByRole("button", { name: "通过", exact: true }).click(),
    ]);
    expect(await admin.page.getByRole("status").textContent()).toContain("已通过");
    await screenshot(admin.page, "test-results/zibo-onboarding-approved.png");
    await admin.context.close();

    const enterpriseId = await e2e.server.withTenantDb(
      "zibo",
      async (db) => (await db.select().from(users).where(eq(users.email, APPLICANT.email)))[0]!.enterpriseId,
    );
    expect(enterpriseId).toBeTruthy();
    const [enterprise] = await e2e.server.withTenantDb("zibo", (db) =>
      db.select().from(enterprises).where(eq(enterprises.id, enterpriseId!)),
    );
    expect(enterprise).toMatchObject({ name: COMPANY, uscc: USCC });

    // ── The applicant's session ended with the privilege change: signing in again.
    await page.goto(url("/apply/status"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await logIn(page, APPLICANT.email, APPLICANT.password);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.locator("nav.account .who").textContent()).toContain("企业用户");
    await page.goto(url("/apply/status"));
    expect(await page.locator("main").textContent()).toContain("已通过");
    await applicant.context.close();

    expect(e2e.chromium.cspErrors).toEqual([]);
  });

  it(
    "keeps a chosen licence through a validation error, " + "with and without the script, and submits with it",
    async () => {
      const uscc = (serial: string) => {
        const first17 = `91370303MA3C4${serial}`;
        return first17 + checkCharacter(first17);
      };
      const fillAll = async (page: Page, o: { uscc: string; email: string; confirm: string }) => {
        const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
        await fill("企业名称", `淄博保留文件测试${o.uscc.slice(-4)}有限公司`);
        await fill("统一社会信用代码", o.uscc);
        await fill("法定代表人", "张三");
        await fill("成立日期", "2019-03-15");
        await fill("注册资本(元)", "5000000");
        await fill("注册地址", "山东省淄博市高新区柳泉路 2 号");
        await page.getByLabel("所属重点产业").selectOption({ label: "新材料" });
        await fill("国民经济行业代码", "C2651");
        await fill("员工人数", "20");
        await fill("联系人姓名", "李四");
        await fill("联系人手机", "13812345679");
        await fill("联系人邮箱", "contact2@example.cn");
        await fill("登录邮箱", o.email);
        await fill("设置密码", APPLICANT.password);
        await fill("再次输入密码", o.confirm);
      };
      const applicationFiles = async (email: string) =>
        e2e.server.withTenantDb("zibo", async (db) => {
          const [user] = await db.select().from(users).where(eq(users.email, email));
          const [app] = await db
            .select()
            .from(onboardingApplications)
            .where(eq(onboardingApplications.applicantUserId, user!.id));
          return (await db.select().from(materials).where(eq(materials.ownerId, app!.id))).map((m) => m.filename);
        });

      // With the script: the licence goes up as it is chosen, with its name and a 删除 button.
      const { page, context } = await newPage({ width: 390, height: 844 });
      page.setDefaultTimeout(10_000);
      await page.goto(url("/apply"));
      const email = "e2e-kept-js@example.cn";
      await fillAll(page, { uscc: uscc("1201"), email, confirm: "Not-The-Same-2026!" });
      await page
        .getByLabel("营业执照", { exact: true })
        .setInputFiles({ name: "执照扫描件.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 kept") });
      await page.locator("#f-file-licence-status", { hasText: "已上传“执照扫描件.pdf”" }).waitFor();
      expect(
        await page.locator("#f-file-licence-kept").getByRole("button", { name: "删除“执照扫描件.pdf”" }).count(),
      ).toBe(1);
      expect(await page.getByLabel("营业执照", { exact: true }).inputValue()).toBe("");
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "提交申请" }).click()]);
      await page.locator("#f-confirmPassword-error").waitFor();
      // Back with the error: the licence is listed as kept, not asked for again.
      expect(await page.locator("#f-file-licence-kept").textContent()).toContain("执照扫描件.pdf");
      expect(await page.locator("#f-file-licence-error").count()).toBe(0);
      await page.getByLabel("设置密码", { exact: true }).fill(APPLICANT.password);
      await page.getByLabel("再次输入密码", { exact: true }).fill(APPLICANT.password);
      await Promise.all([
        page.waitForURL(url("/apply/status?submitted=1")),
        page.getByRole("button", { name: "提交申请" }).click(),
      ]);
      expect(await page.locator("main").textContent()).toContain("执照扫描件.pdf");
      expect(await applicationFiles(email)).toEqual(["执照扫描件.pdf"]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();

      // Without the script: the file sent with the refused form is kept on the server all the same.
      const plain = await e2e.chromium.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
      });
      const noJs = await plain.newPage();
      noJs.setDefaultTimeout(10_000);
      await noJs.goto(url("/apply"));
      const plainEmail = "e2e-kept-plain@example.cn";
      await fillAll(noJs, { uscc: uscc("1202"), email: plainEmail, confirm: "Not-The-Same-2026!" });
      await noJs
        .getByLabel("营业执照", { exact: true })
        .setInputFiles({ name: "无脚本执照.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 plain") });
      await Promise.all([noJs.waitForLoadState("load"), noJs.getByRole("button", { name: "提交申请" }).click()]);
      await noJs.locator("#f-confirmPassword-error").waitFor();
      expect(await noJs.locator("#f-file-licence-kept").textContent()).toContain("已保留:无脚本执照.pdf");
      await noJs.getByLabel("设置密码", { exact: true }).fill(APPLICANT.password);
      await noJs.getByLabel("再次输入密码", { exact: true }).fill(APPLICANT.password);
      await Promise.all([
        noJs.waitForURL(url("/apply/status?submitted=1")),
        noJs.getByRole("button", { name: "提交申请" }).click(),
      ]);
      expect(await applicationFiles(plainEmail)).toEqual(["无脚本执照.pdf"]);
      await plain.close();
      expect(e2e.chromium.cspErrors).toEqual([]);
    },
  );
});
