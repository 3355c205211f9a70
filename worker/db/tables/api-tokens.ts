/**
 * API tokens (issue 20): a zone admin's for the zone's own tools, a bank's staff's for the bank's
 * systems. Only the SHA-256 of a token is kept (whoever reads this table holds no token that
 * works); `prefix` is its first characters, for people to tell tokens apart. Each zone's tokens
 * live in that zone's database, so a token is bound to its zone by where it is stored. Times in ms.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { TokenScope } from "../../lib/api-scopes";
import { users } from "./accounts";
import { banks } from "./organisations";

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the whole token, lower-case hex: the one lookup a bearer request makes. */
    tokenHash: text("token_hash").notNull().unique(),
    /** `yq_<zone>_` and the secret's first 4 characters, shown in lists; never enough to use it. */
    prefix: text("prefix").notNull(),
    name: text("name").notNull(),
    /** A JSON array of TokenScope, e.g. ["finance:read"]. */
    scopes: text("scopes", { mode: "json" }).$type<TokenScope[]>().notNull(),
    /** The person who made it: the token acts as them (their role, their guards). */
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The organisation it belongs to: a bank, or null for the zone itself (its admins' tokens). */
    bankId: text("bank_id").references(() => banks.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Updated beside the requests that use it, at most once a minute. */
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    revokedBy: text("revoked_by").references(() => users.id),
  },
  (t) => [
    // An organisation's tokens, newest first (the zone's own: bank_id IS NULL).
    index("api_tokens_bank_created_idx").on(t.bankId, t.createdAt),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
