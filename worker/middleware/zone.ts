/**
 * Guards for routers: a zone router only ever runs for a zone host, and its
 * handlers get the zone and its database from `zoneOf(c)`, never from a global.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Site } from "../env";
import { AppError } from "../lib/errors";

export const requireZone = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("site").kind !== "zone") throw new AppError("not_found", "这个地址只在园区的子域名下提供。");
  await next();
});

/** The zone and database of a request that passed `requireZone`. */
export function zoneOf(c: Context<AppEnv>): Extract<Site, { kind: "zone" }> {
  const site = c.get("site");
  if (site.kind !== "zone") throw new AppError("not_found", "这个地址只在园区的子域名下提供。");
  // The site itself, not a copy: its `db` getter opens the database only if a handler reads it.
  return site;
}
