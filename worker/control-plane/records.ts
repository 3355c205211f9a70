/**
 * Writes to the control plane's zone rows. Every change to a zone's row or its hostnames
 * bumps the row's `rev` to the table's highest + 1 in the same statement (SQLite runs one
 * writer at a time, so revs never repeat): that is what every isolate's directory reloads by.
 */
import { and, eq, sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { tenantHostnames, tenants, type TenantStatus } from "../db/platform-schema";
import type { ZoneIdentity } from "./zone-base";

export type PlatformDb = LibSQLDatabase;

const nextRev = sql<number>`(SELECT coalesce(max(${tenants.rev}), 0) + 1 FROM ${tenants})`;

/** A new zone row; false when the slug (or its database name) is taken. */
export async function insertTenant(
  db: PlatformDb,
  row: ZoneIdentity & { status: TenantStatus; dbName: string; provisionStep?: string | null; nowMs: number },
): Promise<boolean> {
  const inserted = await db
    .insert(tenants)
    .values({
      slug: row.slug,
      nameZh: row.name.zh,
      nameEn: row.name.en,
      province: row.region.province,
      city: row.region.city,
      phone: row.phone,
      template: row.template,
      status: row.status,
      dbName: row.dbName,
      provisionStep: row.provisionStep ?? null,
      rev: nextRev,
      createdAt: row.nowMs,
      updatedAt: row.nowMs,
    })
    .onConflictDoNothing()
    .returning({ slug: tenants.slug });
  return inserted.length === 1;
}

/** Changes a zone's status (and its provisioning step and error); false when no such zone. */
export async function updateTenantStatus(
  db: PlatformDb,
  slug: string,
  change: { status: TenantStatus; provisionStep?: string | null; provisionError?: string | null; nowMs: number },
): Promise<boolean> {
  const updated = await db
    .update(tenants)
    .set({
      status: change.status,
      ...(change.provisionStep !== undefined ? { provisionStep: change.provisionStep } : {}),
      ...(change.provisionError !== undefined ? { provisionError: change.provisionError } : {}),
      rev: nextRev,
      updatedAt: change.nowMs,
    })
    .where(eq(tenants.slug, slug))
    .returning({ slug: tenants.slug });
  return updated.length === 1;
}

/** Adds a custom hostname (already parsed: hostnames.ts); false when some zone has it. */
export async function addTenantHostname(
  db: PlatformDb,
  slug: string,
  hostname: string,
  nowMs: number,
): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .insert(tenantHostnames)
      .values({ hostname, tenantSlug: slug, createdAt: nowMs })
      .onConflictDoNothing()
      .returning({ hostname: tenantHostnames.hostname }),
    db.update(tenants).set({ rev: nextRev, updatedAt: nowMs }).where(eq(tenants.slug, slug)),
  ]);
  return inserted.length === 1;
}

/** Removes a zone's custom hostname; false when the zone does not have it. */
export async function removeTenantHostname(
  db: PlatformDb,
  slug: string,
  hostname: string,
  nowMs: number,
): Promise<boolean> {
  const [deleted] = await db.batch([
    db
      .delete(tenantHostnames)
      .where(and(eq(tenantHostnames.tenantSlug, slug), eq(tenantHostnames.hostname, hostname)))
      .returning({ hostname: tenantHostnames.hostname }),
    db.update(tenants).set({ rev: nextRev, updatedAt: nowMs }).where(eq(tenants.slug, slug)),
  ]);
  return deleted.length === 1;
}
