import { defineConfig } from "drizzle-kit";

// Generates SQL for the tenant schema; `npm run db:generate` then bundles it
// into migrations/bundle.ts, which both the Worker and the Node CLI import.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
