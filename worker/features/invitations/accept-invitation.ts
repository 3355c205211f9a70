/**
 * Accepting an invitation creates the invitee's account (role and organisation
 * from the invitation — none for zone staff — and the email it was sent to),
 * spends the invitation and signs them in with a fresh session. The password is judged before anything
 * is spent, so a refused one can be retried with the same link.
 */
import { endSessionsQuery } from "../auth/end-sessions";
import { and, eq, exists } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { banks, enterprises, invitations, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { checkNewPassword, hashPassword } from "../auth/password";
import type { RequestCtx } from "../../middleware/request-ctx";
import { consumeInvitation, hashInvitationToken, isOpen } from "./invitation-tokens";
import { onlyIfChanged } from "../../db/only-if-changed";
import { isUniqueViolation } from "../../db/unique-violation";
import { isStaffRole } from "./staff-roles";

export const INVALID_INVITATION = "这个邀请链接无效、已使用、已过期或已被撤销。请联系邀请您的人重新发送邀请。";
export const ACCOUNT_EXISTS = "这个邮箱在本园区已有账号,请直接登录;忘记密码可以自助重置。";

/**
 * The invitation a token opens, with its organisation and whether its email already has an
 * account, in one read (joins, one round trip); null when it cannot be used.
 */
async function readInvitation(db: TenantDb, token: string, now: Date) {
  const [row] = await db
    .select({
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      enterprise: { id: enterprises.id, name: enterprises.name, status: enterprises.status },
      bank: { id: banks.id, name: banks.name, branch: banks.branch, status: banks.status },
      accountId: users.id,
    })
    .from(invitations)
    .leftJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .leftJoin(banks, eq(banks.id, invitations.bankId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(and(eq(invitations.tokenHash, await hashInvitationToken(token)), isOpen(now)))
    .limit(1);
  if (!row) return null;
  // As findOrganisation: an enterprise's invitation names the enterprise, else the bank with its branch.
  const { enterprise: e, bank: b } = row;
  const organisation = e
    ? { kind: "enterprise" as const, ...e }
    : b
      ? { kind: "bank" as const, id: b.id, name: b.branch ? `${b.name} ${b.branch}` : b.name, status: b.status }
      : null;
  // Zone staff join no organisation; everyone else joins an active one.
  const usable = isStaffRole(row.role) ? organisation === null : organisation?.status === "active";
  if (!usable) return null;
  return { email: row.email, name: row.name, role: row.role, organisation, hasAccount: row.accountId !== null };
}

/**
 * The invitation a token opens, with its organisation (null: zone staff) and the name the inviter
 * gave, for the accept page; null when it cannot be used.
 */
export async function describeInvitation({ db, now }: Pick<RequestCtx, "db" | "now">, token: string) {
  const found = await readInvitation(db, token, now);
  return found && { email: found.email, name: found.name, role: found.role, organisation: found.organisation };
}

/**
 * Round trips: one read (the invitation, its organisation, an account of its email), the
 * hash, and one write batch: the invitation spent by a conditional UPDATE (still open),
 * the account, its audit row and the new session chained on it (../../db/only-if-changed),
 * so a concurrent acceptance or revocation leaves this batch writing nothing.
 */
export async function acceptInvitation(
  { db, zone, now, ip, userAgent, auth }: Pick<RequestCtx, "db" | "zone" | "now" | "ip" | "userAgent" | "auth">,
  input: { token: string; name: string; password: string },
  /** The session this browser came with, if any: ended in the same batch, as the new account takes over. */
  previousSession?: string,
) {
  const invalid = new AppError("bad_request", INVALID_INVITATION);
  const found = await readInvitation(db, input.token, now);
  if (!found) throw invalid;
  const { email, role, organisation } = found;
  if (found.hasAccount) throw new AppError("conflict", ACCOUNT_EXISTS);
  const problems = checkNewPassword(input.password, { email, complexity: zone.security.dengbao });
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { password: problems.join(" ") });
  const passwordHash = await hashPassword(input.password);

  const id = newId();
  const session = await auth.prepare(id, { remember: false, now, ip, userAgent });
  let spent: unknown[];
  try {
    [spent] = await db.batch([
      consumeInvitation(db, await hashInvitationToken(input.token), id, now),
      ...[
        db.insert(users).values({
          id,
          email,
          name: input.name,
          role,
          enterpriseId: role === "enterprise" ? (organisation?.id ?? null) : null,
          bankId: role === "bank" ? (organisation?.id ?? null) : null,
          passwordHash,
          passwordChangedAt: now.getTime(),
          createdAt: now.getTime(),
          updatedAt: now.getTime(),
        }),
        auditInsert(
          db,
          {
            actorId: id,
            actor: email,
            action: "invitation.accepted",
            target: email,
            result: "ok",
            ip,
            detail: { role, organisation: organisation?.id ?? null },
          },
          now,
        ),
        session.insert,
      ].map((w) => onlyIfChanged(db, w)),
      ...(previousSession
        ? [
            endSessionsQuery(
              db,
              { sessionId: previousSession },
              { guard: exists(db.select({ id: users.id }).from(users).where(eq(users.id, id))) },
            ),
          ]
        : []),
    ]);
  } catch (e) {
    // The email got an account between our check and the insert (another invitation or an
    // application): the batch is one transaction, so the invitation stays unspent.
    if (isUniqueViolation(e, "email")) throw new AppError("conflict", ACCOUNT_EXISTS);
    throw e;
  }
  if (spent.length === 0) throw invalid; // used or revoked by a concurrent request in the meantime
  return { user: { id, email, name: input.name, role }, organisation, cookie: session.cookie };
}
