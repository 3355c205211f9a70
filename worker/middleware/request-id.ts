/**
 * A fresh id per request, on `c.get("requestId")` and the X-Request-Id response
 * header; error pages and the JSON envelope repeat it. Deliberately never taken
 * from the client (hono/request-id would reuse an incoming X-Request-Id), so a
 * caller cannot forge or collide ids in our logs.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

export const assignRequestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = crypto.randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
});
