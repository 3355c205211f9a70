/**
 * The policy version in force for a zone on a day, compiled for the engine.
 *
 * Published versions are immutable, so a compiled set is cached per isolate
 * under its zone and content hash: a request pays one small indexed query to
 * learn which version is current and parses the set only the first time. The
 * cache holds public rules, never enterprise data, and is bounded.
 */
import { and, desc, eq, lte } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { policyVersions } from "../../db/schema";
import { compilePolicySet, type CompiledPolicySet } from "../../engines/policy/compile";
import { policySetSchema } from "../../engines/policy/format/policy-set";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { RequestCtx } from "../../middleware/request-ctx";

export interface VersionInfo {
  id: number;
  label: string;
  effectiveFrom: string;
  publishedAt: number;
}
export interface LoadedPolicy {
  version: VersionInfo;
  compiled: CompiledPolicySet;
  contentHash: string;
}

const CACHE_LIMIT = 32;
const cache = new Map<string, CompiledPolicySet>();

export function compileStored(zone: ZoneConfig, contentHash: string, data: string): CompiledPolicySet {
  const key = `${zone.slug}:${contentHash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compilePolicySet(policySetSchema.parse(JSON.parse(data)), zone);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** The version in force on `date` (YYYY-MM-DD, Asia/Shanghai), or null when the zone has published none yet. */
export async function loadCurrentPolicy(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  date: string,
): Promise<LoadedPolicy | null> {
  const [row] = await db
    .select({
      id: policyVersions.id,
      label: policyVersions.label,
      effectiveFrom: policyVersions.effectiveFrom,
      publishedAt: policyVersions.publishedAt,
      contentHash: policyVersions.contentHash,
    })
    .from(policyVersions)
    .where(lte(policyVersions.effectiveFrom, date))
    .orderBy(desc(policyVersions.id))
    .limit(1);
  if (!row) return null;
  const key = `${zone.slug}:${row.contentHash}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const [stored] = await db
      .select({ data: policyVersions.data })
      .from(policyVersions)
      .where(and(eq(policyVersions.id, row.id)))
      .limit(1);
    compiled = compileStored(zone, row.contentHash, stored!.data);
  }
  const { contentHash, ...version } = row;
  return { version, compiled, contentHash };
}

/** The version in force today; a zone that has published none answers 404 with a sentence saying so. */
export async function currentPolicyOf(
  ctx: Pick<RequestCtx, "db" | "zone" | "now">,
): Promise<{ policy: LoadedPolicy; today: string }> {
  const today = shanghaiDate(ctx.now);
  const policy = await loadCurrentPolicy(ctx, today);
  if (!policy) throw new AppError("not_found", "本园区尚未发布政策。");
  return { policy, today };
}

/** The newest published version whatever its date: what a new version is compared with and numbered after. */
export async function loadLatestVersion(
  db: TenantDb,
): Promise<(VersionInfo & { contentHash: string; data: string }) | null> {
  const [row] = await db.select().from(policyVersions).orderBy(desc(policyVersions.id)).limit(1);
  return row
    ? {
        id: row.id,
        label: row.label,
        effectiveFrom: row.effectiveFrom,
        publishedAt: row.publishedAt,
        contentHash: row.contentHash,
        data: row.data,
      }
    : null;
}

/** A published version by number (an application's own), compiled; null if there is none. */
export async function loadPolicyVersion(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  id: number,
): Promise<CompiledPolicySet | null> {
  const [row] = await db
    .select({ hash: policyVersions.contentHash, data: policyVersions.data })
    .from(policyVersions)
    .where(eq(policyVersions.id, id))
    .limit(1);
  return row ? compileStored(zone, row.hash, row.data) : null;
}
