/**
 * Creating a zone at run time (worker/control-plane/provision): the steps, a failure that
 * leaves the zone `provisioning` with its step named and a second call that resumes from
 * there, the templates (a demo zone's policy set published as version 1; blank publishes
 * nothing), conflicts and validation — over real database files and the app itself.
 */
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { preparePlatform, provisionDemoZones } from "../../dev/lib/platform";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { createZoneDirectory } from "../../worker/control-plane/directory";
import { provisionZone } from "../../worker/control-plane/provision/provision-zone";
import { localZoneDatabases, type ZoneDatabases } from "../../worker/control-plane/zone-databases";
import { schemaVersion } from "../../worker/db/migrate";
import { parseConfig, type AppDeps } from "../../worker/env";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";
import { insertTenant } from "../../worker/control-plane/records";
import { drizzle } from "drizzle-orm/libsql/web";
import { AppError } from "../../worker/lib/errors";

const dir = mkdtempSync(join(tmpdir(), "yuanqu-provision-"));
const clients: Client[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(name: string): Client {
  const client = createClient({ url: `file:${join(dir, `${name}.db`)}` });
  clients.push(client);
  return client;
}

/** An app's deps over files of its own: a platform database with the demo zones registered. */
async function world(name: string, overrides: Partial<AppDeps> = {}, demoZones = zones.all()) {
  const platform = open(`${name}-platform`);
  await preparePlatform(platform, demoZones);
  const zoneClients = new Map<string, Client>();
  const deps: AppDeps = {
    config: parseConfig({
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: `file:${dir}/${name}-{tenant}.db`,
      PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
      PLATFORM_DB_URL: `file:${dir}/${name}-platform.db`,
    }),
    directory: createZoneDirectory({ open: () => platform, roots: ["localhost"] }),
    openClient(dbName) {
      let client = zoneClients.get(dbName);
      if (!client) {
        client = open(`${name}-${dbName}`);
        zoneClients.set(dbName, client);
      }
      return client;
    },
    openPlatformClient: () => platform,
    zoneDatabases: localZoneDatabases(),
    blobs: memoryBlobStore(),
    pageStore: memoryPageStore(),
    now: () => new Date(),
    clientIp: () => "203.0.113.7",
    ...overrides,
  };
  return { deps, platform, app: createApp(deps) };
}

const actor = { id: null, label: "test", ip: null };
const input = (slug: string, template?: string) => ({
  slug,
  name: { zh: `${slug}高新技术产业开发区`, en: `${slug} Hi-tech Industrial Development Zone` },
  province: "山东省",
  city: "潍坊市",
  phone: "0536-8888888",
  ...(template ? { template } : {}),
});

async function rows(client: Client, sql: string, args: (string | number)[] = []) {
  return (await client.execute({ sql, args })).rows.map((r) => Array.from({ length: r.length }, (_, i) => r[i]));
}

describe("provisionZone", () => {
  it("creates a blank zone: active, migrated, no policy version, its home page says no documents", async () => {
    const { deps, app, platform } = await world("blank");
    const before = await app.request("http://weifang.localhost/");
    expect(before.status).toBe(404);

    const result = await provisionZone({ deps, input: input("weifang"), actor });
    expect(result.resumed).toBe(false);
    expect(result.steps).toEqual(
      ["register", "create-database", "migrate", "load-template", "activate"].map((name) => ({ name, ok: true })),
    );
    expect(result.tenant).toMatchObject({ slug: "weifang", status: "active", template: "blank", dbName: "weifang" });
    expect(result.tenant.provisionStep).toBeNull();
    expect(await schemaVersion(deps.openClient("weifang"))).toBe(migrations.at(-1)!.tag);
    expect(await rows(deps.openClient("weifang"), "SELECT count(*) FROM policy_versions")).toEqual([[0]]);

    // The same app, no restart: the new zone answers on its subdomain at once.
    const res = await app.request("http://weifang.localhost/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("weifang高新技术产业开发区");
    expect(html).toContain("本园区还没有发布政策文件。");

    const audit = await rows(platform, "SELECT actor, action, target, result FROM platform_audit WHERE target = ?", [
      "weifang",
    ]);
    expect(audit).toEqual([["test", "tenant.create", "weifang", "ok"]]);
  });

  it("publishes a demo template's policy set as version 1, its documents on the home page", async () => {
    const { deps, app } = await world("demo");
    const { tenant, steps } = await provisionZone({ deps, input: input("linzi", "zibo"), actor });
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(tenant).toMatchObject({ status: "active", template: "zibo" });
    const versions = await rows(deps.openClient("linzi"), "SELECT id, published_via FROM policy_versions");
    expect(versions).toEqual([[1, "cli"]]);
    const [[data]] = (await rows(deps.openClient("linzi"), "SELECT data FROM policy_versions")) as [[string]];
    expect(JSON.parse(data).zone).toBe("linzi");
    const html = await (await app.request("http://linzi.localhost/")).text();
    expect(html).not.toContain("本园区还没有发布政策文件。");
    expect(html).toContain(zones.get("zibo")!.documents[0]!.title);
  });

  it("leaves the zone provisioning with the failed step named (503), and resumes from that step", async () => {
    let creates = 0;
    const flaky: ZoneDatabases = {
      kind: "local",
      async create() {
        creates++;
        if (creates === 1) throw new Error("Turso: quota exceeded");
        return { created: true };
      },
    };
    const { deps, app, platform } = await world("resume", { zoneDatabases: flaky });
    const first = await provisionZone({ deps, input: input("shouguang", "dongying"), actor });
    expect(first.steps).toEqual([
      { name: "register", ok: true },
      { name: "create-database", ok: false, error: "Turso: quota exceeded" },
    ]);
    expect(first.tenant).toMatchObject({
      status: "provisioning",
      provisionStep: "create-database",
      provisionError: "Turso: quota exceeded",
    });
    const waiting = await app.request("http://shouguang.localhost/api/v1/zone");
    expect(waiting.status).toBe(503);
    expect(((await waiting.json()) as { error: { code: string } }).error.code).toBe("zone_provisioning");

    // A retry (same slug; the rest of the input is the row as first registered) continues.
    const again = await provisionZone({ deps, input: input("shouguang"), actor });
    expect(again.resumed).toBe(true);
    expect(again.steps.map((s) => [s.name, s.ok])).toEqual([
      ["register", true],
      ["create-database", true],
      ["migrate", true],
      ["load-template", true],
      ["activate", true],
    ]);
    expect(again.tenant).toMatchObject({ status: "active", template: "dongying", provisionError: null });
    expect(creates).toBe(2);
    expect(await rows(deps.openClient("shouguang"), "SELECT id FROM policy_versions")).toEqual([[1]]);
    expect((await app.request("http://shouguang.localhost/")).status).toBe(200);
    const audit = await rows(platform, "SELECT action, result FROM platform_audit WHERE target = ? ORDER BY id", [
      "shouguang",
    ]);
    expect(audit).toEqual([
      ["tenant.create", "failed"],
      ["tenant.provision.resume", "ok"],
    ]);
  });

  it("resumes after a failed migration without creating the database again", async () => {
    let creates = 0;
    let failMigrate = true;
    const counting: ZoneDatabases = {
      kind: "local",
      async create() {
        creates++;
        return { created: true };
      },
    };
    const base = await world("resume-migrate", { zoneDatabases: counting });
    const openClient = base.deps.openClient;
    const deps: AppDeps = {
      ...base.deps,
      openClient(dbName) {
        const client = openClient(dbName);
        if (!failMigrate) return client;
        failMigrate = false;
        return { ...client, execute: () => Promise.reject(new Error("disk full")) } as unknown as Client;
      },
    };
    const first = await provisionZone({ deps, input: input("qingzhou"), actor });
    expect(first.steps.at(-1)).toEqual({ name: "migrate", ok: false, error: "disk full" });
    expect(first.tenant).toMatchObject({ status: "provisioning", provisionStep: "migrate" });
    const again = await provisionZone({ deps, input: input("qingzhou"), actor });
    expect(again.steps.map((s) => s.name)).toEqual(["register", "migrate", "load-template", "activate"]);
    expect(again.tenant.status).toBe("active");
    expect(creates).toBe(1);
  });

  it("migrates again before continuing when it resumes after the migrate step (decision 0018)", async () => {
    const { deps } = await world("resume-template");
    // A zone whose last attempt stopped at load-template, and whose database is behind this
    // code (a release came in between; here: never migrated at all).
    await insertTenant(drizzle(deps.openPlatformClient()), {
      slug: "linqu",
      name: { zh: "临朐高新技术产业开发区", en: "Linqu Hi-tech Industrial Development Zone" },
      region: { province: "山东省", city: "潍坊市" },
      phone: "0536-8888888",
      template: "dongying",
      status: "provisioning",
      dbName: "linqu",
      provisionStep: "load-template",
      nowMs: deps.now().getTime(),
    });
    const again = await provisionZone({ deps, input: input("linqu"), actor });
    expect(again.steps.map((s) => [s.name, s.ok])).toEqual([
      ["register", true],
      ["migrate", true],
      ["load-template", true],
      ["activate", true],
    ]);
    expect(again.tenant.status).toBe("active");
    expect(await rows(deps.openClient("linqu"), "SELECT id FROM policy_versions")).toEqual([[1]]);
  });

  it("refuses a slug another zone has (409) and changes nothing", async () => {
    const { deps, platform } = await world("conflict");
    const err = await provisionZone({ deps, input: input("zibo"), actor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("conflict");
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).message).toContain("淄博");
    expect(await rows(platform, "SELECT template, status FROM tenants WHERE slug = 'zibo'")).toEqual([
      ["zibo", "active"],
    ]);
    await provisionZone({ deps, input: input("anqiu"), actor });
    const twice = await provisionZone({ deps, input: input("anqiu"), actor }).catch((e: unknown) => e);
    expect((twice as AppError).code).toBe("conflict");
  });

  it.each([
    [{ ...input("Bad_Slug") }, "slug"],
    [{ ...input("www") }, "slug"],
    [{ ...input("gaomi"), phone: "12345" }, "phone"],
    [{ ...input("gaomi"), template: "nowhere" }, "template"],
    [{ ...input("gaomi"), name: { zh: "", en: "Gaomi" } }, "name.zh"],
    [{ ...input("gaomi"), city: "市".repeat(21) }, "city"],
  ])("refuses %j with validation_failed naming %s, and registers nothing", async (bad, field) => {
    const { deps, platform } = await world(`invalid-${field}-${bad.slug}`);
    const err = await provisionZone({ deps, input: bad, actor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("validation_failed");
    expect(Object.keys((err as AppError).fields ?? {})).toContain(field);
    expect(await rows(platform, "SELECT count(*) FROM tenants")).toEqual([[zones.all().length]]);
  });
});

describe("npm start's demo zones", () => {
  it("are created through provisionZone (template = their own folder), each with policy version 1, once", async () => {
    const { deps, app, platform } = await world("demo-zones", {}, []);
    const first = await provisionDemoZones(deps, zones.all());
    expect(first.outcomes).toEqual(zones.all().map((z) => ({ slug: z.slug, status: "created" })));
    for (const z of zones.all()) {
      expect(await rows(deps.openClient(z.slug), "SELECT id FROM policy_versions")).toEqual([[1]]);
      expect((await app.request(`http://${z.slug}.localhost/`)).status).toBe(200);
    }
    expect(await rows(platform, "SELECT slug, template, status FROM tenants ORDER BY slug")).toEqual(
      zones.all().map((z) => [z.slug, z.slug, "active"]),
    );
    const again = await provisionDemoZones(deps, zones.all());
    expect(again.outcomes.map((o) => o.status)).toEqual(zones.all().map(() => "existing"));
    expect(await rows(platform, "SELECT actor, action FROM platform_audit")).toEqual(
      zones.all().map(() => ["npm start", "tenant.create"]),
    );
  });
});
