/**
 * Starts the local libSQL server (in memory) for the workerd project, migrates
 * and loads every configured zone into its own database, and hands the URL to
 * the Worker's bindings through `provide` (see vitest.config.ts). Also numbers
 * this folder's test files, so each has client addresses of its own (auth-support.ts `freshIp`).
 */
import { readdirSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startLibsqlServer } from "../../dev/libsql-server/server";
import { createClient } from "@libsql/client";
import { preparePlatform } from "../../dev/lib/platform";
import { prepareAllZones } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";

declare module "vitest" {
  export interface ProvidedContext {
    /** This folder's test files (paths under tests/workerd/, sorted) and how many /24 blocks each has. */
    workerdFiles: { files: string[]; blocksPerFile: number };
  }
}

/** 198.18.0.0/15, the benchmarking range the test addresses come from, has 512 /24 blocks. */
const BLOCKS = 512;

function workerdTestFiles(): string[] {
  return readdirSync(import.meta.dirname, { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => f.endsWith(".test.ts"))
    .sort();
}

export default async function setup(project: TestProject) {
  const files = workerdTestFiles();
  if (files.length > BLOCKS) throw new Error(`${files.length} test files: more than ${BLOCKS} address blocks`);
  project.provide("workerdFiles", { files, blocksPerFile: Math.floor(BLOCKS / files.length) });
  const server = await startLibsqlServer({ dataDir: ":memory:", port: 0 });
  await prepareAllZones((slug) => server.tenantUrl(slug), zones.all(), { demo: true });
  const platform = createClient({ url: server.tenantUrl("platform") });
  await preparePlatform(platform, zones.all());
  platform.close();
  project.provide("libsqlUrl", server.url);
  return async () => {
    await server.close();
  };
}
