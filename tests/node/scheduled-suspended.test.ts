/**
 * Scheduled jobs run for active zones only (worker/scheduled/run-scheduled.ts): a suspended
 * zone's month-old sign-in attempts stay, an active zone's are pruned; a zone still being
 * provisioned (whose database may not exist) is not opened at all.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterAll, describe, expect, it } from "vitest";
import { preparePlatform } from "../../dev/lib/platform";
import { prepareTenant } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";
import { insertTenant, updateTenantStatus } from "../../worker/control-plane/records";
import { openTenantDb } from "../../worker/db/open";
import { authAttempts } from "../../worker/db/schema";
import { createNodeDeps } from "../../worker/node-deps";
import { runScheduled } from "../../worker/scheduled/run-scheduled";

describe("scheduled jobs and zone status", () => {
  const dir = mkdtempSync(join(tmpdir(), "yq-scheduled-status-"));
  const url = (name: string) => `file:${join(dir, `${name}.db`)}`;
  const deps = createNodeDeps({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: `file:${dir}/{tenant}.db`,
    PLATFORM_DB_URL: url("platform"),
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost:8791",
    BLOB_DIR: join(dir, "blobs"),
  });
  afterAll(() => deps.close());

  it("skip a suspended zone and a provisioning one, and run for the active ones", async () => {
    const old = Date.now() - 31 * 86_400_000;
    const demo = zones.all().filter((z) => z.slug === "zibo" || z.slug === "dongying");
    for (const zone of demo) {
      const client = createClient({ url: url(zone.slug) });
      await prepareTenant(client, zone);
      await openTenantDb(client)
        .insert(authAttempts)
        .values({ kind: "login", email: `old@${zone.slug}.test`, ip: "192.0.2.1", ok: false, at: old });
      client.close();
    }
    const platform = createClient({ url: url("platform") });
    await preparePlatform(platform, demo);
    await updateTenantStatus(drizzle(platform), "dongying", { status: "suspended", nowMs: Date.now() });
    // Its database does not exist: opening it would create an empty file (or fail on Turso).
    await insertTenant(drizzle(platform), {
      slug: "weifang",
      name: { zh: "潍坊高新技术产业开发区", en: "Weifang Hi-tech Industrial Development Zone" },
      region: { province: "山东省", city: "潍坊市" },
      phone: "0536-8880000",
      template: "blank",
      status: "provisioning",
      dbName: "weifang-never-created",
      nowMs: Date.now(),
    });
    platform.close();

    await runScheduled(deps);

    const remaining = async (slug: string) => {
      const client = createClient({ url: url(slug) });
      try {
        return await openTenantDb(client)
          .select({ email: authAttempts.email })
          .from(authAttempts)
          .where(eq(authAttempts.email, `old@${slug}.test`));
      } finally {
        client.close();
      }
    };
    expect(await remaining("zibo")).toEqual([]);
    expect(await remaining("dongying")).toEqual([{ email: "old@dongying.test" }]);
    const { existsSync } = await import("node:fs");
    expect(existsSync(join(dir, "weifang-never-created.db"))).toBe(false);
  });
});
