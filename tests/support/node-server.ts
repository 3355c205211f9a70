/**
 * Starts the Node entry on a random port over fresh embedded libSQL files in a
 * temporary folder, with every zone migrated and loaded, as `npm run start:node` does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareAllZones } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";
import { startNodeServer } from "../../worker/entry.node.ts";

export async function startTestNodeServer() {
  const dir = mkdtempSync(join(tmpdir(), "yuanqu-node-"));
  const template = `file:${dir}/{tenant}.db`;
  await prepareAllZones((slug) => template.replace("{tenant}", slug), zones.all(), { demo: true });
  const server = await startNodeServer({ port: 0, env: { ROOT_DOMAINS: "localhost", LIBSQL_URL_TEMPLATE: template, BLOB_DIR: join(dir, "blobs"), DEV_TOOLS: "1" } });
  return {
    port: server.port,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
