/** Migrate a zone's database and load its configuration into it: what a zone needs before it serves. */
import { createClient, type Client } from "@libsql/client";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";
import { openTenantDb } from "../../worker/db/open";
import { describePreview, publishZonePolicy } from "./publish-zone-policy";
import type { ZoneConfig } from "../../tenants/schema";
import { DEMO_ZONES, seedDemoAccounts } from "./seed-demo";
import { seedDemoEnterprises } from "./seed-demo-enterprises";
import { seedDemoSubsidies } from "./seed-demo-subsidies";
import { seedDemoFinance } from "./seed-demo-finance";
import { seedDemoIndicators } from "./seed-demo-indicators";
import { seedDemoLoanSupport } from "./seed-demo-loan-support";

export async function prepareTenant(client: Client, zone: ZoneConfig) {
  const migrated = await migrateTenant(client, migrations);
  const policy = await publishZonePolicy(openTenantDb(client), zone);
  if (policy.status === "refused")
    throw new Error(`tenants/${zone.slug}/policy: not publishable\n${describePreview(policy.preview).join("\n")}`);
  return { migrated, policy };
}

/**
 * Prepares every configured zone, each through its own client from `urlFor(slug)`;
 * with `demo`, also the demo accounts (npm start and tests only, never production).
 */
export async function prepareAllZones(
  urlFor: (slug: string) => string,
  zones: readonly ZoneConfig[],
  opts: { demo?: boolean } = {},
) {
  const results = [];
  for (const zone of zones) {
    const client = createClient({ url: urlFor(zone.slug) });
    try {
      const prepared = await prepareTenant(client, zone);
      const demo = opts.demo && (DEMO_ZONES as readonly string[]).includes(zone.slug);
      const demoAccountsCreated = demo ? await seedDemoAccounts(openTenantDb(client), zone) : 0;
      const demoEnterprisesCreated = demo ? await seedDemoEnterprises(openTenantDb(client), zone) : 0;
      // After the enterprises (their figures feed the engine) and the published policy.
      if (demo) await seedDemoSubsidies(openTenantDb(client), zone);
      // After the enterprises (a demo need is theirs) and the demo banks of seed-demo.ts.
      if (demo) await seedDemoFinance(openTenantDb(client), zone);
      if (demo) await seedDemoIndicators(openTenantDb(client), zone);
      // After the products (科技助保贷 is enrolled in the demo pool) and the published policy (贴息).
      if (demo) await seedDemoLoanSupport(openTenantDb(client), zone);
      results.push({ zone, ...prepared, demoAccountsCreated, demoEnterprisesCreated });
    } finally {
      client.close();
    }
  }
  return results;
}
