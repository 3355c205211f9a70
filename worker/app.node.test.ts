/**
 * The one error mapping, for failures nobody planned: a zone whose database is
 * unusable answers 500 with the request id and no internals, as JSON under /api
 * and as a page elsewhere, and the cause is logged for operators.
 */
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { zones } from "../tenants/index";
import { createApp } from "./app";
import { parseConfig } from "./env";

// A database that was never migrated: every query fails with "no such table".
const unmigrated = createClient({ url: ":memory:" });
const app = createApp({
  config: parseConfig({ ROOT_DOMAINS: "localhost", LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db", PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost" }),
  zones,
  openClient: () => unmigrated,
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
    expect(() => parseConfig({ ROOT_DOMAINS: "localhost", LIBSQL_URL_TEMPLATE: "libsql://one-db.turso.io", PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost" })).toThrow(/LIBSQL_URL_TEMPLATE must contain \{tenant\}/);
  });
});
