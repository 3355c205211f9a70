/**
 * The zone admin's user management: list (search, role filter, organisation), disable/enable,
 * end sessions, unlock. Every change is audited. Roles and staff invitations: ../staff, ../invitations.
 */
import { pageLimitParam } from "../../lib/cursor";
import { and, asc, count, desc, eq, exists, gt, max, or, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { z } from "@hono/zod-openapi";
import { onlyIfChanged } from "../../db/only-if-changed";
import { authAttempts, banks, enterprises, ROLES, sessions, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { auditInsert } from "../audit/audit";
import { openStaffInvitationsQuery, staffInvitationsFrom } from "../invitations/list-open-invitations";
import { keepsAnActiveAdmin, LAST_ADMIN, otherActiveAdmins } from "../staff/last-admin";
import { lockedAccounts, lockedUntilFrom, lockFailures, lockReads, unlockInsert } from "./attempts";
import { endSessionsQuery } from "./end-sessions";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** What every change here needs: who acts, from where, when. */
type AdminCtx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

/** Rows per page of 用户管理 (a zone may have thousands of enterprise accounts). */
export const USERS_PAGE_SIZE = 50;

/** A page's key: (created_at, id), newest first; base64url of ASCII JSON, opaque to clients. */
type UserKey = [createdAt: number, id: string];
const STALE = "翻页链接已失效,请回到第一页。";

const encodeUserCursor = (key: UserKey) =>
  btoa(JSON.stringify(key)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function decodeUserCursor(cursor: string, param: "after" | "before"): UserKey {
  let key: unknown = null;
  try {
    key = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    // Refused below.
  }
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    Number.isSafeInteger(key[0]) &&
    typeof key[1] === "string" &&
    /^[a-z0-9]{1,40}$/.test(key[1])
  )
    return key as UserKey;
  throw new AppError("validation_failed", STALE, { [param]: STALE });
}

const UserCursor = z
  .string()
  .max(700, "翻页参数太长")
  .regex(/^[A-Za-z0-9_-]+$/, "翻页参数格式不对");

/** 用户管理's paging and filter, as the page's query string and the API's. */
export const UsersQuery = z.object({
  q: textField({ label: "搜索词", max: 60 })
    .optional()
    .transform((s) => s || undefined)
    .openapi({ description: "Part of the email or the name (% and _ mean themselves)" }),
  role: z.enum(ROLES, "角色只能是 zone_admin、reviewer、enterprise 或 bank").optional(),
  after: UserCursor.optional().openapi({ description: "nextCursor of a page: the page after it" }),
  before: UserCursor.optional().openapi({ description: "prevCursor of a page: the page before it" }),
  limit: pageLimitParam(100, 50),
});

export type ZoneUsersQuery = Partial<z.output<typeof UsersQuery>>;

/**
 * The search: part of the email or the name. No index serves a substring, so it is bounded by
 * the zone's own users (thousands at most); the page walks users_created_idx and stops at its
 * 51st match, only the total counts them all. ESCAPE makes a typed % or _ mean itself.
 */
function searchFilter(q: string | undefined) {
  if (!q) return [];
  const pattern = `%${q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
  return [or(sql`${users.email} LIKE ${pattern} ESCAPE '\\'`, sql`${users.name} LIKE ${pattern} ESCAPE '\\'`)];
}

/** "某某科技有限公司", or a bank with its branch, as 用户管理 names a user's organisation. */
const organisationName = (r: { enterpriseName: string | null; bankName: string | null; bankBranch: string | null }) =>
  r.enterpriseName ?? (r.bankName ? (r.bankBranch ? `${r.bankName} ${r.bankBranch}` : r.bankName) : null);

/**
 * One page of the zone's users, newest account first (a new account is where an admin
 * looks), each with its organisation (joins), live sessions and last sign-in (correlated
 * subqueries on indexes, only for the rows shown), the total, and for the page the open staff
 * invitations: one batch. The lock check (lockedAccounts' own batch) runs beside it, in the
 * same round trip.
 */
export async function listZoneUsersPage(
  { db, now, zone }: Pick<RequestCtx, "db" | "now" | "zone">,
  query: ZoneUsersQuery = {},
  opts: { withStaffInvitations?: boolean } = {},
) {
  const size = query.limit ?? USERS_PAGE_SIZE;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const before = query.before ? decodeUserCursor(query.before, "before") : null;
  const after = !before && query.after ? decodeUserCursor(query.after, "after") : null;
  const forward = !before;
  const filter = [...(query.role ? [eq(users.role, query.role)] : []), ...searchFilter(query.q)];
  const keyed = before
    ? [sql`(${users.createdAt}, ${users.id}) > (${before[0]}, ${before[1]})`]
    : after
      ? [sql`(${users.createdAt}, ${users.id}) < (${after[0]}, ${after[1]})`]
      : [];
  const [[read, [total], invitations], lockedBy] = await Promise.all([
    db.batch([
      db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          role: users.role,
          status: users.status,
          enterpriseId: users.enterpriseId,
          bankId: users.bankId,
          enterpriseName: enterprises.name,
          bankName: banks.name,
          bankBranch: banks.branch,
          createdAt: users.createdAt,
          // Correlated subqueries built with the query builder, which names each column's table.
          activeSessions: sql<number>`(${db
            .select({ n: count() })
            .from(sessions)
            .where(and(eq(sessions.userId, users.id), gt(sessions.expiresAt, nowSeconds)))})`,
          lastLoginMs: sql<number | null>`(${db
            .select({ at: max(authAttempts.at) })
            .from(authAttempts)
            .where(
              and(eq(authAttempts.kind, "login"), eq(authAttempts.email, users.email), eq(authAttempts.ok, true)),
            )})`,
        })
        .from(users)
        .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
        .leftJoin(banks, eq(banks.id, users.bankId))
        .where(and(...filter, ...keyed))
        .orderBy(...(forward ? [desc(users.createdAt), desc(users.id)] : [asc(users.createdAt), asc(users.id)]))
        .limit(size + 1),
      db
        .select({ n: count() })
        .from(users)
        .where(and(...filter)),
      // Asked for or not, one statement of the same batch (LIMIT 0 when not: it costs nothing).
      openStaffInvitationsQuery(db, now, opts.withStaffInvitations ? undefined : 0),
    ]),
    lockedAccounts(db, zone.security, now),
  ]);
  const more = read.length > size;
  const rows = forward ? read.slice(0, size) : read.slice(0, size).reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = forward ? more : true;
  const hasPrev = forward ? after !== null : more;
  return {
    users: rows.map(({ lastLoginMs, createdAt: _c, enterpriseName, bankName, bankBranch, ...u }) => {
      const lockedUntil = lockedBy.get(u.email);
      return {
        ...u,
        organisation: organisationName({ enterpriseName, bankName, bankBranch }),
        lastLoginAt: lastLoginMs ? new Date(lastLoginMs).toISOString() : null,
        lockedUntil: lockedUntil?.toISOString() ?? null,
      };
    }),
    total: total?.n ?? 0,
    nextCursor: hasNext && last ? encodeUserCursor([last.createdAt, last.id]) : null,
    prevCursor: hasPrev && first ? encodeUserCursor([first.createdAt, first.id]) : null,
    staffInvitations: staffInvitationsFrom(invitations),
  };
}

export type ZoneUsersPage = Awaited<ReturnType<typeof listZoneUsersPage>>;

/** One user as 用户管理 lists it (for a page about that user), or null. */
export async function findZoneUser({ db }: Pick<RequestCtx, "db">, id: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
}

const NOT_FOUND = "本园区没有这个用户。";

async function targetUser(db: TenantDb, id: string) {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new AppError("not_found", NOT_FOUND);
  return user;
}

/**
 * 停用 / 启用. Round trips: one read batch (the user, the other active admins), one write batch:
 * the UPDATE guarded by the last-admin rule (../staff/last-admin), its audit row chained on it,
 * and on disabling the user's sign-outs, guarded by the account now being disabled.
 */
export async function setUserStatus({ db, now, ip, actor }: AdminCtx, id: string, status: "active" | "disabled") {
  if (id === actor.id && status === "disabled")
    throw new AppError("conflict", "不能停用自己的账号;请让另一位园区管理员操作。");
  const [[user], [others]] = await db.batch([
    db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, id)).limit(1),
    otherActiveAdmins(db, id),
  ]);
  if (!user) throw new AppError("not_found", NOT_FOUND);
  const disabling = status === "disabled";
  if (disabling && user.role === "zone_admin" && (others?.n ?? 0) === 0) throw new AppError("conflict", LAST_ADMIN);
  const [changed] = await db.batch([
    db
      .update(users)
      .set({ status, updatedAt: now.getTime() })
      .where(and(eq(users.id, id), disabling ? keepsAnActiveAdmin(db, id) : undefined))
      .returning({ id: users.id }),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: disabling ? "user.disabled" : "user.enabled",
          target: user.email,
          result: "ok",
          ip,
        },
        now,
      ),
    ),
    ...(disabling
      ? [
          endSessionsQuery(
            db,
            { userId: id },
            {
              guard: exists(
                db
                  .select({ id: users.id })
                  .from(users)
                  .where(and(eq(users.id, id), eq(users.status, "disabled"))),
              ),
            },
          ),
        ]
      : []),
  ]);
  // Another admin disabled or demoted the last other admin in the meantime.
  if (changed.length === 0) throw new AppError("conflict", LAST_ADMIN);
}

export async function endUserSessions({ db, now, ip, actor }: AdminCtx, id: string) {
  const user = await targetUser(db, id);
  await db.batch([
    endSessionsQuery(db, { userId: id }),
    auditInsert(
      db,
      { actorId: actor.id, actor: actor.email, action: "user.sessions_ended", target: user.email, result: "ok", ip },
      now,
    ),
  ]);
}

/**
 * 解除锁定: failures before now no longer count, so the owner can sign in at
 * once. Harmless on an account that is not locked (it also clears failures that
 * have not locked it yet); the audit records whether a lock was in force.
 */
export async function unlockUser({ db, now, ip, actor, zone }: AdminCtx & Pick<RequestCtx, "zone">, id: string) {
  // The user and its lock state in one read: the lock's reads name the account by a subquery on its id.
  const email = db.select({ email: users.email }).from(users).where(eq(users.id, id));
  const [found, ...lock] = await db.batch([
    db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, id)).limit(1),
    ...lockReads(db, sql`(${email})`, zone.security, now),
  ]);
  const user = found[0];
  if (!user) throw new AppError("not_found", NOT_FOUND);
  const lockedUntil = lockedUntilFrom(lockFailures(lock), lock[0][0]?.at ?? null, zone.security, now);
  await db.batch([
    unlockInsert(db, user.email, ip, now),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "auth.unlock",
        target: user.email,
        result: "ok",
        ip,
        detail: { lockedUntil: lockedUntil?.toISOString() ?? null },
      },
      now,
    ),
  ]);
}
