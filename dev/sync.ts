/**
 * `npm run db:sync [-- --only a,b]`: publishes each zone's policy set from
 * tenants/<slug>/ (documents, programmes, cases) as a new version where it
 * changed. Idempotent; refuses a set whose cases fail.
 */
import { parseArgs } from "node:util";
import { openTenantDb } from "../worker/db/open";
import { describePreview, publishZonePolicy } from "./lib/publish-zone-policy";
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
    const r = await publishZonePolicy(openTenantDb(client), zone);
    if (r.status === "refused") {
      failed++;
      console.error(`✗ ${zone.slug}: policy set not publishable\n${describePreview(r.preview).join("\n")}`);
    } else {
      const what =
        r.status === "published"
          ? `published policy version ${r.version}${r.job === null ? "" : ` (免申即享 notices: job ${r.job})`}`
          : `policy version ${r.status === "unchanged" ? r.version : "?"} unchanged`;
      console.log(`✓ ${zone.slug}: ${what}`);
    }
  } catch (err) {
    failed++;
    console.error(`✗ ${zone.slug}: ${err instanceof Error ? err.message : err} (run npm run db:migrate first?)`);
  } finally {
    client.close();
  }
}
process.exit(failed ? 1 : 0);
