/**
 * The policy preview in Chinese in a real Chromium: zibo's demo admin raises the R&D
 * subsidy's annual cap from 100万 to 120万 in the JSON and previews it, reads the failing
 * case as a Chinese sentence, accepts the engine's new amounts for the failing cases,
 * sees the corrected set pass with the change said in words, and publishes it. At 390 px
 * the same preview has no sideways scroll.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "policy-preview-zh", demo: true });
const HOST = "zibo.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const CAPPED = "increase of 2500万: 5% is 125万, capped at 100万";
const CHANGE =
  "「科技型企业研发投入普惠制补贴」的限额「单个企业年度最高补助金额不超过100万元」的限额金额由 100万元 改为 120万元";

/** Signs in, sets the R&D subsidy's annual cap in the versions page's JSON, and previews it. */
async function previewWithCap(page: Page, fen: number) {
  await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
  await page.goto(url("/admin/policies"));
  // The page offers the newest set for editing: the admin raises the cap in it.
  const field = page.getByLabel("政策数据(JSON)");
  const set = JSON.parse(await field.inputValue()) as { programmes: { id: string; limits: { fen?: number }[] }[] };
  set.programmes.find((p) => p.id === "zibo-rd-inclusive")!.limits[0]!.fen = fen;
  // Typed in as a whole: fill() on a set this size outlasts the step timeout.
  await field.evaluate(
    (el, json) => {
      (el as HTMLTextAreaElement).value = json;
    },
    JSON.stringify(set, null, 2),
  );
  await Promise.all([
    page.waitForURL(url("/admin/policies/preview")),
    page.getByRole("button", { name: "预览修改" }).click(),
  ]);
}

describe("the policy preview in Chinese, in Chromium", () => {
  it("at 1280 px: the admin reads the failing case, accepts the new amounts, sees the change, publishes", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await previewWithCap(page, 120_000_000);
    const failed = page.locator("label.check", { hasText: CAPPED });
    expect(await failed.textContent()).toContain("应补助100万元,按当前规则为120万元(已按上限计)");
    expect(await page.getByRole("alert").first().textContent()).toMatch(/个测试用例未通过/);
    expect(await page.locator("form[action='/admin/policies/publish']").count()).toBe(0);
    await screenshot(page, "test-results/zibo-policy-preview-zh.png");

    // Each failing case is the rule's intended result: accept them all.
    for (const box of await page.locator("input[name=accept]").all()) await box.check();
    await Promise.all([
      page.waitForURL(url("/admin/policies/preview/cases")),
      page.getByRole("button", { name: "按当前规则更正勾选的用例并重新预览" }).click(),
    ]);
    expect(await page.getByRole("status").first().textContent()).toContain("已按当前规则更正");
    expect(await page.locator("main").textContent()).toContain("检查通过,可以发布为第2版");
    expect(await page.locator("ul.said").first().textContent()).toContain(CHANGE);
    expect(await page.locator("input[name=accept]").count()).toBe(0);

    await page.getByLabel("发布说明(选填)").fill("研发投入普惠制补贴年度上限提高到120万元");
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/admin/policies" && u.searchParams.get("published") === "2"),
      page.getByRole("button", { name: "发布", exact: true }).click(),
    ]);
    expect(await page.locator("main").textContent()).toContain("第2版已发布");
    const published = (await page.evaluate(async () => (await fetch("/admin/policies/download/2")).json())) as {
      cases: { name: string; expect: { amountFen?: number } }[];
    };
    expect(published.cases.find((c) => c.name === CAPPED)!.expect.amountFen).toBe(120_000_000);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });

  it("at 390 px: the Chinese failures, change and proposals fit the phone", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await previewWithCap(page, 90_000_000);
    expect(await page.locator("label.check", { hasText: CAPPED }).textContent()).toContain(
      "应补助120万元,按当前规则为90万元(已按上限计)",
    );
    expect(await page.locator("ul.said").first().textContent()).toContain("由 120万元 改为 90万元");
    await page.getByText(/科技型企业研发投入普惠制补贴:\d+ 个建议用例/).click();
    expect(await page.locator("input[name=add]").first().isVisible()).toBe(true);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "test-results/zibo-policy-preview-zh-390.png");
    await context.close();
  });
});
