/**
 * Starts the local libSQL server (in memory) for the workerd project, migrates
 * and loads every configured zone into its own database, and hands the URL to
 * the Worker's bindings through `provide` (see vitest.config.ts).
 */
import type { TestProject } from "vitest/node";
import { startLibsqlServer } from "../../dev/libsql-server/server";
import { prepareAllZones } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";

export default async function setup(project: TestProject) {
  const server = await startLibsqlServer({ dataDir: ":memory:", port: 0 });
  await prepareAllZones((slug) => server.tenantUrl(slug), zones.all(), { demo: true });
  project.provide("libsqlUrl", server.url);
  return async () => {
    await server.close();
  };
}
