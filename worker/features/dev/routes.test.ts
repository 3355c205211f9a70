import type { Client } from "@libsql/client";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import type { AppEnv, Site } from "../../env";
import { onError } from "../../middleware/errors";
import { enqueueMessage } from "../outbox/enqueue-message";
import type { OutboxRecord } from "../outbox/list-outbox";
import { activeTenantRecord } from "../../../tests/support/tenant-record";
import { devRoutes } from "./routes";

const zibo = zones.get("zibo")!;

function appFor(site: Site) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("requestId", "test-request");
    c.set("site", site);
    await next();
  });
  app.route("/dev", devRoutes());
  app.onError(onError);
  return app;
}

describe("dev outbox viewer", () => {
  let client: Client;
  let db: TenantDb;
  beforeEach(async () => {
    ({ client, db } = await openMemoryTenantDb());
    const t = Date.parse("2026-11-01T08:00:00.000Z");
    await enqueueMessage(
      db,
      {
        channel: "email",
        recipient: "a@example.cn",
        subject: "重置密码",
        body: "请打开 https://zibo.localhost/reset?t=abc&x=1。\n十五分钟内有效",
        kind: "password_reset_link",
      },
      new Date(t),
    );
    await enqueueMessage(
      db,
      {
        channel: "sms",
        recipient: "13800000000",
        subject: "<b>通知</b>",
        body: "<script>alert(1)</script> javascript:alert(2)",
        kind: "password_changed",
      },
      new Date(t + 1),
    );
  });
  afterEach(() => client.close());
  const ziboSite = () => ({
    kind: "zone" as const,
    zone: zibo,
    db,
    tenant: activeTenantRecord(zibo),
    origin: "http://zibo.localhost",
  });

  it("answers the zone's messages as JSON, newest first, not cacheable", async () => {
    const res = await appFor(ziboSite()).request("/dev/outbox");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { messages } = (await res.json()) as { messages: OutboxRecord[] };
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ["password_changed", "pending"],
      ["password_reset_link", "pending"],
    ]);
  });

  it("shows a page in the zone's branding where links are clickable and bodies are escaped", async () => {
    const res = await appFor(ziboSite()).request("/dev/outbox/view");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(zibo.name.zh);
    // The URL stops before the Chinese full stop; & is escaped inside the attribute.
    expect(html).toContain(
      '<a href="https://zibo.localhost/reset?t=abc&amp;x=1">https://zibo.localhost/reset?t=abc&amp;x=1</a>。',
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;通知&lt;/b&gt;");
    expect(html).not.toMatch(/href="javascript:/);
  });

  it("is not served on the platform host", async () => {
    const app = appFor({ kind: "platform" });
    expect((await app.request("/dev/outbox")).status).toBe(404);
    expect((await app.request("/dev/outbox/view")).status).toBe(404);
  });
});
