import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderMigrationBundle } from "./migration-bundle";

const dir = fileURLToPath(new URL("../../migrations/", import.meta.url));

describe("migrations/bundle.ts", () => {
  it("matches drizzle-kit's SQL files (run `npm run db:generate` after changing the schema)", () => {
    const expected = renderMigrationBundle((name) => readFileSync(`${dir}${name}`, "utf8"));
    expect(readFileSync(`${dir}bundle.ts`, "utf8")).toBe(expected);
  });
});
