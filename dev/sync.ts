/**
 * `npm run db:sync [-- --only a,b]`: loads each zone's configuration from
 * tenants/<slug>/ (its policy documents) into its database. Idempotent.
 */
import { parseArgs } from "node:util";
import { openTenantDb } from "../worker/db/open";
import { syncPolicyDocuments } from "../worker/features/policies/sync-documents";
import { zones } from "../tenants/index";
import { cliClientFactory } from "./lib/tenant-clients";

const { values } = parseArgs({ options: { only: { type: "string" } } });
const wanted = values.only?.split(",").map((s) => s.trim());
const { open } = cliClientFactory();
let failed = 0;
for (const zone of zones.all()) {
  if (wanted && !wanted.includes(zone.slug)) continue;
  const client = open(zone.slug);
  try {
    const r = await syncPolicyDocuments({ db: openTenantDb(client), zone });
    console.log(`✓ ${zone.slug}: ${r.inserted.length} new, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.removed.length} removed`);
  } catch (err) {
    failed++;
    console.error(`✗ ${zone.slug}: ${err instanceof Error ? err.message : err} (run npm run db:migrate first?)`);
  } finally {
    client.close();
  }
}
process.exit(failed ? 1 : 0);
