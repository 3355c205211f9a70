/**
 * Migrating many databases: the platform database first, then every zone it lists, a few
 * at a time, with a line per database as it finishes (decision 0018).
 *
 * The platform goes first because the list of zones lives there, and because code that
 * reads zones by the new platform schema may already be serving. A failing zone does not
 * stop the others: it is named at the end and the caller exits non-zero. Running again
 * resumes: a zone already at the latest version is reported "up to date" (two small reads),
 * a failed one is retried from its last version (migrateTenant applies each migration with
 * its ledger row in one batch, so no zone is ever half-migrated).
 */
import type { Client } from "@libsql/client";
import { asc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { migrations as zoneBundle } from "../../migrations/bundle";
import { platformMigrations as platformBundle } from "../../migrations/platform/bundle";
import { migrateTenant, type Migration } from "../../worker/db/migrate";
import { tenants, type TenantStatus } from "../../worker/db/platform-schema";

/**
 * Zones migrated at once by default. Each migration is a few round trips of small batches:
 * eight in flight keep a remote server (Turso, the local libSQL server) busy without
 * queueing on one database's write lock, and stay far below any connection limit.
 */
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export interface TenantOutcome {
  slug: string;
  ok: boolean;
  applied: string[];
  version: string | null;
  error?: string;
  /** Set when the zone was left alone on purpose (ok stays true): why, e.g. "still provisioning". */
  skipped?: string;
}

export interface MigrateAllOptions {
  slugs: readonly string[];
  openClient: (slug: string) => Client;
  migrations: readonly Migration[];
  /** Receives one human-readable line per tenant, as it finishes. */
  log?: (line: string) => void;
  /** Databases migrated at the same time; default 1 (one after another). */
  concurrency?: number;
}

/** Migrates the named tenant databases; outcomes come back in the order of `slugs`. */
export async function migrateAllTenants({
  slugs,
  openClient,
  migrations,
  log = () => {},
  concurrency = 1,
}: MigrateAllOptions) {
  const progress = progressLabel(slugs.length);
  const outcomes = new Array<TenantOutcome>(slugs.length);
  await forEachAtMost(slugs, concurrency, async (slug, i) => {
    const outcome = await migrateOne(slug, () => openClient(slug), migrations);
    outcomes[i] = outcome;
    log(`${progress()} ${describeOutcome(outcome, slug)}`);
  });
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.slug);
  return { outcomes, failed };
}

export interface MigratePlatformAndZonesOptions {
  /** The platform database (PLATFORM_DB_URL). Not closed here: it belongs to the caller. */
  platformClient: Client;
  /** A client for a zone's database by its name (tenants.db_name); closed once that zone is done. */
  openZone: (dbName: string) => Client;
  /** Zones migrated at the same time; default DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /** Receives one line for the platform database, then one per zone as each finishes. */
  log?: (line: string) => void;
  /** Only these zones (by slug); every registered zone when absent. */
  only?: readonly string[];
  /** The bundles to apply; the ones built into this code by default (tests pass their own). */
  zoneMigrations?: readonly Migration[];
  platformMigrations?: readonly Migration[];
}

export interface MigratePlatformAndZonesResult {
  /** True when the platform database and every zone attempted are at the latest schema. */
  ok: boolean;
  platform: { ok: boolean; applied: string[]; version: string | null; error?: string };
  /** One per zone listed (in slug order); empty when the platform database failed. */
  zones: TenantOutcome[];
  /** Slugs of the zones that failed. */
  failed: string[];
  /** Slugs named in `only` that the platform database does not list (nothing was migrated then). */
  unknown: string[];
}

/** `npm run db:migrate` and the built CLI's `migrate`: the platform database, then its zones. */
export async function migratePlatformAndZones({
  platformClient,
  openZone,
  concurrency = DEFAULT_CONCURRENCY,
  log = () => {},
  only,
  zoneMigrations = zoneBundle,
  platformMigrations = platformBundle,
}: MigratePlatformAndZonesOptions): Promise<MigratePlatformAndZonesResult> {
  const none = { zones: [], failed: [], unknown: [] };
  let platform: MigratePlatformAndZonesResult["platform"];
  try {
    platform = { ok: true, ...(await migrateTenant(platformClient, platformMigrations)) };
    log(`platform database: ${describeApplied(platform.applied, platform.version)}`);
  } catch (err) {
    // Without the platform schema the zone list cannot be trusted: no zone is touched.
    const error = messageOf(err);
    log(`platform database ✗ ${error}`);
    return { ok: false, platform: { ok: false, applied: [], version: null, error }, ...none };
  }

  const listed = await drizzle(platformClient)
    .select({ slug: tenants.slug, dbName: tenants.dbName, status: tenants.status, step: tenants.provisionStep })
    .from(tenants)
    .orderBy(asc(tenants.slug));
  const unknown = (only ?? []).filter((slug) => !listed.some((z) => z.slug === slug));
  if (unknown.length) return { ok: false, platform, ...none, unknown };
  const chosen = only ? listed.filter((z) => only.includes(z.slug)) : listed;

  const progress = progressLabel(chosen.length);
  const outcomes = new Array<TenantOutcome>(chosen.length);
  await forEachAtMost(chosen, concurrency, async (zone, i) => {
    const skipped = skipReason(zone.status, zone.step);
    const outcome = skipped
      ? { slug: zone.slug, ok: true, applied: [], version: null, skipped }
      : await migrateOne(zone.slug, () => openZone(zone.dbName), zoneMigrations);
    outcomes[i] = outcome;
    const name = zone.dbName === zone.slug ? zone.slug : `${zone.slug} (database ${zone.dbName})`;
    log(`${progress()} ${describeOutcome(outcome, name)}`);
  });
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.slug);
  return { ok: failed.length === 0, platform, zones: outcomes, failed, unknown: [] };
}

/**
 * A zone still being provisioned is left to provisioning: its database may not exist yet
 * (Turso creates it in a later step), and provisioning migrates it when it resumes.
 */
function skipReason(status: TenantStatus, step: string | null): string | null {
  if (status !== "provisioning") return null;
  return `still provisioning${step ? ` (step ${step})` : ""}; provisioning migrates it when it resumes`;
}

async function migrateOne(slug: string, open: () => Client, migrations: readonly Migration[]): Promise<TenantOutcome> {
  let client: Client | undefined;
  try {
    client = open();
    const { applied, version } = await migrateTenant(client, migrations);
    return { slug, ok: true, applied, version };
  } catch (err) {
    return { slug, ok: false, applied: [], version: null, error: messageOf(err) };
  } finally {
    client?.close();
  }
}

function describeOutcome(o: TenantOutcome, name: string): string {
  if (o.skipped) return `– ${name}: skipped, ${o.skipped}`;
  if (!o.ok) return `✗ ${name}: ${o.error}`;
  return `✓ ${name}: ${describeApplied(o.applied, o.version)}`;
}

function describeApplied(applied: readonly string[], version: string | null): string {
  const what = applied.length ? `applied ${applied.join(", ")}` : "up to date";
  return `${what} (schema ${version ?? "empty"})`;
}

/** "[ 7/120]": how many have finished so far, so lines read as progress in any order. */
function progressLabel(total: number): () => string {
  const width = String(total).length;
  let done = 0;
  return () => `[${String(++done).padStart(width)}/${total}]`;
}

/** Runs `work` over `items` with at most `limit` in flight; `work` must not throw. */
async function forEachAtMost<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const lanes = Math.min(Math.max(1, Math.floor(limit)), MAX_CONCURRENCY, items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
