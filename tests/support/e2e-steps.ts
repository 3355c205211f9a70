/**
 * Steps the flow suites share: a page in its own context, signing in through the form,
 * and the no-sideways-scroll check.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { E2eBrowser } from "./e2e";

/** A page in its own context (own cookies); a step that hangs fails in 10 s and says which. */
export async function openPage(browser: E2eBrowser, viewport: { width: number; height: number }) {
  const opened = await browser.newPage(viewport);
  opened.page.setDefaultTimeout(10_000);
  return opened;
}

export async function signInWithForm(page: Page, loginUrl: string, email: string, password: string) {
  await page.goto(loginUrl);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

export async function expectNoSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

/**
 * A screenshot for people to look at (test-results/), taken only with YQ_SCREENSHOTS=1: the tests assert on
 * the DOM and on text, never on pixels, and some fifty full-page PNGs were CI time nobody read.
 */
export async function screenshot(page: Page, path: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.YQ_SCREENSHOTS === "1") await page.screenshot({ path, fullPage: opts.fullPage ?? true });
}
