/**
 * Each zone's pages in a real Chromium (Debian's, driven by playwright-core)
 * against the Node entry: branding applied under the CSP, documents listed and
 * opened, mobile layout without horizontal scrolling, unknown zones a 404 page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "pages", demo: true });

async function open(
  host: string,
  path: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; status: number }> {
  const { page } = await e2e.chromium.newPage(viewport);
  const res = await page.goto(e2e.server.url(path, host));
  return { page, status: res?.status() ?? 0 };
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe("zone pages in Chromium", () => {
  for (const zone of zones.all()) {
    it(`${zone.slug}: home page shows the zone in its colours and lists its documents`, async () => {
      const { page, status } = await open(`${zone.slug}.localhost`, "/");
      expect(status).toBe(200);
      expect(await page.locator("h1").textContent()).toBe(zone.name.zh);
      expect(await page.locator("header.site").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        rgb(zone.branding.primary),
      );
      const titles = await page.locator(".docs .doc h3 a").allTextContents();
      expect(titles).toEqual(zone.documents.map((d) => d.title));
      await screenshot(page, `test-results/${zone.slug}-home.png`);
      await page.close();
    });
  }

  it("opens a document from the home page and jumps to a cited clause", async () => {
    const { page } = await open("zibo.localhost", "/");
    const doc = zones.get("zibo")!.documents[0]!;
    await page.getByRole("link", { name: doc.title }).click();
    await page.waitForURL(`**/policies/documents/${doc.id}`);
    expect(await page.locator("article.policy h1").textContent()).toBe(doc.title);
    expect(await page.locator("p.clause").count()).toBe(doc.clauses.length);
    await page.goto(`${page.url()}#c-14`);
    const highlighted = await page.locator("#c-14").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator("#c-14").textContent()).toContain("研发费用加计扣除");
    await page.close();
  });

  it("fits a 375px phone screen without horizontal scrolling", async () => {
    for (const path of ["/", `/policies/documents/${zones.get("changzhi")!.documents[0]!.id}`]) {
      const { page } = await open("changzhi.localhost", path, { width: 375, height: 740 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(page, `test-results/changzhi-mobile${path === "/" ? "-home" : "-document"}.png`, {
        fullPage: false,
      });
      await page.close();
    }
  });

  it("shows a 404 page for an unknown zone and the zone list on the bare domain", async () => {
    const unknown = await open("nosuch.localhost", "/");
    expect(unknown.status).toBe(404);
    expect(await unknown.page.locator("h1").textContent()).toBe("页面不存在");
    await unknown.page.close();
    const root = await open("localhost", "/");
    expect(root.status).toBe(200);
    expect(await root.page.locator(".zones .zone h2 a").allTextContents()).toEqual(zones.all().map((z) => z.name.zh));
    await root.page.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
