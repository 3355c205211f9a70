/**
 * 申报书 in a real Chromium (issue 17): a reviewer opens an application of the Zibo demo from the
 * queue, follows 打印申报书, and the page printed (print media) shows the document alone — no
 * site header, navigation, buttons or footer; the seal block is there — and becomes an A4 PDF.
 * The enterprise's member prints their own draft at phone width without sideways scroll (marked
 * as not yet submitted), and the button on the page asks the browser to print.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "print-application", demo: true });
const url = (path: string) => e2e.server.url(path);
const PASSWORD = "Demo-zibo-2026";
const APPLICATION = /\/applications\/[a-z2-7]{26}$/;

describe("申报书 in Chromium", () => {
  it("a reviewer prints an application: the document alone on A4, with the seal block", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 1280, height: 900 });
    await signInWithForm(page, url("/login"), "reviewer@zibo.demo", PASSWORD);
    await page.goto(url("/admin/subsidies"));
    const first = await page.locator('main a[href^="/admin/subsidies/applications/"]').first().getAttribute("href");
    expect(first).toMatch(APPLICATION);
    await page.goto(url(first!));
    await Promise.all([page.waitForURL(url(`${first}/print`)), page.getByRole("link", { name: "打印申报书" }).click()]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("政策兑现申报书");
    const number = (await page.locator(".doc-no strong").textContent()) ?? "";
    expect(number).toMatch(/^ZB-\d{4}-\d{6}$/);

    // On screen the site's navigation and the print button are there.
    const nav = page.getByRole("navigation", { name: "工作台" });
    const button = page.getByRole("button", { name: "打印申报书" });
    expect(await nav.isVisible()).toBe(true);
    expect(await button.isVisible()).toBe(true);

    await page.emulateMedia({ media: "print" });
    for (const hidden of ["header.site", "nav", "footer.site", ".print-tools", "button"]) {
      const shown = await page.locator(hidden).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
      expect(shown, `${hidden} printed`).toBe(0);
    }
    for (const text of ["申报单位(盖章)", "法定代表人(签字)", "一、申报单位", "六、办理记录", number])
      expect(await page.getByText(text, { exact: false }).first().isVisible(), text).toBe(true);
    const colours = await page.evaluate(() => {
      const sheet = getComputedStyle(document.querySelector(".doc-sheet")!);
      return { body: getComputedStyle(document.body).backgroundColor, ink: sheet.color };
    });
    expect(colours).toEqual({ body: "rgb(255, 255, 255)", ink: "rgb(0, 0, 0)" });

    const pdf = await page.pdf({ format: "A4" });
    writeFileSync("test-results/print-application.pdf", pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(8 * 1024);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("a member prints their own draft at 390 px without sideways scroll; the button asks to print", async () => {
    const { context, page } = await openPage(e2e.chromium, { width: 390, height: 844 });
    await signInWithForm(page, url("/login"), "enterprise@zibo.demo", PASSWORD);
    // The demo member has no application yet: 在线申报 from the first programme offering it starts a draft.
    await page.goto(url("/policies"));
    const programmes = await page
      .locator('main a[href^="/policies/programmes/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!.split("#")[0]!))]);
    for (const href of programmes) {
      await page.goto(url(href));
      const start = page.locator('form[action="/subsidies/apply"] button[type=submit]');
      if ((await start.count()) === 0) continue;
      await Promise.all([page.waitForURL(/\/subsidies\/applications\/[a-z2-7]{26}/), start.first().click()]);
      break;
    }
    const draft = new URL(page.url()).pathname;
    expect(draft).toMatch(APPLICATION);
    const res = await page.goto(url(`${draft}/print`));
    expect(res?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("政策兑现申报书");
    expect(await page.locator(".doc-draft").textContent()).toContain("本申报尚未提交");
    await expectNoSidewaysScroll(page);
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    await page.getByRole("button", { name: "打印申报书" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await screenshot(page, "test-results/print-application-390.png");
    expect(e2e.chromium.cspErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
