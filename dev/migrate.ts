/**
 * `npm run db:migrate [-- --only a,b]`: migrates every zone's database (or the
 * named ones) to the bundled schema. Exit code 1 names the tenants that failed.
 */
import { parseArgs } from "node:util";
import { migrations } from "../migrations/bundle";
import { zones } from "../tenants/index";
import { migrateAllTenants } from "./lib/migrate-all";
import { cliClientFactory } from "./lib/tenant-clients";

const { values } = parseArgs({ options: { only: { type: "string" } } });
const all = zones.all().map((z) => z.slug);
const slugs = values.only ? values.only.split(",").map((s) => s.trim()) : all;
const unknown = slugs.filter((s) => !all.includes(s));
if (unknown.length) {
  console.error(`unknown zone(s): ${unknown.join(", ")} — configured: ${all.join(", ")}`);
  process.exit(2);
}

const { template, open } = cliClientFactory();
console.log(
  `migrating ${slugs.length} tenant database(s) at ${template} to ${migrations.at(-1)?.tag ?? "(no migrations)"}`,
);
const { failed } = await migrateAllTenants({ slugs, openClient: open, migrations, log: (l) => console.log(l) });
if (failed.length) {
  const names = failed.join(", ");
  console.error(
    `\n${failed.length} tenant(s) failed: ${names}. Fix the cause and run again; migrated tenants are skipped.`,
  );
  process.exit(1);
}
console.log(`\nall ${slugs.length} tenant(s) at the latest schema.`);
