/**
 * The platform database (the control plane): which zones exist, where their databases
 * are, which hostnames reach them, the operators who run the platform and what they did.
 * One database for the whole deployment (PLATFORM_DB_URL), beside one per zone.
 * Times are integer ms (UTC), except operator_sessions.expires_at (seconds, as lucia stores it).
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const TENANT_STATUSES = ["provisioning", "active", "suspended"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const tenants = sqliteTable(
  "tenants",
  {
    /** The zone's subdomain label and id everywhere (tenants/schema.ts slugSchema). */
    slug: text("slug").primaryKey(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    province: text("province").notNull(),
    city: text("city").notNull(),
    /** The help-line number given at creation; the zone's own settings may change it later. */
    phone: text("phone").notNull(),
    /** What the zone started from: "blank" or a demo zone's slug (tenants/<slug>/). */
    template: text("template").notNull(),
    status: text("status", { enum: TENANT_STATUSES }).notNull(),
    /** The database's name: LIBSQL_URL_TEMPLATE's {tenant} is replaced by it. */
    dbName: text("db_name").notNull().unique(),
    /** While provisioning: the step that runs or failed last (provisioning/steps.ts). */
    provisionStep: text("provision_step"),
    provisionError: text("provision_error"),
    /** Bumped (to the table's max + 1) by every change to the row or its hostnames: caches reload by it. */
    rev: integer("rev").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("tenants_rev_idx").on(t.rev)],
);

/** A zone's own domains (Cloudflare for SaaS custom hostnames): lower-case, punycode (A-labels). */
export const tenantHostnames = sqliteTable(
  "tenant_hostnames",
  {
    hostname: text("hostname").primaryKey(),
    tenantSlug: text("tenant_slug")
      .notNull()
      .references(() => tenants.slug),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("tenant_hostnames_tenant_idx").on(t.tenantSlug)],
);

export const operators = sqliteTable("operators", {
  id: text("id").primaryKey(),
  /** Lower-cased and trimmed; the sign-in name. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Self-describing PBKDF2 hash (worker/features/auth/password). */
  passwordHash: text("password_hash").notNull(),
  status: text("status", { enum: ["active", "disabled"] })
    .notNull()
    .default("active"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const operatorSessions = sqliteTable(
  "operator_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => operators.id, { onDelete: "cascade" }),
    /** Seconds (lucia): the sliding idle expiry. */
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    remember: integer("remember", { mode: "boolean" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("operator_sessions_user_idx").on(t.userId)],
);

/** Operator sign-in attempts, for lockout and per-IP limits as on the zones. */
export const operatorAttempts = sqliteTable(
  "operator_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("operator_attempts_email_idx").on(t.email, t.at), index("operator_attempts_ip_idx").on(t.ip, t.at)],
);

/** What operators (and the platform's own tools) did; append-only like the zones' audit_log. */
export const platformAudit = sqliteTable(
  "platform_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    /** The operator's id, or "cli" / "system" for the command-line tools and npm start. */
    actorId: text("actor_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    /** Usually a zone slug. */
    target: text("target"),
    result: text("result", { enum: ["ok", "denied", "failed"] }).notNull(),
    ip: text("ip"),
    /** JSON. */
    detail: text("detail"),
  },
  (t) => [index("platform_audit_at_idx").on(t.at)],
);

export type TenantRow = typeof tenants.$inferSelect;
export type OperatorRow = typeof operators.$inferSelect;
