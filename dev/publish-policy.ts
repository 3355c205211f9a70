/**
 * `npm run policy:publish -- <slug> [--dry-run]`: validates tenants/<slug>/policy/,
 * runs its cases, prints the diff against the zone's newest published version,
 * and publishes it as the next version (refused when a case fails or nothing
 * changed). Exit 1 when refused.
 */
import { parseArgs } from "node:util";
import { zones } from "../tenants/index";
import { openTenantDb } from "../worker/db/open";
import { cliClientFactory } from "./lib/tenant-clients";
import { describePreview, publishZonePolicy } from "./lib/publish-zone-policy";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean" } } });
const slug = positionals[0];
const zone = slug ? zones.get(slug) : undefined;
if (!zone) {
  console.error(
    `usage: npm run policy:publish -- <slug> [--dry-run]\nzones: ${zones
      .all()
      .map((z) => z.slug)
      .join(", ")}`,
  );
  process.exit(2);
}
const { open } = cliClientFactory();
const client = open(zone.slug);
try {
  const out = await publishZonePolicy(openTenantDb(client), zone, { dryRun: values["dry-run"] ?? false });
  const base = out.preview.base;
  console.log(
    `${zone.slug}: ${base ? `newest published is version ${base.id} (${base.label})` : "no version published yet"}`,
  );
  for (const l of describePreview(out.preview)) console.log(l);
  switch (out.status) {
    case "unchanged":
      console.log(`✓ unchanged: version ${out.version} is current`);
      break;
    case "would-publish":
      console.log("✓ valid, all cases pass: would publish (dry run)");
      break;
    case "published":
      console.log(
        `✓ published version ${out.version}; ` +
          (out.job === null
            ? "no enterprise to notify"
            : `免申即享 notices go out from job ${out.job} at the zones' next scheduled runs (/admin/jobs)`),
      );
      break;
    case "refused":
      console.error("✗ not published: fix the errors above");
      process.exitCode = 1;
      break;
  }
} catch (err) {
  console.error(`✗ ${zone.slug}: ${err instanceof Error ? err.message : err} (run npm run db:migrate first?)`);
  process.exitCode = 1;
} finally {
  client.close();
}
