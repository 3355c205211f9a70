/**
 * The app as createApp builds it, on Node's libSQL driver. The one error mapping, for
 * failures nobody planned: a zone whose database is unusable answers 500 with the request
 * id and no internals, as JSON under /api and as a page elsewhere, and the cause is logged
 * for operators. Also: configuration is checked at start, /dev/* is off unless DEV_TOOLS=1,
 * and every route stays within Hono's RegExpRouter.
 */
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { parseConfig } from "../../worker/env";
import { testPlatform } from "../support/test-platform";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";

// A database at the current schema that has lost a table: the schema check passes (its ledger
// is complete) and the query fails with "no such table" — a bug, not an outage.
const unmigrated = createClient({ url: ":memory:" });
await migrateTenant(unmigrated, migrations);
await unmigrated.execute("DROP TABLE policy_clauses");
await unmigrated.execute("DROP TABLE policy_documents");
const platform = await testPlatform();
const app = createApp({
  config: parseConfig({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db",
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
    PLATFORM_DB_URL: "file:unused/platform.db",
  }),
  ...platform,
  openClient: () => unmigrated,
  blobs: memoryBlobStore(),
  pageStore: memoryPageStore(),
  now: () => new Date(),
  clientIp: () => "203.0.113.1",
});

describe("unexpected errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an API request with a 500 envelope that hides the cause and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await app.request("http://zibo.localhost/api/v1/policies");
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toMatch(/policy_documents|SQL/i);
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![0])).toContain(body.error.requestId);
    expect(String(log.mock.calls[0]![0])).toMatch(/no such table/);
  });

  it("answers a page request with the zone's 500 page and the request id", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await app.request("http://zibo.localhost/");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("服务器出错");
    expect(html).toContain(zones.get("zibo")!.name.zh);
    expect(html).toContain(res.headers.get("x-request-id")!);
    expect(html).not.toMatch(/no such table/);
  });
});

describe("configuration", () => {
  it("refuses a URL template without {tenant}, naming the variable", () => {
    expect(() =>
      parseConfig({
        ROOT_DOMAINS: "localhost",
        LIBSQL_URL_TEMPLATE: "libsql://one-db.turso.io",
        PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
        PLATFORM_DB_URL: "file:unused/platform.db",
      }),
    ).toThrow(/LIBSQL_URL_TEMPLATE must contain \{tenant\}/);
  });
});

describe("development tools", () => {
  const appWith = (devTools: "0" | "1") =>
    createApp({
      config: parseConfig({
        ROOT_DOMAINS: "localhost",
        LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db",
        PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
        DEV_TOOLS: devTools,
        PLATFORM_DB_URL: "file:unused/platform.db",
      }),
      ...platform,
      openClient: () => unmigrated,
      blobs: memoryBlobStore(),
      pageStore: memoryPageStore(),
      now: () => new Date(),
      clientIp: () => "203.0.113.1",
    });

  it("serves no /dev/* route unless DEV_TOOLS=1", async () => {
    const res = await appWith("0").request("http://zibo.localhost/dev/outbox");
    expect(res.status).toBe(404);
  });

  it("is off in the production configuration and on only in the local one", async () => {
    const { readFileSync } = await import("node:fs");
    const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
    const production = toml.slice(toml.indexOf("[env.production.vars]"));
    expect(production).toMatch(/^DEV_TOOLS = "0"$/m);
    expect(toml.slice(0, toml.indexOf("[env.production"))).toMatch(/^DEV_TOOLS = "1"$/m);
  });
});

describe("routing", () => {
  it(
    "keeps every route expressible by Hono's RegExpRouter (a clash silently falls back to the " + "slower TrieRouter)",
    async () => {
      await app.request("http://zibo.localhost/healthz");
      const router = app.router as unknown as { activeRouter: { name: string } };
      expect(router.activeRouter.name).toBe("RegExpRouter");
    },
  );
});
