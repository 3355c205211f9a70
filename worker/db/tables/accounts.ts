/**
 * Users, sessions, sign-in attempts and reset tokens. Times are integer ms (UTC),
 * except sessions.expires_at, which lucia's drizzle adapter stores in seconds.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { banks, enterprises } from "./organisations";

export const ROLES = ["zone_admin", "reviewer", "enterprise", "bank"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased and trimmed; the sign-in name. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    bankId: text("bank_id").references(() => banks.id),
    /** Self-describing PBKDF2 hash (worker/features/auth/password). */
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: integer("password_changed_at").notNull(),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    /** Mainland mobile for SMS notices; optional. */
    mobile: text("mobile"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("users_role_idx").on(t.role),
    // 用户管理 pages, newest account first (keyset on created_at, id), all or one role; an enterprise's members.
    index("users_created_idx").on(t.createdAt, t.id),
    index("users_role_created_idx").on(t.role, t.createdAt, t.id),
    index("users_enterprise_idx").on(t.enterpriseId),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** `<zone slug>.<s|r>.<random>`: the zone and the remember-me flag are part of the id. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Seconds (lucia): the sliding idle expiry. */
    expiresAt: integer("expires_at").notNull(),
    /** Milliseconds: the absolute lifetime counts from here (lucia only slides). */
    createdAt: integer("created_at").notNull(),
    remember: integer("remember", { mode: "boolean" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Attempts, for per-account lockout and per-IP/per-address limits (isolates share no memory):
 * sign-ins, reset requests, 申请入驻 submissions, and an admin's unlock (failures before it no longer count).
 */
export const authAttempts = sqliteTable(
  "auth_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["login", "reset_request", "onboarding", "unlock"] }).notNull(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("auth_attempts_email_idx").on(t.kind, t.email, t.at),
    index("auth_attempts_ip_idx").on(t.kind, t.ip, t.at),
  ],
);

/** One-time password reset links; only the SHA-256 of the token is stored. */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["self", "admin"] }).notNull(),
    /** The zone admin who issued it (kind "admin"). */
    issuedBy: text("issued_by"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    /** Set when a newer link for the same user replaced this one. */
    voidedAt: integer("voided_at"),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
