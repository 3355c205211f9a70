import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MIGRATION_SETS, renderMigrationBundle } from "./migration-bundle";

describe.each(MIGRATION_SETS)("$dir bundle.ts", (set) => {
  it("matches drizzle-kit's SQL files (run `npm run db:generate` after changing the schema)", () => {
    const dir = fileURLToPath(new URL(`../../${set.dir}`, import.meta.url));
    const expected = renderMigrationBundle((name) => readFileSync(`${dir}${name}`, "utf8"), set);
    expect(readFileSync(`${dir}bundle.ts`, "utf8")).toBe(expected);
  });
});
