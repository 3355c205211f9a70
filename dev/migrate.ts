/**
 * `npm run db:migrate [-- --only a,b] [--concurrency N]`: migrates the platform database
 * (PLATFORM_DB_URL, default file:.data/platform.db), then every zone it lists (or the named
 * ones), N at a time (default 8), to the bundled schemas — decision 0018. A line per zone
 * as it finishes; exit code 1 names what failed, and running again resumes.
 */
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import { migrations } from "../migrations/bundle";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, migratePlatformAndZones } from "./lib/migrate-all";
import { cliClientFactory } from "./lib/tenant-clients";

// As the Node server's default (worker/node-deps.ts NODE_DEFAULTS), not imported from there:
// this command must run without loading the server's dependencies.
const DEFAULT_PLATFORM_DB_URL = "file:.data/platform.db";

const { values } = parseArgs({ options: { only: { type: "string" }, concurrency: { type: "string" } } });
const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
  console.error(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})`);
  process.exit(2);
}
const only = values.only
  ?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);

// The same URLs and token the app uses (worker/node-deps.ts): the group token serves both.
const { template, open } = cliClientFactory();
const platformUrl = process.env.PLATFORM_DB_URL || DEFAULT_PLATFORM_DB_URL;
if (platformUrl.startsWith("file:.data/")) mkdirSync(".data", { recursive: true });
const authToken = process.env.LIBSQL_AUTH_TOKEN;
const platformClient = createClient({ url: platformUrl, ...(authToken ? { authToken } : {}) });

const started = performance.now();
console.log(
  `migrating the platform database at ${platformUrl}, then its zones at ${template} ` +
    `to ${migrations.at(-1)?.tag ?? "(no migrations)"}, ${concurrency} at a time`,
);
const result = await migratePlatformAndZones({
  platformClient,
  openZone: open,
  concurrency,
  ...(only ? { only } : {}),
  log: (l) => console.log(l),
});
platformClient.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (!result.platform.ok) {
  console.error("\nThe platform database failed, so no zone was touched. Fix the cause and run again.");
  process.exit(1);
}
if (result.unknown.length) {
  console.error(
    `\nunknown zone(s): ${result.unknown.join(", ")} — ` +
      "the platform database lists no zone by that slug; nothing migrated.",
  );
  process.exit(2);
}
if (result.failed.length) {
  console.error(
    `\n${result.failed.length} zone(s) failed: ${result.failed.join(", ")}. ` +
      "Fix the cause and run again; migrated zones are skipped.",
  );
  process.exit(1);
}
const skipped = result.zones.filter((z) => z.skipped).length;
const migratedCount = result.zones.length - skipped;
if (result.zones.length === 0) {
  console.log(`\nno zone registered yet (npm start registers the demo zones; npm run tenant:create adds one).`);
} else {
  const left = skipped ? `; ${skipped} still provisioning, left to provisioning` : "";
  console.log(`\nplatform and ${migratedCount} zone(s) at the latest schema in ${seconds} s${left}.`);
}
