/**
 * Ending sessions as a statement for the caller's own write batch, so the sign-out lands in the
 * same transaction (and round trip) as the change that calls for it (disabling an account, a new
 * password, a suspended enterprise). For one user it is the DELETE lucia's
 * `invalidateUserSessions` runs (auth.invalidateUser), unrun.
 */
import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { sessions, users } from "../../db/schema";

type Whose = { sessionId: string } | { userId: string } | { enterpriseId: string } | { bankId: string };

/**
 * One session (by its stored id), every session of one user, or of every account of an enterprise
 * or a bank. `keep`: a session to spare (the fresh one a password change issues); `guard`: a further
 * condition (db/only-if-changed's CHAINED, or the state the change left behind).
 */
export function endSessionsQuery(db: TenantDb, of: Whose, o: { keep?: string; guard?: SQL | undefined } = {}) {
  const accountsOf = (column: typeof users.enterpriseId | typeof users.bankId, id: string) =>
    inArray(sessions.userId, db.select({ id: users.id }).from(users).where(eq(column, id)));
  const whose =
    "sessionId" in of
      ? eq(sessions.id, of.sessionId)
      : "userId" in of
        ? eq(sessions.userId, of.userId)
        : "enterpriseId" in of
          ? accountsOf(users.enterpriseId, of.enterpriseId)
          : accountsOf(users.bankId, of.bankId);
  return db.delete(sessions).where(and(whose, o.keep === undefined ? undefined : ne(sessions.id, o.keep), o.guard));
}
