/**
 * Cloudflare Workers entry. Each zone's database is reached over HTTP with
 * `@libsql/client/web` (Turso in production, dev/libsql-server locally); a
 * client is created per request because it holds nothing but a URL and token.
 */
import { createClient } from "@libsql/client/web";
import { zones } from "../tenants/index";
import { createApp, type App } from "./app";
import { parseConfig, tenantDbUrl } from "./env";

export interface Env {
  ROOT_DOMAINS: string;
  LIBSQL_URL_TEMPLATE: string;
  LIBSQL_AUTH_TOKEN?: string;
}

// The app is pure routing over `deps`; it is built once per isolate and env
// (env is fixed for an isolate's life) instead of once per request.
const apps = new WeakMap<Env, App>();

function appFor(env: Env): App {
  let app = apps.get(env);
  if (!app) {
    const config = parseConfig({ ...env });
    app = createApp({
      config,
      zones,
      openClient: (slug) =>
        createClient({ url: tenantDbUrl(config.LIBSQL_URL_TEMPLATE, slug), ...(config.LIBSQL_AUTH_TOKEN ? { authToken: config.LIBSQL_AUTH_TOKEN } : {}) }),
    });
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch(request, env, ctx) {
    return appFor(env).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
