/**
 * Writes migrations/bundle.ts from drizzle-kit's output so the Worker (which has
 * no file system) and the Node CLI apply exactly the same SQL. Run by
 * `npm run db:generate`; a test fails when the bundle is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderMigrationBundle } from "./lib/migration-bundle";

const dir = fileURLToPath(new URL("../migrations/", import.meta.url));
const out = `${dir}bundle.ts`;
const text = renderMigrationBundle((name) => readFileSync(`${dir}${name}`, "utf8"));
writeFileSync(out, text);
console.log(`wrote ${out}`);
