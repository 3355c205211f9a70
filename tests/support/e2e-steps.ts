/**
 * Steps the flow suites share: a page in its own context, signing in through the form,
 * and the no-sideways-scroll check.
 */
import type { Page } from "playwright-core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
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

/** A one-page PDF, small and well-formed. */
const ONE_PAGE_PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj
trailer<</Root 1 0 R>>
%%EOF
`;

/**
 * One-page PDFs on disk named after `names` (`<name>.pdf`), as a person picks them in a file dialog: written
 * before the suite's tests, in a temporary folder removed after them. The record fills in beforeAll.
 */
export function usePdfFiles(names: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {};
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "yuanqu-e2e-files-"));
    for (const name of names) {
      files[name] = join(dir, `${name}.pdf`);
      writeFileSync(files[name], ONE_PAGE_PDF);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return files;
}
