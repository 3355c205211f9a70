/**
 * Suspending a bank stops it at once: every session of its staff ends and its
 * open invitations are revoked (a suspended bank gains no new staff). Staff
 * accounts stay as they are, so reactivating needs no re-invitation.
 *
 * Round trips: the bank is read, then one batch changes it only from the status
 * read (a concurrent change makes it match nothing: 409), with the audit row
 * chained on it and, for a suspension, the invitations and staff sessions ended
 * only while the bank is suspended.
 */
import { endSessionsQuery } from "../auth/end-sessions";
import { and, eq, exists } from "drizzle-orm";
import { banks, invitations } from "../../db/schema";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { isOpen } from "../invitations/invitation-tokens";
import { findBank } from "./get-bank";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

const ALREADY = {
  suspended: "这个机构已经是暂停状态。",
  active: "这个机构已经是正常状态。",
} as const;

export async function setBankStatus(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  id: string,
  status: "active" | "suspended",
) {
  const bank = await findBank(db, id);
  if (bank.status === status) throw new AppError("conflict", ALREADY[status]);
  const action = status === "suspended" ? "bank.suspended" : "bank.reactivated";
  const stillSuspended = exists(
    db
      .select({ id: banks.id })
      .from(banks)
      .where(and(eq(banks.id, id), eq(banks.status, "suspended"))),
  );
  const [changed] = await db.batch([
    db
      .update(banks)
      .set({ status })
      .where(and(eq(banks.id, id), eq(banks.status, bank.status)))
      .returning(),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        { actorId: actor.id, actor: actor.email, action, target: id, result: "ok", ip, detail: { name: bank.name } },
        now,
      ),
    ),
    ...(status === "suspended"
      ? [
          db
            .update(invitations)
            .set({ revokedAt: now.getTime() })
            .where(and(eq(invitations.bankId, id), isOpen(now), CHAINED)),
          // Several rows each, so conditioned on the bank's state rather than chained.
          endSessionsQuery(db, { bankId: id }, { guard: stillSuspended }),
        ]
      : []),
  ]);
  const row = changed[0];
  if (!row) throw new AppError("conflict", ALREADY[status]);
  return row;
}
