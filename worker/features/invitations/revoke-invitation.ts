/**
 * Withdraws an open invitation so its link stops working. The invitation is
 * named by its token hash (the table's key; the token itself is never stored).
 * Callers acting for one organisation pass `scope`: an invitation of another
 * enterprise or bank is then "not found", so its existence does not leak.
 * 用户管理 passes `{ staff: true }`: only the zone staff's invitations (no organisation).
 */
import { and, eq, isNull } from "drizzle-orm";
import { invitations } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";

const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

const NOT_FOUND = "没有找到这个邀请。";

export async function revokeInvitation(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  tokenHash: string,
  scope?: { enterpriseId?: string; bankId?: string; staff?: true },
): Promise<{ email: string }> {
  if (!TOKEN_HASH_PATTERN.test(tokenHash)) throw new AppError("not_found", NOT_FOUND);
  const [inv] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  if (!inv) throw new AppError("not_found", NOT_FOUND);
  const outOfScope =
    (scope?.enterpriseId !== undefined && inv.enterpriseId !== scope.enterpriseId) ||
    (scope?.bankId !== undefined && inv.bankId !== scope.bankId) ||
    (scope?.staff === true && (inv.enterpriseId !== null || inv.bankId !== null));
  if (outOfScope) throw new AppError("not_found", NOT_FOUND);
  if (inv.acceptedAt !== null)
    throw new AppError("conflict", "这个邀请已被接受,不能撤销;如需移除该用户,请停用其账号。");
  // Already revoked or expired: nothing is left to stop, and saying so is not an error.
  if (inv.revokedAt !== null || inv.expiresAt <= now.getTime()) return { email: inv.email };
  await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: now.getTime() })
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "invitation.revoked",
        target: inv.email,
        result: "ok",
        ip,
        detail: { role: inv.role, organisation: inv.enterpriseId ?? inv.bankId },
      },
      now,
    ),
  ]);
  return { email: inv.email };
}
