/**
 * The accessibility suite, in two files (tests/e2e/a11y-public.test.ts, a11y-staff.test.ts) of
 * about equal length: one per role cost more in server start-ups than it won in parallelism.
 * Every page of each role's main path (anonymous, enterprise, reviewer, zone admin, bank; see
 * ./a11y-paths) in a real Chromium with the demo data, at 1280 px and at 390 px:
 * axe-core finds no serious or critical violation (every rule at 1280 px, the rules that can
 * change with width at 390 px: WIDTH_SENSITIVE_AXE_RULES); on the desktop numeric columns are
 * right-aligned under right-aligned headers; on the phone nothing scrolls sideways,
 * no link or button in a table row is off-screen, no status badge wraps into a column of
 * characters, and buttons, navigation links, table actions and summaries are 44×44 px or
 * more. One signed-in context per role; each role's failures are listed together, with
 * axe's rule ids and the elements' selectors.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { useE2e } from "../support/e2e";
import {
  DESKTOP,
  numericColumnFaults,
  PHONE,
  phoneLayoutFaults,
  resolvePath,
  ROLE_PATHS,
  seriousAxeViolations,
  signIn,
  smallTapTargets,
  WIDTH_SENSITIVE_AXE_RULES,
} from "./a11y-paths";

/** What is wrong with the page as it is now, at the viewport it has. */
async function faultsAt(page: Page, path: string, phone: boolean): Promise<string[]> {
  const where = `${path} @${phone ? PHONE.width : DESKTOP.width}px`;
  const faults = (await seriousAxeViolations(page, phone ? { only: WIDTH_SENSITIVE_AXE_RULES } : {})).map(
    (v) => `${where} axe ${v.rule} (${v.impact}): ${v.help} → ${v.targets.join(" | ")}`,
  );
  if (!phone) for (const f of await numericColumnFaults(page)) faults.push(`${where} table: ${f}`);
  if (phone) {
    for (const f of await phoneLayoutFaults(page)) faults.push(`${where} layout: ${f}`);
    for (const t of await smallTapTargets(page)) faults.push(`${where} tap target under 44×44: ${t}`);
  }
  return faults;
}

/**
 * Every role's pages (./a11y-paths ROLE_PATHS), then no Content-Security-Policy violation on
 * any page opened. `zoneColours` adds every zone's home and 政策纵览 (contrast with each
 * zone's branding).
 */
export function a11ySuite(name: string, roles: readonly string[], opts: { zoneColours?: boolean } = {}) {
  const e2e = useE2e({ name, demo: true });
  const base = (host = "zibo.localhost") => e2e.server.url("", host);

  describe("accessibility of each role's pages (axe-core, phone layout, tap targets)", () => {
    for (const role of ROLE_PATHS.filter((r) => roles.includes(r.role))) roleTest(role);

    function roleTest(role: (typeof ROLE_PATHS)[number]) {
      it(`${role.role}: no serious or critical axe violation, nothing off-screen at 390 px`, async () => {
        const { context, page } = await e2e.chromium.newPage(DESKTOP);
        page.setDefaultTimeout(15_000);
        if (role.email) await signIn(page, base(), role.email);
        const faults: string[] = [];
        for (const spec of role.pages) {
          const path = await resolvePath(page, base(), spec);
          await page.setViewportSize(DESKTOP);
          const res = await page.goto(base() + path);
          expect(res?.status(), path).toBe(200);
          expect(new URL(page.url()).pathname, `${path} redirected`).toBe(path.split("?")[0]);
          faults.push(...(await faultsAt(page, path, false)));
          // The same document narrowed to a phone: the layout is CSS only (media and container queries; no
          // script reads the width), so it reflows as a phone's first load would lay it out, without a reload.
          await page.setViewportSize(PHONE);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          faults.push(...(await faultsAt(page, path, true)));
        }
        await context.close();
        expect(faults, `${role.role}'s pages:\n${faults.join("\n")}`).toEqual([]);
      }, 240_000);
    }

    if (opts.zoneColours) {
      it("each zone's colours: home and 政策纵览 pass axe (contrast) on every zone", async () => {
        const { context, page } = await e2e.chromium.newPage(DESKTOP);
        const faults: string[] = [];
        for (const zone of zones.all()) {
          for (const path of ["/", "/policies"]) {
            await page.goto(base(`${zone.slug}.localhost`) + path);
            faults.push(...(await faultsAt(page, `${zone.slug} ${path}`, false)));
          }
        }
        await context.close();
        expect(faults, faults.join("\n")).toEqual([]);
      }, 120_000);
    }

    it("raised no Content-Security-Policy violations on any page", () => {
      expect(e2e.chromium.cspErrors).toEqual([]);
    });
  });
}
