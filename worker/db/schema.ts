/**
 * Drizzle schema of a tenant database, one file per area in ./tables. Every zone
 * has its own database with this same schema, so no table carries a tenant
 * column: isolation is the connection. drizzle-kit generates migrations/ from
 * this module (`npm run db:generate`).
 */
export * from "./tables/policies";
export * from "./tables/organisations";
export * from "./tables/accounts";
export * from "./tables/messages";
export * from "./tables/onboarding";
export * from "./tables/enterprise-profile";
export * from "./tables/subsidies";
export * from "./tables/finance";
export * from "./tables/numbers";
export * from "./tables/zone-settings";
export * from "./tables/jobs";
export * from "./tables/programme-matches";
export * from "./tables/notices";
export * from "./tables/yearly-reports";
export * from "./tables/indicators";
export * from "./tables/risk-pool";
export * from "./tables/api-tokens";
