import { defineConfig } from "drizzle-kit";

// The platform database's schema (the control plane: zones, hostnames, operators, audit);
// `npm run db:generate` bundles its SQL into migrations/platform/bundle.ts.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/platform-schema.ts",
  out: "./migrations/platform",
});
