/**
 * `npm run test:scale`: the heavier check, not part of `npm test` (CI runs it after, .ci/run).
 * One file, one fork: it starts the Worker in workerd over a scaled zone and measures it.
 */
import { defineConfig } from "vitest/config";

process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

export default defineConfig({
  oxc: { jsx: { importSource: "hono/jsx" } },
  test: {
    name: "scale",
    environment: "node",
    include: ["tests/scale/**/*.test.ts"],
    maxWorkers: 1,
    testTimeout: 60_000,
    // Seeding the scaled zone and starting workerd.
    hookTimeout: 600_000,
  },
});
