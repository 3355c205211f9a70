/**
 * Writes migrations/bundle.ts from drizzle-kit's output so the Worker (which has
 * no file system) and the Node CLI apply exactly the same SQL. Run by
 * `npm run db:generate`; a test fails when the bundle is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MIGRATION_SETS, renderMigrationBundle } from "./lib/migration-bundle";

for (const set of MIGRATION_SETS) {
  const dir = fileURLToPath(new URL(`../${set.dir}`, import.meta.url));
  const out = `${dir}bundle.ts`;
  writeFileSync(
    out,
    renderMigrationBundle((name) => readFileSync(`${dir}${name}`, "utf8"), set),
  );
  console.log(`wrote ${out}`);
}
