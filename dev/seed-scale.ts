/**
 * `npm run seed:scale -- <zone> [--seed N] [--factor F] [--url <libsql url>] [--force]`:
 * fills a zone's database with a real zone's volume (dev/lib/scale): 5,000 enterprises with
 * figures, qualifications and accounts, 20,000 subsidy applications, 2,000 needs, 20 banks,
 * 300 products, 5,000 loans — times F. The database is the one `npm start` and
 * `npm run db:migrate` use (LIBSQL_URL_TEMPLATE with the zone's db_name from the platform
 * database, default file:.data/<zone>.db), or `--url`. Exit 1 with a sentence on refusal.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { zones } from "../tenants/index";
import type { ZoneConfig } from "../tenants/schema";
import { baseZoneOf } from "../worker/control-plane/zone-base";
import { tenants } from "../worker/db/platform-schema";
import { ScaleRefused, scalePassword, seedScale } from "./lib/scale/seed-scale";
import { scaleEmailDomain } from "./lib/scale/context";
import { cliClientFactory } from "./lib/tenant-clients";

const USAGE = "usage: npm run seed:scale -- <zone> [--seed 1] [--factor 1] [--url <libsql url>] [--force]";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: "string", default: "1" },
    factor: { type: "string", default: "1" },
    url: { type: "string" },
    force: { type: "boolean", default: false },
  },
});
const slug = positionals[0];
if (!slug || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

/** The zone's configuration and database name: the platform's row when there is one, else tenants/<zone>. */
async function resolveZone(): Promise<{ zone: ZoneConfig; dbName: string }> {
  const platformUrl = process.env.PLATFORM_DB_URL || "file:.data/platform.db";
  // Opening a file that is not there would create an empty platform database.
  if (platformUrl.startsWith("file:") && !existsSync(platformUrl.slice(5))) return codeZone();
  const platform = createClient({
    url: platformUrl,
    ...(process.env.LIBSQL_AUTH_TOKEN ? { authToken: process.env.LIBSQL_AUTH_TOKEN } : {}),
  });
  try {
    const [row] = await drizzle(platform).select().from(tenants).where(eq(tenants.slug, slug!)).limit(1);
    if (row) {
      const identity = {
        slug: row.slug,
        name: { zh: row.nameZh, en: row.nameEn },
        region: { province: row.province, city: row.city },
        phone: row.phone,
        template: row.template,
      };
      return { zone: baseZoneOf(identity), dbName: row.dbName };
    }
  } catch {
    // No platform database here (a bare --url): the zone's own folder says enough.
  } finally {
    platform.close();
  }
  return codeZone();
}

function codeZone(): { zone: ZoneConfig; dbName: string } {
  const code = zones.get(slug!);
  if (!code) throw new ScaleRefused(`no zone "${slug}": neither the platform database nor tenants/ knows it`);
  return { zone: code, dbName: code.slug };
}

try {
  const { zone, dbName } = await resolveZone();
  const client = values.url ? createClient({ url: values.url }) : cliClientFactory().open(dbName);
  const where = values.url ?? cliClientFactory().template.replace("{tenant}", dbName);
  console.log(`seeding ${zone.slug} at ${where} (seed ${values.seed}, factor ${values.factor})…`);
  try {
    const result = await seedScale({
      client,
      zone,
      seed: Number(values.seed),
      factor: Number(values.factor),
      force: values.force,
    });
    for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(28)} ${String(n).padStart(7)}`);
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(`${total} rows in ${(result.ms / 1000).toFixed(1)} s${result.run ? ` (set ${result.run + 1})` : ""}.`);
    const domain = scaleEmailDomain(zone.slug);
    console.log(`scaled accounts: qiye00001@${domain} …, bank1-1@${domain} …, password ${scalePassword(zone.slug)}`);
  } finally {
    client.close();
  }
} catch (err) {
  if (!(err instanceof ScaleRefused)) throw err;
  console.error(err.message);
  process.exit(1);
}
