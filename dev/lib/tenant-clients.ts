/**
 * Database clients for command-line tools: the same URL template the app uses
 * (LIBSQL_URL_TEMPLATE, LIBSQL_AUTH_TOKEN), defaulting to the embedded files
 * under .data/ that `npm start` serves.
 */
import { mkdirSync } from "node:fs";
import { createClient, type Client } from "@libsql/client";
import { tenantDbUrl } from "../../worker/env";

export const DEFAULT_TEMPLATE = "file:.data/{tenant}.db";

export function cliClientFactory(env: Record<string, string | undefined> = process.env): {
  template: string;
  open: (slug: string) => Client;
} {
  const template = env.LIBSQL_URL_TEMPLATE || DEFAULT_TEMPLATE;
  if (!template.includes("{tenant}"))
    throw new Error("LIBSQL_URL_TEMPLATE must contain {tenant}, e.g. libsql://{tenant}-myorg.turso.io");
  if (template.startsWith("file:.data/")) mkdirSync(".data", { recursive: true });
  const authToken = env.LIBSQL_AUTH_TOKEN;
  return {
    template,
    open: (slug) => createClient({ url: tenantDbUrl(template, slug), ...(authToken ? { authToken } : {}) }),
  };
}
