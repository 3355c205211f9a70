/**
 * The platform's own surface on the bare root domain (the zone list) and the
 * health probe. Handlers pass on to the zone routers for any other host.
 */
import { Hono, type Context } from "hono";
import { zoneOrigin, type AppDeps, type AppEnv } from "../../env";
import { faviconSvg } from "../../../web/favicon";
import { PLATFORM_BRAND } from "../../../web/layout";
import { PlatformHomePage } from "../../../web/pages/platform-home";

export function platformRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.get("/", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    // The same configured origin as every form check and mailed link, never the Host header.
    const zoneUrl = (slug: string) => `${zoneOrigin(deps.config, slug)}/`;
    const tenants = (await deps.directory.list()).filter((t) => t.status === "active");
    const zones = tenants.map((t) => deps.directory.baseZone(t));
    return c.html(<PlatformHomePage zones={zones} zoneUrl={zoneUrl} nonce={c.get("secureHeadersNonce")} />);
  });

  // Browsers ask every site for /favicon.ico; answer with the site's icon in its colours.
  const icon = (c: Context<AppEnv>) => {
    const site = c.get("site");
    const brand = site.kind === "zone" ? site.zone.branding : PLATFORM_BRAND;
    return c.body(faviconSvg(brand.primary, brand.accent), 200, {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400",
    });
  };
  routes.get("/favicon.ico", icon);
  routes.get("/favicon.svg", icon);

  // Liveness only: it touches no tenant database, so a load balancer can call it often.
  routes.get("/healthz", (c) => c.json({ ok: true }));

  return routes;
}
