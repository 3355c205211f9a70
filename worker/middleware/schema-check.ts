/**
 * A database behind the code answers 503 with the command that fixes it, instead of a 500
 * ("no such table") on every page: the platform database once per isolate, and each zone's
 * on its first request in this isolate (Workers and Node alike). A database found up to date
 * is not asked again for the isolate's life (migrations only move forward); one found behind
 * is asked again on its next request, so running the command is enough — no restart.
 *
 * Called by the site middleware (site.ts), which resolves the host once: the platform
 * database before resolving (resolving reads it), the zone's after. A failure to ask (an
 * outage) does not answer here: the request goes on and meets the outage where the app's one
 * mapping turns it into its 503.
 *
 * "Behind" is strict: the newest migration this code carries is not applied. So a rollout
 * migrates first (old code runs on the new schema) and deploys after; a database ahead of
 * the code (a newer migration) serves.
 */
import type { Client } from "@libsql/client";
import { migrations } from "../../migrations/bundle";
import { platformMigrations } from "../../migrations/platform/bundle";
import type { Migration } from "../db/migrate";
import { findDatabaseUnavailable } from "../db/time-limited-client";
import type { TenantRecord } from "../control-plane/directory";
import type { AppDeps } from "../env";
import { AppError } from "../lib/errors";

/** What to run when no MIGRATE_COMMAND is configured: the development checkout's script. */
export const DEFAULT_MIGRATE_COMMAND = "npm run db:migrate";

/** True when `version` (the newest applied tag, null for none) lacks the newest of `list`. */
export function isSchemaBehind(version: string | null, list: readonly Migration[]): boolean {
  const newest = list.at(-1)?.tag;
  if (newest === undefined) return false;
  return version === null || version < newest;
}

/**
 * The newest applied tag in one round trip (db/migrate.ts's ledger), where schemaVersion asks
 * twice: this runs on a zone's first request in every isolate. No ledger: never migrated.
 */
async function appliedVersion(client: Client): Promise<string | null> {
  try {
    const rs = await client.execute("SELECT max(tag) FROM _schema_migrations");
    const tag = rs.rows[0]?.[0];
    return tag === null || tag === undefined ? null : String(tag);
  } catch (err) {
    if (!findDatabaseUnavailable(err) && /no such table/i.test(String((err as Error | null)?.message))) return null;
    throw err;
  }
}

async function behind(client: Client, list: readonly Migration[]): Promise<{ version: string | null } | null> {
  const version = await appliedVersion(client);
  return isSchemaBehind(version, list) ? { version } : null;
}

function migrateCommand(deps: Pick<AppDeps, "config">): string {
  return deps.config.MIGRATE_COMMAND ?? DEFAULT_MIGRATE_COMMAND;
}

function behindError(deps: Pick<AppDeps, "config">, what: string): AppError {
  return new AppError(
    "unavailable",
    `${what}的数据库尚未升级到当前版本,服务暂不可用。请平台运维人员运行 ${migrateCommand(deps)} 升级数据库,完成后刷新即可。`,
    undefined,
    { retryAfterSeconds: 60 },
  );
}

export function schemaCheck(deps: AppDeps) {
  // Databases found up to date in this isolate, by name ("" is the platform database).
  const upToDate = new Set<string>();
  const inflight = new Map<string, Promise<{ version: string | null } | null>>();

  async function check(key: string, open: () => Client, list: readonly Migration[]): Promise<boolean> {
    if (upToDate.has(key)) return true;
    let pending = inflight.get(key);
    if (!pending) {
      pending = behind(open(), list).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    try {
      const lag = await pending;
      if (lag === null) upToDate.add(key);
      return lag === null;
    } catch {
      // Could not ask (an outage, a refused connection): the request meets it further on.
      return true;
    }
  }

  return {
    /** Throws the 503 while the platform database is behind this code. */
    async platform(): Promise<void> {
      if (!(await check("", deps.openPlatformClient, platformMigrations))) throw behindError(deps, "平台");
    },
    /** Throws the 503 while an active zone's database is behind this code. */
    async zone(tenant: Pick<TenantRecord, "dbName" | "name">): Promise<void> {
      if (!(await check(tenant.dbName, () => deps.openClient(tenant.dbName), migrations)))
        throw behindError(deps, tenant.name.zh);
    },
  };
}

export type SchemaCheck = ReturnType<typeof schemaCheck>;

/**
 * At a Node server's start: every database that is behind, as lines for its log (the platform
 * database first, then each zone the control plane lists). Nothing is refused here; requests
 * to those zones answer 503 with the same command until it has run.
 */
export async function describeSchemasBehind(deps: AppDeps): Promise<string[]> {
  const lines: string[] = [];
  const say = (what: string, lag: { version: string | null }) =>
    lines.push(`${what}: schema ${lag.version ?? "empty"} is behind; run ${migrateCommand(deps)}`);
  const platform = await behind(deps.openPlatformClient(), platformMigrations);
  if (platform) {
    say("platform database", platform);
    return lines;
  }
  const zones = (await deps.directory.list()).filter((t) => t.status === "active");
  // A few at a time: a deployment with hundreds of zones must not open them all at once.
  for (let i = 0; i < zones.length; i += 8) {
    const batch = zones.slice(i, i + 8);
    const lags = await Promise.all(batch.map((t) => behind(deps.openClient(t.dbName), migrations)));
    for (const [j, lag] of lags.entries()) if (lag) say(`zone ${batch[j]!.slug}`, lag);
  }
  return lines;
}
