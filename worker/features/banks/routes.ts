/** Bank institutions: the admin's JSON API and the pages, mounted together. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { adminBankRoutes } from "./admin-routes";
import { bankPages } from "./pages";

export function bankRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.route("/", adminBankRoutes(deps));
  r.route("/", bankPages(deps));
  return r;
}
