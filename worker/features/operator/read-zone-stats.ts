/**
 * What the console shows of a zone's own database: its schema version (the last applied
 * migration tag), how many users and enterprises it has and its last activity (the newest
 * audit_log row). One batch, one round trip per zone. A zone still being provisioned, or
 * whose database does not answer, shows no figures rather than failing the page.
 */
import { count, max, sql } from "drizzle-orm";
import type { TenantRecord } from "../../control-plane/directory";
import { openTenantDb } from "../../db/open";
import { auditLog, enterprises, users } from "../../db/schema";
import type { AppDeps } from "../../env";

export interface ZoneStats {
  schemaVersion: string | null;
  users: number;
  enterprises: number;
  /** ISO 8601 UTC, or null when nothing was ever recorded. */
  lastActivityAt: string | null;
}

export async function readZoneStats({
  deps,
  tenant,
}: {
  deps: AppDeps;
  tenant: TenantRecord;
}): Promise<ZoneStats | null> {
  if (tenant.status === "provisioning") return null;
  const db = openTenantDb(deps.openClient(tenant.dbName));
  try {
    const [[u], [e], [a], version] = await db.batch([
      db.select({ n: count() }).from(users),
      db.select({ n: count() }).from(enterprises),
      db.select({ at: max(auditLog.at) }).from(auditLog),
      db.all<{ tag: string | null }>(sql`SELECT max(tag) AS tag FROM _schema_migrations`),
    ]);
    return {
      schemaVersion: version[0]?.tag ?? null,
      users: u?.n ?? 0,
      enterprises: e?.n ?? 0,
      lastActivityAt: a?.at ?? null,
    };
  } catch (err) {
    console.warn(
      JSON.stringify({ level: "warn", event: "zone_stats_unavailable", zone: tenant.slug, error: String(err) }),
    );
    return null;
  }
}
