/**
 * Which Chromium the browser tests drive, so that `npm install && npm test` works on a
 * machine with nothing but npm: `CHROMIUM_PATH` first, then a system Chromium if one is
 * installed, then the headless Chromium that the npm package @sparticuz/chromium ships
 * (unpacked to the temp folder on first use, ~1.5 s). That build has no CJK fonts, so
 * browser tests assert on text and the DOM, never on pixels.
 */
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm";

export async function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ path: string; source: ChromiumSource }> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  }
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system && env.YQ_NO_SYSTEM_CHROMIUM !== "1") return { path: system, source: "system" };
  const { default: packaged } = await import("@sparticuz/chromium");
  return { path: await packaged.executablePath(), source: "npm" };
}
