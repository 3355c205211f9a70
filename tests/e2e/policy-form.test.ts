/**
 * 政策表单 in a real Chromium against the Node entry with the demo data: the zibo admin opens a
 * programme's form from 政策版本, raises its yearly cap in 万元 and sees the preview with the new
 * cap (its test cases now fail, so there is nothing to publish); then adds a material as a new
 * row, previews, publishes, and the form of the new version shows the material; adds a level
 * (a tier row) and a 每家每年上限 limit and reads both in the preview's Chinese diff. At 390 px the
 * form fits the screen.
 */
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "policy-form", demo: true });
const HOST = "zibo.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const EDIT = "/admin/policies/programmes/zibo-tech-contract/edit";

describe("政策表单 in Chromium", () => {
  it("changes a cap in 万元 to a preview, and publishes an added material", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
    await page.goto(url("/admin/policies"));
    await page.getByText(/现行的 \d+ 个项目/).click();
    await Promise.all([
      page.waitForURL(url(EDIT)),
      page.locator("li", { hasText: "技术合同交易扶持" }).getByRole("link", { name: "编辑" }).click(),
    ]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("编辑:技术合同交易扶持");
    const cap = page.locator("#f-limits\\.0\\.fen");
    expect(await cap.inputValue()).toBe("30");

    // A cap raised to 40万: the preview shows it, and the cases that expected 30万 fail.
    await cap.fill("40万");
    const [raised] = await Promise.all([
      page.waitForResponse((r) => r.url() === url(EDIT) && r.request().method() === "POST"),
      page.getByRole("button", { name: "预览修改" }).click(),
    ]);
    await page.waitForLoadState();
    expect(raised.status()).toBe(200);
    const preview = (await page.locator("main").textContent()) ?? "";
    expect(preview).toMatch(/40000000|40万元/);
    expect(preview).toContain("未通过");
    expect(await page.getByRole("button", { name: "发布", exact: true }).count()).toBe(0);

    // A material added in a blank row: cases pass, published as the next version.
    await page.goto(url(EDIT));
    await page.locator("#rows-materials .pf-row.new input[type=text]").first().fill("技术合同登记证明复印件");
    await page.getByRole("button", { name: "预览修改" }).click();
    await page.waitForLoadState();
    expect(await page.locator("main").textContent()).toMatch(/检查通过,可以发布为第\d+版/);
    await Promise.all([
      page.waitForURL(/\/admin\/policies\?published=\d+/),
      page.getByRole("button", { name: "发布", exact: true }).click(),
    ]);
    expect(await page.getByRole("status").first().textContent()).toMatch(/第\d+版已发布/);
    await page.goto(url(EDIT));
    const materials = await page
      .locator("#rows-materials .pf-row:not(.new) input[type=text]")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(materials).toContain("技术合同登记证明复印件");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("adds a level as a row and a 每家每年上限 limit, and reads both in the preview", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
    const edit = "/admin/policies/programmes/zibo-rd-institution/edit";
    await page.goto(url(edit));
    expect(await page.locator("#f-amount\\.0\\.amounts\\.0\\.zh").inputValue()).toBe("国家级");
    await page.locator("#f-amount\\.0\\.amounts\\.3\\.zh").fill("区级");
    await page.locator("#f-amount\\.0\\.amounts\\.3\\.value").fill("5万");
    await page.locator("#f-limits\\.1\\.kind").selectOption({ label: "每家每年上限" });
    await page.locator("#f-limits\\.1\\.fen").fill("100");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url() === url(edit) && r.request().method() === "POST"),
      page.getByRole("button", { name: "预览修改" }).click(),
    ]);
    await page.waitForLoadState();
    expect(res.status()).toBe(200);
    const changes = await page.locator("main li").allTextContents();
    expect(changes).toContain("「企业研发机构创建扶持」新增申报信息项「研发机构级别」的选项「区级」");
    expect(changes.some((c) => c.startsWith("「企业研发机构创建扶持」新增限额「单家企业每年最高不超过100万元」"))).toBe(
      true,
    );
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("fits a phone: the form and a refused amount at 390 px", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
    await page.goto(url(EDIT));
    await expectNoSidewaysScroll(page);
    await page.locator("#f-limits\\.0\\.fen").fill("abc");
    await page.getByRole("button", { name: "预览修改" }).click();
    await page.waitForLoadState();
    expect(await page.locator("#f-limits\\.0\\.fen-error").textContent()).toContain("请填写金额");
    expect(await page.locator("#f-limits\\.0\\.fen").inputValue()).toBe("abc");
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/zibo-programme-form-390.png");
    await page.goto(url("/admin/policies/programmes/zibo-rd-institution/edit"));
    await expectNoSidewaysScroll(page);
    // 删除这一项 and the new rows' selects are tap targets too.
    for (const box of await page
      .locator(".pf-row label.check, .pf-row select, .pf-row input:not([type=checkbox])")
      .all()) {
      const height = (await box.boundingBox())?.height ?? 0;
      expect(height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, "test-results/zibo-programme-form-tiers-390.png");
    await page.goto(url("/admin/policies/new-programme"));
    await expectNoSidewaysScroll(page);
    await context.close();
  });
});
