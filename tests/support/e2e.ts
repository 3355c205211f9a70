/**
 * What every browser test shares: the Node entry on a free port (the public origin
 * derived from that port, DEV_TOOLS=1, temporary files), a Chromium (see chromium-path.ts) driven by
 * playwright-core, pages that record Content-Security-Policy violations, and test
 * accounts written straight into a zone's database.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import type { TenantDb } from "../../worker/db/open";
import { users, type Role } from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { resolveChromium } from "./chromium-path";
import { startTestNodeServer, type TestNodeServer, type TestNodeServerOptions } from "./node-server";

/** As root in a sandbox with no network beyond loopback; *.localhost resolves to 127.0.0.1 in Chromium itself. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface E2eServer extends TestNodeServer {
  /** An absolute URL on a zone's host, e.g. url("/login") on zibo.localhost. */
  url(path: string, host?: string): string;
}

/** The Node entry for a browser test, on a free port (its origin derived from that port). */
export async function startE2eServer({
  name,
  demo = false,
  seed,
}: Required<Pick<TestNodeServerOptions, "name">> & Pick<TestNodeServerOptions, "demo" | "seed">): Promise<E2eServer> {
  // The demo data is prepared once per run (../e2e/global-setup.ts) and copied for each suite's server.
  const template = demo ? inject("e2eDemoDatabases") : undefined;
  const server = await startTestNodeServer({ name: `${name}-e2e`, demo, seed, template });
  return { ...server, url: (path, host = "zibo.localhost") => `http://${host}:${server.port}${path}` };
}

export interface E2eBrowser {
  browser: Browser;
  /** Console messages about Content-Security-Policy violations, from every page opened by newPage. */
  cspErrors: string[];
  /** A page in a fresh context (its own cookies). */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Launches Chromium (and makes test-results/ for screenshots). */
export async function launchChromium(): Promise<E2eBrowser> {
  // The e2e project's global setup has resolved it once; a file run on its own resolves here.
  const path = inject("chromiumPath") ?? (await resolveChromium()).path;
  const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
  mkdirSync("test-results", { recursive: true });
  const cspErrors: string[] = [];
  return {
    browser,
    cspErrors,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      return { context, page };
    },
    close: () => browser.close(),
  };
}

/** A user who can sign in with `password` at once (password just changed). */
export async function insertTestUser(
  db: TenantDb,
  u: { id: string; email: string; password: string; name: string; role: Role },
) {
  const now = Date.now();
  await db.insert(users).values({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    passwordHash: await hashPassword(u.password),
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Starts the server and Chromium before the file's tests and stops both after;
 * the returned object's fields are set once beforeAll has run.
 */
export function useE2e(options: Parameters<typeof startE2eServer>[0]): { server: E2eServer; chromium: E2eBrowser } {
  const e2e = {} as { server: E2eServer; chromium: E2eBrowser };
  beforeAll(async () => {
    e2e.server = await startE2eServer(options);
    e2e.chromium = await launchChromium();
  });
  afterAll(async () => {
    await e2e.chromium?.close();
    await e2e.server?.close();
  });
  return e2e;
}

/**
 * Fills the company part of the /apply form (申请入驻) as a person would, by label;
 * `values` overrides a field (e.g. a wrong USCC for a test of the error summary).
 */
export async function fillApplicationCompany(page: Page, values: { company: string; uscc: string; mobile?: string }) {
  const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await fill("企业名称", values.company);
  await fill("统一社会信用代码", values.uscc);
  await fill("法定代表人", "张三");
  await fill("成立日期", "2019-03-15");
  await fill("注册资本(元)", "5000000");
  await fill("注册地址", "山东省淄博市高新区柳泉路 1 号");
  await page.getByLabel("所属重点产业").selectOption({ label: "新材料" });
  await fill("国民经济行业代码", "C2651");
  await fill("员工人数", "85");
  await fill("联系人姓名", "李四");
  await fill("联系人手机", values.mobile ?? "13812345678");
  await fill("联系人邮箱", "contact@example.cn");
}
