/**
 * The pages of each role's main path that the accessibility suites visit, and the
 * checks they run on a page: axe-core (serious and critical violations); at phone width
 * no sideways scroll, no table action off-screen, no badge wrapped into a column of
 * single characters, no tap target under 44×44 px; numeric columns right-aligned under
 * their headers; text size and line spacing (大字版). A page that is one of a list's
 * items ("a programme", "an application") is reached by following the first such link
 * on the list, so the suites do not depend on the demo data's ids.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const PASSWORD = "Demo-zibo-2026";
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * A path, or the first link on a list page whose href starts with `prefix` (never the list itself);
 * `suffix` then names a page of that item ("/print": its 申报书).
 */
export type PageSpec = string | { from: string; prefix: string; name: string; suffix?: string };

export interface RolePath {
  role: string;
  /** null: anonymous. */
  email: string | null;
  pages: PageSpec[];
}

export const ROLE_PATHS: RolePath[] = [
  {
    role: "anonymous",
    email: null,
    pages: [
      "/",
      "/policies",
      { from: "/policies", prefix: "/policies/programmes/", name: "a programme" },
      // 政策计算器 with past awards (issue 13): a programme with a yearly cap, one award stated, the result beside it.
      "/policies/programmes/zibo-tech-contract?_calc=1&contractAmount=12000000" +
        "&_award1_programme=zibo-tech-contract&_award1_date=2026-01-01&_award1_amount=10%E4%B8%87",
      "/finance",
      { from: "/finance", prefix: "/finance/products/", name: "a product" },
      "/publicity",
      "/login",
      "/forgot-password",
      "/apply",
    ],
  },
  {
    role: "enterprise",
    email: "enterprise@zibo.demo",
    pages: [
      "/enterprise",
      "/policies/match",
      "/subsidies",
      { from: "/subsidies", prefix: "/subsidies/applications/", name: "an application" },
      { from: "/subsidies", prefix: "/subsidies/applications/", name: "an application's 申报书", suffix: "/print" },
      "/finance/needs",
      "/finance/loans",
      "/finance/consents",
      "/account/password",
      "/notices",
    ],
  },
  {
    role: "reviewer",
    email: "reviewer@zibo.demo",
    pages: [
      "/admin",
      "/admin/onboarding",
      { from: "/admin/onboarding", prefix: "/admin/onboarding/", name: "an onboarding application" },
      "/admin/enterprises",
      "/admin/indicators",
      "/admin/risk-pool",
      "/admin/reports",
      "/admin/subsidies",
      { from: "/admin/subsidies", prefix: "/admin/subsidies/applications/", name: "a subsidy application" },
      {
        from: "/admin/subsidies",
        prefix: "/admin/subsidies/applications/",
        name: "a subsidy application's 申报书",
        suffix: "/print",
      },
    ],
  },
  {
    role: "zone admin",
    email: "admin@zibo.demo",
    pages: [
      "/admin",
      "/admin/users",
      "/admin/banks",
      { from: "/admin/banks", prefix: "/admin/banks/", name: "a bank" },
      "/admin/policies",
      "/admin/policies/programmes/zibo-tech-contract/edit",
      "/admin/policies/programmes/zibo-rd-institution/edit",
      "/admin/policies/new-programme",
      "/admin/policies/new-programme?shape=percent",
      "/admin/finance",
      "/admin/risk-pool",
      "/admin/jobs",
      "/admin/subsidies/dashboard",
      "/admin/statistics",
      "/admin/indicators",
      "/admin/new-indicator",
      "/admin/reports",
      "/admin/settings",
      "/admin/settings/history",
      "/notices",
      "/account/notices",
      "/account/tokens",
    ],
  },
  {
    role: "bank",
    email: "bank@zibo.demo",
    pages: [
      "/bank",
      "/bank/products",
      { from: "/bank/products", prefix: "/bank/products/", name: "a product" },
      "/bank/new-product",
      "/bank/needs",
      "/bank/loans",
      "/bank/interest-confirmations",
      "/bank/risk-pool",
      "/account/notices",
      "/account/tokens",
    ],
  },
];

/** Signs in through the form, as a person does. */
export async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

/**
 * The enterprise's first subsidy application: when its list is empty (the demo member
 * may have none yet), it starts a draft from the first programme it can apply to.
 */
async function ensureApplication(page: Page, base: string) {
  await page.goto(`${base}/subsidies`);
  if ((await page.locator('main a[href^="/subsidies/applications/"]').count()) > 0) return;
  await page.goto(`${base}/policies`);
  const programmes = await page
    .locator('main a[href^="/policies/programmes/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!.split("#")[0]!))]);
  for (const href of programmes) {
    await page.goto(base + href);
    const start = page.locator('form[action="/subsidies/apply"] button[type=submit]');
    if ((await start.count()) === 0) continue;
    await Promise.all([page.waitForURL(/\/subsidies\/applications\/[a-z2-7]{26}/), start.first().click()]);
    return;
  }
  throw new Error("no programme offers 在线申报 to the demo enterprise");
}

/** Resolves a spec to a path; a list without any such item is an error the test reports. */
export async function resolvePath(page: Page, base: string, spec: PageSpec): Promise<string> {
  if (typeof spec === "string") return spec;
  if (spec.prefix === "/subsidies/applications/") await ensureApplication(page, base);
  await page.goto(base + spec.from);
  const hrefs = await page
    .locator(`main a[href^="${spec.prefix}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const href = hrefs
    .map((h) => h.split("#")[0]!)
    .find(
      (h) =>
        h !== spec.from && !h.includes("?") && h.length > spec.prefix.length && !/\/(new|export|dashboard)$/.test(h),
    );
  if (!href) throw new Error(`${spec.from} links to no ${spec.name} (${spec.prefix}…)`);
  return href + (spec.suffix ?? "");
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The axe rules whose outcome can change with the window's width: a page already checked whole at
 * 1280 px is checked again at 390 px for these only (the phone layout restacks tables and may
 * scroll a region sideways; colours, names and structure do not change with width here — no
 * stylesheet changes a colour by width). A full second run per page was a third of CI's time.
 */
export const WIDTH_SENSITIVE_AXE_RULES = ["scrollable-region-focusable", "target-size", "meta-viewport"] as const;

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousAxeViolations(page: Page, opts: { only?: readonly string[] } = {}): Promise<AxeFinding[]> {
  // Legacy mode: our pages have no frames, and the default mode opens a blank page per run to merge
  // the frames' results (half of each run's time, 60+ runs per suite). Only violations are read.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode(true);
  if (opts.only) axe.withRules([...opts.only]);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => n.target.join(" ")),
    }));
}

/** Layout faults at the current (phone) width, each said in a sentence. */
export async function phoneLayoutFaults(page: Page): Promise<string[]> {
  // No named inner functions here: a bundler's helpers (esbuild's __name) do not exist in the page.
  return page.evaluate(() => {
    const faults: string[] = [];
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > width + 1) faults.push(`page is ${doc.scrollWidth}px wide in a ${width}px window`);
    for (const el of document.querySelectorAll("tr a, tr button, tr input[type=submit]")) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1)
        faults.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 20)}" ` +
            `in a table row ends at ${Math.round(box.right)}px`,
        );
    }
    // Status badges of every kind: .badge, and the pages' .tag, .status and .verdict.
    for (const el of document.querySelectorAll(".badge, .tag, .status, .verdict")) {
      const box = el.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.7;
      if (box.height > line * 2 + 8)
        faults.push(
          `badge "${(el.textContent ?? "").trim().slice(0, 20)}" is ${Math.round(box.height)}px tall (wrapped)`,
        );
    }
    return faults;
  });
}

/**
 * Controls smaller than 44×44 px: buttons, navigation links, links and buttons in
 * table rows, summaries, tabs and pagers. Links inside running text are not counted
 * (WCAG 2.5.8 exempts them; they grow with the text in 大字版).
 */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "button, .btn, nav a, tr a, tr button, summary, .tabs a, .cats a, .counts a, .links a, .pager a, " +
      "input[type=checkbox], input[type=radio], select";
    const small: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // A checkbox or radio counts with its label, which is what a finger hits.
      const target = (el.matches("input") && el.closest("label")) || el;
      const hit = target.getBoundingClientRect();
      if (hit.height < 43.5 || hit.width < 43.5) {
        const classes = el.className ? `.${String(el.className).split(" ").join(".")}` : "";
        const text = (el.textContent ?? "").trim().slice(0, 16);
        const size = `${Math.round(hit.width)}×${Math.round(hit.height)}`;
        small.push(`${el.tagName.toLowerCase()}${classes} "${text}" ${size}`);
      }
    }
    return small;
  });
}

/**
 * Text on the page set smaller than `minPx`, or with lines closer than `minLeading` × the
 * font size: every visible text node (and form control) outside what only screen readers get.
 */
export async function smallText(page: Page, minPx: number, minLeading: number): Promise<string[]> {
  return page.evaluate(
    ([minPx, minLeading]) => {
      const found = new Map<string, string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const parents = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent?.trim() && n.parentElement) parents.add(n.parentElement);
      }
      for (const el of document.querySelectorAll(
        "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button",
      ))
        parents.add(el);
      for (const el of parents) {
        if (el.closest("script, style, [aria-hidden=true], option")) continue;
        const box = el.getBoundingClientRect();
        // Off-screen or clipped to a pixel: text for screen readers only (skip links, captions).
        if (box.width <= 1 || box.height <= 1 || box.right < 0 || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const leading = style.lineHeight === "normal" ? 1.2 : parseFloat(style.lineHeight) / size;
        const classes =
          el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
        const key = `${el.tagName.toLowerCase()}${classes}`;
        if (size < minPx - 0.25)
          found.set(`${key} size`, `${key} "${(el.textContent ?? "").trim().slice(0, 12)}" is ${size.toFixed(1)}px`);
        else if (leading < minLeading - 0.01 && !el.matches("input, select, button"))
          found.set(
            `${key} leading`,
            `${key} "${(el.textContent ?? "").trim().slice(0, 12)}" has line-height ${leading.toFixed(2)}`,
          );
      }
      return [...found.values()];
    },
    [minPx, minLeading] as const,
  );
}

/** Numeric cells (td.num) that are not right-aligned, or whose column header is not. */
export async function numericColumnFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults = new Set<string>();
    for (const td of document.querySelectorAll<HTMLTableCellElement>("table tbody td.num")) {
      const table = td.closest("table")!;
      const head = table.tHead?.rows[table.tHead.rows.length - 1]?.cells[td.cellIndex];
      const name = (head?.textContent ?? "?").trim();
      if (getComputedStyle(td).textAlign !== "right") faults.add(`column "${name}": numbers are not right-aligned`);
      if (head && getComputedStyle(head).textAlign !== "right")
        faults.add(`column "${name}": header is not right-aligned over its numbers`);
    }
    return [...faults];
  });
}
