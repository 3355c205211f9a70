/**
 * The policy version in force for a zone on a day, compiled for the engine.
 *
 * Published versions are immutable, so a compiled set is cached per isolate
 * under its zone and content hash: a request pays one small indexed query to
 * learn which version is current (and its set, only the first time), and parses
 * the set only the first time. The
 * cache holds public rules, never enterprise data, and is bounded.
 */
import { desc, eq, inArray, lte, sql, type SQLWrapper } from "drizzle-orm";
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

/**
 * A version's stored set, or null when this isolate has it compiled already: the
 * query ships the (large) JSON only on a cache miss, so reading "which version, and
 * its set if new to us" is one round trip, never a second query after the first.
 */
function dataUnlessCached(zone: Pick<ZoneConfig, "slug">) {
  const prefix = `${zone.slug}:`;
  const hashes = [...cache.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return hashes.length
    ? sql<string | null>`case when ${policyVersions.contentHash} in ${hashes} then null else ${policyVersions.data} end`
    : sql<string | null>`${policyVersions.data}`;
}

const versionColumns = (zone: Pick<ZoneConfig, "slug">) => ({
  id: policyVersions.id,
  label: policyVersions.label,
  effectiveFrom: policyVersions.effectiveFrom,
  publishedAt: policyVersions.publishedAt,
  contentHash: policyVersions.contentHash,
  data: dataUnlessCached(zone),
});

/** The version in force on `date`, as a query for the caller's batch (`policyFromRow` reads its answer). */
export function currentPolicyQuery(db: TenantDb, zone: Pick<ZoneConfig, "slug">, date: string) {
  return db
    .select(versionColumns(zone))
    .from(policyVersions)
    .where(lte(policyVersions.effectiveFrom, date))
    .orderBy(desc(policyVersions.id))
    .limit(1);
}

/** Versions by number (those `ids` selects: a list, or a subquery), for the caller's batch. */
export function policyVersionsQuery(db: TenantDb, zone: Pick<ZoneConfig, "slug">, ids: number[] | SQLWrapper) {
  return db.select(versionColumns(zone)).from(policyVersions).where(inArray(policyVersions.id, ids));
}

type VersionRow = Awaited<ReturnType<typeof currentPolicyQuery>>[number];

/**
 * A version row as a loaded policy. Its set is compiled from the row's data, or taken from the
 * cache the query relied on; should another request have evicted it meanwhile, it is read again.
 */
export async function policyFromRow(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  row: VersionRow | undefined,
): Promise<LoadedPolicy | null> {
  if (!row) return null;
  const { contentHash, data, ...version } = row;
  let compiled = data === null ? cache.get(`${zone.slug}:${contentHash}`) : compileStored(zone, contentHash, data);
  if (!compiled) {
    const [stored] = await db
      .select({ data: policyVersions.data })
      .from(policyVersions)
      .where(eq(policyVersions.id, row.id))
      .limit(1);
    compiled = compileStored(zone, contentHash, stored!.data);
  }
  return { version, compiled, contentHash };
}

/** The version in force on `date` (YYYY-MM-DD, Asia/Shanghai), or null when the zone has published none yet. */
export async function loadCurrentPolicy(
  ctx: Pick<RequestCtx, "db" | "zone">,
  date: string,
): Promise<LoadedPolicy | null> {
  const [row] = await currentPolicyQuery(ctx.db, ctx.zone, date);
  return policyFromRow(ctx, row);
}

export const NO_POLICY = "本园区尚未发布政策。";

/** The version in force today; a zone that has published none answers 404 with a sentence saying so. */
export async function currentPolicyOf(
  ctx: Pick<RequestCtx, "db" | "zone" | "now">,
): Promise<{ policy: LoadedPolicy; today: string }> {
  const today = shanghaiDate(ctx.now);
  const policy = await loadCurrentPolicy(ctx, today);
  if (!policy) throw new AppError("not_found", NO_POLICY);
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
  ctx: Pick<RequestCtx, "db" | "zone">,
  id: number,
): Promise<CompiledPolicySet | null> {
  const [row] = await policyVersionsQuery(ctx.db, ctx.zone, [id]);
  return (await policyFromRow(ctx, row))?.compiled ?? null;
}
