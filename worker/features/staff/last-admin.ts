/**
 * The zone must keep at least one active zone_admin: only an admin can invite staff, reset
 * passwords or publish policies, so a zone without one is locked out of itself until the
 * operator steps in. Two admins demoting or disabling each other at the same moment both see
 * the other still active in their reads, so the rule is also the WHERE of the write: libSQL
 * runs each batch as one transaction, one after the other, and the second finds no other
 * admin left and changes nothing.
 */
import { and, count, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { TenantDb } from "../../db/open";
import { users } from "../../db/schema";

export const LAST_ADMIN = "园区至少要保留一位在用的园区管理员:请先邀请或任命另一位园区管理员,再调整这个账号。";

/** Active zone admins other than `userId`, as a query (for the caller's read batch or a guard). */
export function otherActiveAdmins(db: TenantDb, userId: string) {
  const other = alias(users, "other_admin");
  return db
    .select({ n: count() })
    .from(other)
    .where(and(eq(other.role, "zone_admin"), eq(other.status, "active"), ne(other.id, userId)));
}

/**
 * For the WHERE of an UPDATE that takes `userId` out of the active admins: true while the row is
 * not an active admin, or another active admin remains.
 */
export function keepsAnActiveAdmin(db: TenantDb, userId: string): SQL {
  return or(
    ne(users.role, "zone_admin"),
    ne(users.status, "active"),
    sql`(${otherActiveAdmins(db, userId)}) > 0`,
  ) as SQL;
}
