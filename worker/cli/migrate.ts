/**
 * `migrate [--only a,b] [--concurrency N]`: the platform database, then every zone it lists,
 * N at a time, to the schema this build carries — the same run as `npm run db:migrate`
 * (dev/lib/migrate-all.ts), with a line per zone. Resumable: what is migrated is skipped.
 */
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, migratePlatformAndZones } from "../../dev/lib/migrate-all";
import { tenantDbUrl } from "../env";
import { cliDeps, type CliIo, type ExitCode } from "./cli-io";

export const MIGRATE_ARGS = `[--only <slug>,<slug>] [--concurrency 1-${MAX_CONCURRENCY}]`;

export async function migrate(args: string[], io: CliIo, usagePrefix = ""): Promise<ExitCode> {
  let values: { only?: string; concurrency?: string };
  try {
    ({ values } = parseArgs({ args, options: { only: { type: "string" }, concurrency: { type: "string" } } }));
  } catch (err) {
    io.err(`${(err as Error).message}\nusage: ${usagePrefix}${MIGRATE_ARGS}`);
    return 2;
  }
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    io.err(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}`);
    return 2;
  }
  const only = values.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // The server's configuration; plain clients, because a migration may outlast DB_TIMEOUT_MS.
  const deps = cliDeps(io.env);
  deps.close();
  const { LIBSQL_URL_TEMPLATE: template, PLATFORM_DB_URL: platformUrl, LIBSQL_AUTH_TOKEN: token } = deps.config;
  const open = (url: string) => createClient({ url, ...(token ? { authToken: token } : {}) });
  const platformClient = open(platformUrl);
  try {
    io.out(
      `migrating the platform database at ${platformUrl}, then its zones at ${template}, ${concurrency} at a time`,
    );
    const result = await migratePlatformAndZones({
      platformClient,
      openZone: (dbName) => open(tenantDbUrl(template, dbName)),
      concurrency,
      ...(only ? { only } : {}),
      log: io.out,
    });
    if (!result.platform.ok) {
      io.err("the platform database failed, so no zone was touched; fix the cause and run again");
      return 1;
    }
    if (result.unknown.length) {
      io.err(`unknown zone(s): ${result.unknown.join(", ")}; nothing migrated`);
      return 2;
    }
    if (result.failed.length) {
      io.err(`${result.failed.length} zone(s) failed: ${result.failed.join(", ")}; run again to resume`);
      return 1;
    }
    const skipped = result.zones.filter((z) => z.skipped).length;
    const left = skipped ? `; ${skipped} still provisioning (\`tenant create\` with its slug finishes it)` : "";
    io.out(`done: the platform database and ${result.zones.length - skipped} zone(s) are at the latest schema${left}`);
    return 0;
  } finally {
    platformClient.close();
  }
}
