/**
 * Finds (and, for the npm package, unpacks) Chromium once for the whole e2e project, so
 * that parallel test files never unpack the packaged browser over each other.
 */
import type { TestProject } from "vitest/node";
import { resolveChromium } from "../support/chromium-path";

export default async function setup(project: TestProject) {
  const { path, source } = await resolveChromium();
  console.log(`browser tests use Chromium from ${source === "npm" ? "@sparticuz/chromium" : source}: ${path}`);
  project.provide("chromiumPath", path);
}
