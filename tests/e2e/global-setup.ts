/**
 * Finds (and, for the npm package, unpacks) Chromium once for the whole e2e project, so
 * that parallel test files never unpack the packaged browser over each other; and prepares
 * the demo databases once, which each suite's server then starts on a copy of.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { resolveChromium } from "../support/chromium-path";
import { prepareDatabases } from "../support/node-server";

export default async function setup(project: TestProject) {
  const { path, source } = await resolveChromium();
  console.log(`browser tests use Chromium from ${source === "npm" ? "@sparticuz/chromium" : source}: ${path}`);
  project.provide("chromiumPath", path);
  // The demo zones migrated and seeded once; each suite's server starts on a copy (seeding hashes every demo
  // account's password: about a second of CPU per server, some thirty servers a run).
  const dir = mkdtempSync(join(tmpdir(), "yuanqu-e2e-demo-"));
  await prepareDatabases(dir, true);
  project.provide("e2eDemoDatabases", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
