/**
 * 适老化 (MIIT 网站适老化规范, GB/T 37668-2019) in a real Chromium with the demo data:
 * the header's 大字版 switch (a pressed button, kept per browser, applied before the
 * page paints) gives text of 18 px or more with lines 1.5 apart and still fits a 390 px
 * phone; every control reached with Tab shows a focus ring; and a refused long form
 * (申请入驻) opens on an error summary whose links move focus to each wrong field.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillApplicationCompany, useE2e } from "../support/e2e";
import { PHONE, phoneLayoutFaults, seriousAxeViolations, signIn, smallTapTargets, smallText } from "./a11y-paths";

const e2e = useE2e({ name: "a11y-senior", demo: true });
const url = (path: string) => e2e.server.url(path);

const px = (page: Page, selector: string, property: "fontSize" | "lineHeight") =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => parseFloat(getComputedStyle(el)[p]), property);

/** Text size, spacing, layout, tap targets and axe on the page as it is now, in a list of sentences. */
async function largeTextFaults(page: Page, path: string): Promise<string[]> {
  await page.goto(url(path));
  expect(await page.locator("html").getAttribute("class"), path).toContain("large");
  return [
    ...(await smallText(page, 18, 1.5)).map((f) => `${path} text: ${f}`),
    ...(await phoneLayoutFaults(page)).map((f) => `${path} layout: ${f}`),
    ...(await smallTapTargets(page)).map((f) => `${path} tap target: ${f}`),
    ...(await seriousAxeViolations(page)).map((v) => `${path} axe ${v.rule}: ${v.targets.join(" | ")}`),
  ];
}

/** Presses Tab up to `max` times; for each element reached, how its focus is drawn. */
async function tabThrough(page: Page, max: number) {
  const seen: { what: string; outline: string; width: number }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const label = (el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).name ?? "")
        .trim()
        .slice(0, 16);
      return {
        what: `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${label}"`,
        outline: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
      };
    });
    if (!f) break;
    seen.push(f);
  }
  return seen;
}

describe("适老化 in Chromium", () => {
  it("大字版: the header switch enlarges text to 18 px or more, fits a phone, and is kept after reload and on other " +
    "pages", async () => {
    const { context, page } = await e2e.chromium.newPage(PHONE);
    // The <html> classes at the moment <body> starts: 大字版 must already be on then (no re-flow).
    await page.addInitScript(() => {
      const w = window as unknown as { classesAtBody?: string };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        w.classesAtBody = document.documentElement.className;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url("/policies"));
    const toggle = page.getByRole("button", { name: "大字版" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await px(page, "body", "fontSize")).toBe(16);

    // Worked from the keyboard, as anything on the page must be.
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await px(page, "body", "fontSize")).toBeGreaterThanOrEqual(18);
    expect((await px(page, "body", "lineHeight")) / (await px(page, "body", "fontSize"))).toBeGreaterThanOrEqual(1.5);
    expect(await smallText(page, 18, 1.5)).toEqual([]);

    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { classesAtBody?: string }).classesAtBody)).toContain(
      "large",
    );
    expect(await page.getByRole("button", { name: "大字版" }).getAttribute("aria-pressed")).toBe("true");
    expect(await px(page, "main p", "fontSize")).toBeGreaterThanOrEqual(18);

    const faults: string[] = [];
    for (const path of ["/", "/policies", "/finance", "/publicity", "/apply", "/login"])
      faults.push(...(await largeTextFaults(page, path)));
    // A signed-in page with table cards, in the same browser: the choice is the browser's, not the account's.
    await signIn(page, url(""), "admin@zibo.demo");
    for (const path of ["/admin/users", "/admin/enterprises", "/admin/subsidies"])
      faults.push(...(await largeTextFaults(page, path)));
    expect(faults, faults.join("\n")).toEqual([]);

    await page.getByRole("button", { name: "大字版" }).click();
    expect(await page.getByRole("button", { name: "大字版" }).getAttribute("aria-pressed")).toBe("false");
    await page.reload();
    expect(await px(page, "body", "fontSize")).toBe(16);
    expect(await page.getByRole("button", { name: "大字版" }).getAttribute("aria-pressed")).toBe("false");
    await context.close();
  }, 120_000);

  it("every link, button, input, select, checkbox and summary reached with Tab shows a focus ring", async () => {
    const { context, page } = await e2e.chromium.newPage(PHONE);
    const reached: string[] = [];
    const unringed: string[] = [];
    for (const [path, max] of [
      ["/login", 25],
      ["/publicity", 30],
      ["/apply", 80],
    ] as const) {
      await page.goto(url(path));
      if (path === "/publicity")
        await page
          .locator("details")
          .first()
          .evaluate((d) => ((d as HTMLDetailsElement).open = true));
      for (const f of await tabThrough(page, max)) {
        reached.push(f.what);
        if (f.outline === "none" || f.width < 2) unringed.push(`${path} ${f.what}: outline ${f.outline} ${f.width}px`);
      }
    }
    expect(unringed).toEqual([]);
    // The walk did reach each kind of control (so the check above covered them).
    for (const kind of [
      /^a "跳到正文"/,
      /^a /,
      /^button\[submit\] "登录"/,
      /^input\[email\]/,
      /^input\[password\]/,
      /^input\[checkbox\]/,
      /^summary /,
      /^textarea/,
      /^select/,
      /^input\[file\]/,
      /^button\[button\] "大字版"/,
    ]) {
      expect(
        reached.some((r) => kind.test(r)),
        `${kind} reached`,
      ).toBe(true);
    }
    await context.close();
  }, 90_000);

  it("申请入驻 refused for two fields: the summary at the top is focused, lists both, and each link moves focus to its " +
    "field", async () => {
    const { context, page } = await e2e.chromium.newPage({ width: 1280, height: 800 });
    await page.goto(url("/apply"));
    const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    // Two wrong fields: a USCC has 18 characters with a check digit; "123" is not a mobile number.
    await fillApplicationCompany(page, { company: "淄博适老化测试材料有限公司", uscc: "12345", mobile: "123" });
    await page
      .getByLabel("营业执照", { exact: true })
      .setInputFiles({ name: "营业执照.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 test") });
    await fill("登录邮箱", "senior-e2e@example.cn");
    await fill("设置密码", "Zibo-Senior-E2e-2026!");
    await fill("再次输入密码", "Zibo-Senior-E2e-2026!");
    await Promise.all([
      page.waitForResponse((r) => r.url() === url("/apply") && r.request().method() === "POST"),
      page.getByRole("button", { name: "提交申请" }).click(),
    ]);
    await page.waitForLoadState();

    const summary = page.locator("[data-error-summary]");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    expect((await summary.boundingBox())!.y).toBeLessThan((await page.locator("main form").boundingBox())!.y);
    const links = summary.getByRole("link");
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
      "#f-uscc",
      "#f-contactMobile",
    ]);
    const texts = await links.allTextContents();
    expect(texts[0]).toContain("统一社会信用代码");
    expect(texts[1]).toContain("联系人手机");

    // A click, then the keyboard: focus lands in the field, which is on screen.
    await links.nth(1).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-contactMobile");
    const box = (await page.locator("#f-contactMobile").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await links.nth(0).focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-uscc");
    expect(await page.locator("#f-uscc").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  }, 60_000);

  it("the work navigation marks the section a page belongs to, and only that one", async () => {
    const { context, page } = await e2e.chromium.newPage(PHONE);
    await signIn(page, url(""), "reviewer@zibo.demo");
    for (const [path, section] of [
      ["/admin/subsidies", "政策兑现"],
      ["/admin/subsidies/dashboard", "政策兑现"],
      ["/admin/enterprises", "企业名录"],
    ] as const) {
      await page.goto(url(path));
      const marked = await page.locator('.worknav a[aria-current="page"]').allInnerTexts();
      expect(marked, path).toEqual([section]);
    }
    await context.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
