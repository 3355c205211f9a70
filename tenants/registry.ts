/** A lookup over the configured zones; built once from tenants/index.ts. */
import type { ZoneConfig } from "./schema";

export interface ZoneRegistry {
  get(slug: string): ZoneConfig | undefined;
  has(slug: string): boolean;
  /** Every zone, in slug order. */
  all(): readonly ZoneConfig[];
}

export function createZoneRegistry(list: readonly ZoneConfig[]): ZoneRegistry {
  const bySlug = new Map<string, ZoneConfig>();
  for (const zone of list) {
    if (bySlug.has(zone.slug)) throw new Error(`two zones use the slug "${zone.slug}"`);
    bySlug.set(zone.slug, zone);
  }
  const sorted = [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    get: (slug) => bySlug.get(slug),
    has: (slug) => bySlug.has(slug),
    all: () => sorted,
  };
}
