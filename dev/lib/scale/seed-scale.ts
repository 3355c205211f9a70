/**
 * Fills an existing zone's database with the volume of a real zone (issue 16), reproducibly:
 * the same seed, factor and day give the same rows and ids. The zone must be migrated and
 * have a policy in force (npm start does both). Demo accounts and demo rows are left as
 * they are; scaled accounts sign in with `Scale-<zone>-2026` at `…@scale.<zone>.demo`.
 */
import type { Client } from "@libsql/client";
import { count, like, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { applySettings } from "../../../tenants/settings";
import { openTenantDb } from "../../../worker/db/open";
import {
  applicationEvents,
  applicationNumbers,
  banks,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  onboardingApplications,
  subsidyApplications,
  subsidyEvents,
  subsidyPayments,
  users,
} from "../../../worker/db/schema";
import { hashPassword } from "../../../worker/features/auth/password/hash";
import { loadCurrentPolicy } from "../../../worker/features/policies/current-policy";
import { shanghaiDate } from "../../../worker/lib/calendar";
import { readLatestSettings } from "../../../worker/middleware/zone-settings";
import { countsFor, scaleEmailDomain, type ScaleContext } from "./context";
import { buildEnterprises } from "./enterprises";
import { buildFinance } from "./finance";
import { mulberry32, scaleIds } from "./prng";
import { buildSubsidies } from "./subsidies";
import { insertInChunks } from "./write";

export const scalePassword = (slug: string) => `Scale-${slug}-2026`;
export const MAX_FACTOR = 4;

export interface SeedScaleOptions {
  client: Client;
  /** The zone's configuration from code or template; its stored settings are applied here. */
  zone: ZoneConfig;
  seed: number;
  factor: number;
  /** Add another scaled set to a zone that has one (its ids and codes differ from the first). */
  force?: boolean;
  /** Timestamps count back from the start of this day (Asia/Shanghai). Default today. */
  now?: Date;
}

export interface SeedScaleResult {
  run: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  ms: number;
}

export class ScaleRefused extends Error {}

export async function seedScale(opts: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = performance.now();
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffff_ffff)
    throw new ScaleRefused("--seed takes a whole number from 0 to 4294967295");
  if (!(opts.factor > 0 && opts.factor <= MAX_FACTOR))
    throw new ScaleRefused(`--factor takes a number above 0 and at most ${MAX_FACTOR}`);
  const db = openTenantDb(opts.client);
  const slug = opts.zone.slug;
  const [scaled] = await db
    .select({ n: count() })
    .from(users)
    .where(like(users.email, `%@${scaleEmailDomain(slug)}`));
  const [firsts] = await db
    .select({ n: count() })
    .from(users)
    .where(like(users.email, `qiye00001%@${scaleEmailDomain(slug)}`));
  if (scaled!.n > 0 && !opts.force)
    throw new ScaleRefused(
      `zone ${slug} already holds scaled rows (${scaled!.n} accounts at @${scaleEmailDomain(slug)}); ` +
        "pass --force to add another set, or start from a fresh database",
    );
  const latest = await readLatestSettings(db);
  const zone = latest ? applySettings(opts.zone, latest.settings) : opts.zone;
  const today = shanghaiDate(opts.now ?? new Date());
  const policy = await loadCurrentPolicy({ db, zone }, today);
  if (!policy) throw new ScaleRefused(`zone ${slug} has no policy in force: run npm start (or npm run db:sync) first`);
  const [numbers, bankRows] = await db.batch([
    db.select().from(applicationNumbers),
    db.select({ id: banks.id }).from(banks).orderBy(banks.id),
  ]);
  const lastOf = (kind: "subsidy" | "loan") =>
    new Map(numbers.filter((n) => n.kind === kind).map((n) => [n.year, n.last] as const));

  const run = firsts!.n;
  const ctx: ScaleContext = {
    zone,
    rng: mulberry32(opts.seed),
    id: scaleIds(slug, opts.seed, run),
    now: Date.parse(`${today}T00:00:00+08:00`),
    counts: countsFor(opts.factor),
    run,
    passwordHash: await hashPassword(scalePassword(slug)),
  };
  const e = buildEnterprises(ctx);
  const s = buildSubsidies(ctx, {
    programmes: policy.compiled.list,
    policyVersion: policy.version.id,
    enterprises: e.admitted,
    lastNumber: lastOf("subsidy"),
  });
  const f = buildFinance(ctx, {
    enterprises: e.admitted,
    existingBanks: bankRows.map((b) => b.id),
    lastNumber: lastOf("loan"),
  });
  const rows = await insertInChunks(db, [
    { table: enterprises, rows: e.enterprises },
    { table: banks, rows: f.banks },
    { table: users, rows: [...e.users, ...f.staff] },
    { table: onboardingApplications, rows: e.onboarding },
    { table: applicationEvents, rows: e.onboardingEvents },
    { table: enterpriseYearlyFigures, rows: e.figures },
    { table: enterpriseQualifications, rows: e.qualifications },
    { table: subsidyApplications, rows: s.applications },
    { table: subsidyEvents, rows: s.events },
    { table: subsidyPayments, rows: s.payments },
    { table: loanProducts, rows: f.products },
    { table: financingNeeds, rows: f.needs },
    { table: loanApplications, rows: f.loans },
    { table: loanEvents, rows: f.loanEvents },
  ]);
  // The counters move past every number taken, so the app's next application continues the sequence.
  const taken = [...numberCounters("subsidy", s.applications), ...numberCounters("loan", f.loans)];
  if (taken.length)
    await db.batch(
      taken.map(([kind, year, last]) =>
        db
          .insert(applicationNumbers)
          .values({ kind, year, last })
          .onConflictDoUpdate({
            target: [applicationNumbers.kind, applicationNumbers.year],
            set: { last: sql`max(${applicationNumbers.last}, ${last})` },
          }),
      ) as never,
    );
  return { run, rows, ms: performance.now() - started };
}

function numberCounters(
  kind: "subsidy" | "loan",
  rows: readonly { numberYear?: number | null; numberSeq?: unknown }[],
): ["subsidy" | "loan", number, number][] {
  const last = new Map<number, number>();
  for (const r of rows)
    if (r.numberYear != null) last.set(r.numberYear, Math.max(last.get(r.numberYear) ?? 0, Number(r.numberSeq)));
  return [...last].map(([year, seq]) => [kind, year, seq]);
}
