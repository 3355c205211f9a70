/**
 * Where a new zone's database comes from (control-plane/zone-databases.ts): nothing to do
 * locally; on Turso, one Platform API call that names the configured group (so the group
 * token serves the database), where "already exists" (409) is fine for a resumed step. And
 * the configuration takes all three Turso settings or none.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { zoneDatabasesFor } from "../../worker/control-plane/zone-databases";
import { parseConfig } from "../../worker/env";

const base = {
  ROOT_DOMAINS: "yuanqu.example.cn",
  LIBSQL_URL_TEMPLATE: "libsql://{tenant}-yuanqu.turso.io",
  PUBLIC_URL_TEMPLATE: "https://{tenant}.yuanqu.example.cn",
  PLATFORM_DB_URL: "libsql://platform-yuanqu.turso.io",
};
const turso = { TURSO_API_TOKEN: "t0ken", TURSO_ORG: "yuanqu", TURSO_GROUP: "zones" };

/** A stand-in for the Turso Platform API: records each request, answers with `status`. */
function stubTurso(status: number, body: unknown) {
  const calls: { url: string; method: string; auth: string | null; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (url: URL | string, init: RequestInit) => {
    calls.push({
      url: String(url),
      method: init.method ?? "GET",
      auth: new Headers(init.headers).get("authorization"),
      body: JSON.parse(String(init.body)),
    });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

describe("zone databases", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are local (nothing to create) without Turso settings", async () => {
    const dbs = zoneDatabasesFor(parseConfig(base));
    expect(dbs.kind).toBe("local");
    expect(await dbs.create("weifang")).toEqual({ created: false });
  });

  it("are created on Turso in the configured group, with the API token", async () => {
    const calls = stubTurso(200, { database: { Name: "weifang", DbId: "x", Hostname: "weifang-yuanqu.turso.io" } });
    const dbs = zoneDatabasesFor(parseConfig({ ...base, ...turso }));
    expect(dbs.kind).toBe("turso");
    expect(await dbs.create("weifang")).toEqual({ created: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: "https://api.turso.tech/v1/organizations/yuanqu/databases",
      method: "POST",
      auth: "Bearer t0ken",
      body: { name: "weifang", group: "zones" },
    });
  });

  it("take an existing database (409) as done, and fail on any other refusal", async () => {
    stubTurso(409, { error: "database weifang already exists" });
    const dbs = zoneDatabasesFor(parseConfig({ ...base, ...turso }));
    expect(await dbs.create("weifang")).toEqual({ created: false });
    stubTurso(403, { error: "quota exceeded" });
    await expect(dbs.create("linyi")).rejects.toThrow("quota exceeded");
  });

  it("refuse a configuration with some but not all of the Turso settings", () => {
    expect(() => parseConfig({ ...base, TURSO_ORG: "yuanqu", TURSO_GROUP: "zones" })).toThrow(
      /TURSO_API_TOKEN, TURSO_ORG and TURSO_GROUP: set all three/,
    );
  });
});
