/**
 * Suspending a bank stops it at once: every session of its staff ends and its
 * open invitations are revoked (a suspended bank gains no new staff). Staff
 * accounts stay as they are, so reactivating needs no re-invitation.
 */
import { and, eq } from "drizzle-orm";
import { banks, invitations, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { isOpen } from "../invitations/invitation-tokens";
import { findBank } from "./get-bank";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function setBankStatus(
  { db, now, ip, actor, auth }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor" | "auth">,
  id: string,
  status: "active" | "suspended",
) {
  const bank = await findBank(db, id);
  if (bank.status === status)
    throw new AppError("conflict", status === "suspended" ? "这个机构已经是暂停状态。" : "这个机构已经是正常状态。");
  const action = status === "suspended" ? "bank.suspended" : "bank.reactivated";
  await db.batch([
    db.update(banks).set({ status }).where(eq(banks.id, id)),
    ...(status === "suspended"
      ? [
          db
            .update(invitations)
            .set({ revokedAt: now.getTime() })
            .where(and(eq(invitations.bankId, id), isOpen(now))),
        ]
      : []),
    auditInsert(
      db,
      { actorId: actor.id, actor: actor.email, action, target: id, result: "ok", ip, detail: { name: bank.name } },
      now,
    ),
  ]);
  if (status === "suspended") {
    const staff = await db.select({ id: users.id }).from(users).where(eq(users.bankId, id));
    for (const s of staff) await auth.invalidateUser(s.id);
  }
  return { ...bank, status };
}
