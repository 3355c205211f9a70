/**
 * The one origin rule on a zone's own domain (env.ts zoneOrigin): a request that came on a
 * custom hostname the control plane lists for the zone gets links on that hostname (with the
 * deployment's scheme and port), and its forms and API calls must carry exactly that origin.
 * Served by the real app on Node over libSQL files; the hostname is registered before the
 * server's first request, so its directory copy has it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { desc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparePlatform } from "../../dev/lib/platform";
import { prepareTenant } from "../../dev/lib/prepare-tenant";
import { seedDemoAccounts } from "../../dev/lib/seed-demo";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { addTenantHostname } from "../../worker/control-plane/records";
import { openTenantDb } from "../../worker/db/open";
import { outbox } from "../../worker/db/schema";
import { createNodeDeps, type NodeDeps } from "../../worker/node-deps";

const CUSTOM = "yuanqu.dongying-park.example.com";

describe("a zone on its own domain", () => {
  const dir = mkdtempSync(join(tmpdir(), "yq-custom-host-"));
  let deps: NodeDeps;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const dongying = zones.get("dongying")!;
    const zoneClient = createClient({ url: `file:${join(dir, "dongying.db")}` });
    await prepareTenant(zoneClient, dongying);
    await seedDemoAccounts(openTenantDb(zoneClient), dongying);
    zoneClient.close();
    const platform = createClient({ url: `file:${join(dir, "platform.db")}` });
    await preparePlatform(platform, zones.all());
    await addTenantHostname(drizzle(platform), "dongying", CUSTOM, Date.now());
    platform.close();
    deps = createNodeDeps({
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: `file:${dir}/{tenant}.db`,
      PLATFORM_DB_URL: `file:${join(dir, "platform.db")}`,
      PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost:8791",
      BLOB_DIR: join(dir, "blobs"),
    });
    app = createApp(deps);
  });
  afterAll(() => deps.close());

  const resetRequest = (host: string, origin: string | null) =>
    app.request(`http://${host}/api/v1/auth/password-reset/request`, {
      method: "POST",
      headers: {
        host,
        "content-type": "application/json",
        "x-forwarded-for": "203.0.113.77",
        ...(origin ? { origin } : {}),
      },
      body: JSON.stringify({ email: "admin@dongying.demo" }),
    });

  const lastLink = async () => {
    const client = createClient({ url: `file:${join(dir, "dongying.db")}` });
    try {
      const [message] = await openTenantDb(client)
        .select({ body: outbox.body })
        .from(outbox)
        .orderBy(desc(outbox.id))
        .limit(1);
      return message?.body.match(/https?:\/\/[^\s。]+/)?.[0] ?? null;
    } finally {
      client.close();
    }
  };

  it("serves the zone there, and its links carry that hostname with the deployment's scheme and port", async () => {
    const home = await app.request(`http://${CUSTOM}/`, { headers: { host: CUSTOM } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(zones.get("dongying")!.name.zh);

    const res = await resetRequest(CUSTOM, `http://${CUSTOM}:8791`);
    expect(res.status).toBe(202);
    expect(await lastLink()).toMatch(new RegExp(`^http://${CUSTOM.replaceAll(".", "\\.")}:8791/`));
  });

  it("links to the primary hostname for a request on the subdomain", async () => {
    const res = await resetRequest("dongying.localhost:8791", "http://dongying.localhost:8791");
    expect(res.status).toBe(202);
    expect(await lastLink()).toMatch(/^http:\/\/dongying\.localhost:8791\//);
  });

  it("refuses a foreign Origin, and the subdomain's origin on the custom hostname", async () => {
    for (const origin of ["https://evil.example", "http://dongying.localhost:8791", "http://zibo.localhost:8791"]) {
      const res = await resetRequest(CUSTOM, origin);
      expect(res.status, origin).toBe(403);
    }
  });

  it("judges a request without Origin by its other rules (JSON body required)", async () => {
    expect((await resetRequest(CUSTOM, null)).status).toBe(202);
    const form = await app.request(`http://${CUSTOM}/api/v1/auth/password-reset/request`, {
      method: "POST",
      headers: { host: CUSTOM, "content-type": "text/plain" },
      body: "email=admin@dongying.demo",
    });
    expect(form.status).toBe(415);
  });

  it("answers 404 for a hostname no zone lists", async () => {
    const res = await app.request("http://other.example.com/", { headers: { host: "other.example.com" } });
    expect(res.status).toBe(404);
  });
});
