/**
 * A new programme published from the form alone, in a real Chromium at phone width: the zibo admin
 * fills in the "分档" shape, the preview says it has no test case yet and opens the cases the engine
 * proposes (a first eligible case, one per tier, the cap, the days), the admin ticks them all, the
 * corrected set passes and is published, and the programme is on the public 政策 page. No sideways
 * scroll on the preview; the proposals' boxes and summaries are tall enough to tap.
 */
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "policy-new-programme-cases", demo: true });
const HOST = "zibo.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const TITLE = "科技企业分档奖励";

describe("a new programme with proposed cases, in Chromium", () => {
  it("at 390 px: form → preview with proposals → tick → publish → public page", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "admin@zibo.demo", "Demo-zibo-2026");
    await page.goto(url("/admin/policies/new-programme?shape=tiers"));
    // A sentence of the set's first document, cited verbatim (the form files the programme under it).
    const clause = await page.evaluate(async () => {
      const versions = (await (await fetch("/api/v1/admin/policy/versions")).json()) as { versions: { id: number }[] };
      const set = (await (await fetch(`/admin/policies/download/${versions.versions[0]!.id}`)).json()) as {
        documents: { clauses: { id: string; text: string }[] }[];
      };
      const c = set.documents[0]!.clauses.find((x) => x.text.replace(/\s+/g, "").length >= 12)!;
      return { id: c.id, excerpt: c.text.replace(/\s+/g, "").slice(0, 12) };
    });
    await page.locator("#f-id").fill("zibo-e2e-tiered-award");
    await page.locator("#f-title\\.zh").fill(TITLE);
    await page.locator("#f-title\\.en").fill("Tiered award for technology enterprises");
    await page.locator("#f-clause").fill(clause.id);
    await page.locator("#f-excerpt").fill(clause.excerpt);
    await page.locator("#f-applicants\\.zh").fill("园区内注册的科技型企业");
    await page.getByRole("button", { name: /预览/ }).first().click();
    await page.waitForLoadState();

    expect(await page.getByRole("status").filter({ hasText: "还没有测试用例" }).textContent()).toContain(
      `「${TITLE}」`,
    );
    const first = page.locator("label.check", { hasText: "符合条件的起始用例" });
    expect(await first.isVisible()).toBe(true);
    expect(await first.textContent()).toContain("按当前规则:符合条件,补助100万元");
    expect(await page.locator("label.check", { hasText: "按所属档次“三档”" }).textContent()).toContain("补助20万元");
    await expectNoSidewaysScroll(page);
    for (const box of await page.locator("label.check:has(input[name=add])").all())
      expect((await box.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, "test-results/zibo-new-programme-cases-390.png");

    for (const box of await page.locator("input[name=add]").all()) await box.check();
    await Promise.all([
      page.waitForURL(url("/admin/policies/preview/cases")),
      page.getByRole("button", { name: "将勾选的用例加入并重新预览" }).click(),
    ]);
    expect(await page.getByRole("status").first().textContent()).toMatch(/已加入 \d+ 个建议用例/);
    expect(await page.locator("main").textContent()).toMatch(/检查通过,可以发布为第\d+版/);
    await Promise.all([
      page.waitForURL(/\/admin\/policies\?published=\d+/),
      page.getByRole("button", { name: "发布", exact: true }).click(),
    ]);
    await page.goto(url("/policies/programmes/zibo-e2e-tiered-award"));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(TITLE);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  });
});
