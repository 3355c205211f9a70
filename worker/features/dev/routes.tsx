/**
 * Development tools: the zone's outbox as JSON and as a page, so password reset
 * links can be followed locally where no email provider is configured.
 *
 * createApp mounts this at /dev, only when DEV_TOOLS === "1". It is plain Hono, not
 * OpenAPIHono, so it never appears in the public API document. Message bodies
 * hold live reset links, hence no-store.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { requireZone, zoneOf } from "../../middleware/zone";
import { DevOutboxPage } from "../../../web/pages/dev-outbox";
import { listOutbox } from "../outbox/list-outbox";

const LIMIT = 50;

export function devRoutes(): Hono<AppEnv> {
  const dev = new Hono<AppEnv>();
  // requireZone answers 404 (AppError "not_found") on the platform host: an
  // outbox belongs to one zone's database.
  dev.use("*", requireZone, async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });

  dev.get("/outbox", async (c) => c.json({ messages: await listOutbox(zoneOf(c), { limit: LIMIT }) }));

  dev.get("/outbox/view", async (c) => {
    const { zone, db } = zoneOf(c);
    const messages = await listOutbox({ db }, { limit: LIMIT });
    return c.html(<DevOutboxPage zone={zone} messages={messages} nonce={c.get("secureHeadersNonce")} />);
  });

  return dev;
}
