/**
 * Host → zone, through the control plane (the platform database), with a per-isolate copy.
 *
 * How a change reaches every isolate within 5 s, with no read on the hot path: each isolate
 * keeps every zone's row and hostnames, and the highest `rev` it has seen. A request within
 * FRESH_MS of the last check resolves from memory (a Map lookup). The first request after
 * that asks the platform database for the rows whose rev is higher (one indexed read that
 * returns nothing when nothing changed) and applies them. Every write bumps the row's rev
 * (records.ts), and the isolate that wrote calls `invalidate()`, so its own next request
 * sees the change at once. Concurrent requests share one refresh.
 */
import type { Client } from "@libsql/client";
import { eq, gt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import type { ZoneConfig } from "../../tenants/schema";
import { RESERVED_SUBDOMAINS } from "../../tenants/schema";
import { findDatabaseUnavailable } from "../db/time-limited-client";
import { tenantHostnames, tenants, type TenantStatus } from "../db/platform-schema";
import { normaliseHost } from "../lib/host";
import { baseZoneOf } from "./zone-base";

/** How long an isolate resolves hosts from memory before asking the platform database again. */
export const DIRECTORY_FRESH_MS = 5_000;

export interface TenantRecord {
  slug: string;
  name: { zh: string; en: string };
  region: { province: string; city: string };
  phone: string;
  template: string;
  status: TenantStatus;
  dbName: string;
  /** Custom hostnames, sorted. */
  hostnames: readonly string[];
  provisionStep: string | null;
  provisionError: string | null;
  rev: number;
  createdAt: number;
  updatedAt: number;
}

export type Resolution =
  | { kind: "platform" }
  | { kind: "none"; reason: "no-host" | "ip" | "foreign" | "nested" | "reserved" | "unknown-zone" }
  | { kind: "zone"; tenant: TenantRecord; zone: ZoneConfig; customHost: string | null };

export interface ZoneDirectory {
  resolve(host: string): Promise<Resolution>;
  /** Every zone, in slug order. */
  list(): Promise<readonly TenantRecord[]>;
  get(slug: string): Promise<TenantRecord | undefined>;
  /** The zone's configuration before its own settings apply (zone-base.ts), cached per row version. */
  baseZone(tenant: TenantRecord): ZoneConfig;
  /** After a write: the next call reads the platform database first. */
  invalidate(): void;
}

interface Entry {
  record: TenantRecord;
  zone?: ZoneConfig;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function createZoneDirectory(options: {
  open: () => Client;
  roots: readonly string[];
  freshMs?: number;
  now?: () => number;
}): ZoneDirectory {
  const freshMs = options.freshMs ?? DIRECTORY_FRESH_MS;
  const now = options.now ?? Date.now;
  const bySlug = new Map<string, Entry>();
  const byHost = new Map<string, string>();
  let sorted: readonly TenantRecord[] | null = null;
  let rev = -1;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | null = null;

  async function load(): Promise<void> {
    const db = drizzle(options.open());
    const rows = await db
      .select({ t: tenants, hostname: tenantHostnames.hostname })
      .from(tenants)
      .leftJoin(tenantHostnames, eq(tenantHostnames.tenantSlug, tenants.slug))
      .where(gt(tenants.rev, rev));
    const changed = new Map<string, TenantRecord>();
    for (const { t, hostname } of rows) {
      let record = changed.get(t.slug);
      if (!record) {
        record = {
          slug: t.slug,
          name: { zh: t.nameZh, en: t.nameEn },
          region: { province: t.province, city: t.city },
          phone: t.phone,
          template: t.template,
          status: t.status,
          dbName: t.dbName,
          hostnames: [],
          provisionStep: t.provisionStep,
          provisionError: t.provisionError,
          rev: t.rev,
          createdAt: t.createdAt,
          updatedAt: t.updatedAt,
        };
        changed.set(t.slug, record);
      }
      if (hostname) (record.hostnames as string[]).push(hostname);
    }
    for (const record of changed.values()) {
      (record.hostnames as string[]).sort();
      for (const h of bySlug.get(record.slug)?.record.hostnames ?? []) byHost.delete(h);
      for (const h of record.hostnames) byHost.set(h, record.slug);
      bySlug.set(record.slug, { record });
      if (record.rev > rev) rev = record.rev;
    }
    if (changed.size > 0 || sorted === null)
      sorted = [...bySlug.values()].map((e) => e.record).sort((a, b) => a.slug.localeCompare(b.slug));
  }

  async function fresh(): Promise<void> {
    const at = now();
    if (at - checkedAt < freshMs) return;
    inflight ??= load()
      .then(() => {
        checkedAt = at;
      })
      .catch((err: unknown) => {
        // A platform database outage: serve from the copy this isolate has, if it has one,
        // and try again at the next check; with no copy yet, the request answers 503.
        if (sorted === null) throw err;
        checkedAt = at;
        const reason = findDatabaseUnavailable(err)?.reason ?? String(err);
        console.warn(JSON.stringify({ level: "warn", event: "zone_directory_stale", error: reason }));
      })
      .finally(() => {
        inflight = null;
      });
    await inflight;
  }

  function baseZone(record: TenantRecord): ZoneConfig {
    const entry = bySlug.get(record.slug);
    if (entry && entry.record === record) {
      entry.zone ??= baseZoneOf(record);
      return entry.zone;
    }
    return baseZoneOf(record);
  }

  return {
    async resolve(rawHost) {
      const host = normaliseHost(rawHost);
      if (host === "") return { kind: "none", reason: "no-host" };
      if (host.startsWith("[") || IPV4.test(host)) return { kind: "none", reason: "ip" };
      for (const root of options.roots) {
        if (host === root) return { kind: "platform" };
        if (!host.endsWith(`.${root}`)) continue;
        const label = host.slice(0, host.length - root.length - 1);
        if (label.includes(".")) return { kind: "none", reason: "nested" };
        if (RESERVED_SUBDOMAINS.has(label)) return { kind: "none", reason: "reserved" };
        await fresh();
        const entry = bySlug.get(label);
        if (!entry) return { kind: "none", reason: "unknown-zone" };
        return { kind: "zone", tenant: entry.record, zone: baseZone(entry.record), customHost: null };
      }
      await fresh();
      const slug = byHost.get(host);
      const entry = slug === undefined ? undefined : bySlug.get(slug);
      if (!entry) return { kind: "none", reason: "foreign" };
      return { kind: "zone", tenant: entry.record, zone: baseZone(entry.record), customHost: host };
    },
    async list() {
      await fresh();
      return sorted ?? [];
    },
    async get(slug) {
      await fresh();
      return bySlug.get(slug)?.record;
    },
    baseZone,
    invalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
