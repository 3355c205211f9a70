/**
 * The platform's own surface on the bare root domain (the zone list) and the
 * health probe. Handlers pass on to the zone routers for any other host.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { PlatformHomePage } from "../../../web/pages/platform-home";

export function platformRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.get("/", (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    const url = new URL(c.req.url);
    const host = (c.req.header("host") ?? url.host).toLowerCase();
    const zoneUrl = (slug: string) => `${url.protocol}//${slug}.${host}/`;
    return c.html(<PlatformHomePage zones={deps.zones.all()} zoneUrl={zoneUrl} nonce={c.get("secureHeadersNonce")} />);
  });

  // Liveness only: it touches no tenant database, so a load balancer can call it often.
  routes.get("/healthz", (c) => c.json({ ok: true }));

  return routes;
}
