/**
 * The zone admin suspends an enterprise (its members can no longer use the
 * enterprise's services and are signed out everywhere) or reactivates it.
 */
import { and, eq } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { enterprises } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { endSessionsQuery } from "../auth/end-sessions";
import { NOT_FOUND_MESSAGE } from "./get-enterprise-overview";
import { historyInsert } from "./history";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function setEnterpriseStatus(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  enterpriseId: string,
  status: "active" | "suspended",
) {
  const [row] = await db
    .select({ status: enterprises.status, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId))
    .limit(1);
  if (!row) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  if (row.status === status)
    throw new AppError("conflict", status === "suspended" ? "这家企业已经是暂停状态。" : "这家企业已经是正常状态。");
  // Guarded on the status read (a concurrent change that got there first writes nothing here: 409), with
  // the history, audit row and, on suspension, every member's sign-out chained on it in the same batch.
  const [changed] = await db.batch([
    db
      .update(enterprises)
      .set({ status, updatedAt: now.getTime() })
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.status, row.status)))
      .returning({ id: enterprises.id }),
    onlyIfChanged(
      db,
      historyInsert(
        db,
        { enterpriseId, actor, subject: "status", before: { status: row.status }, after: { status } },
        now,
      ),
    ),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: status === "suspended" ? "enterprise.suspended" : "enterprise.reactivated",
          target: enterpriseId,
          result: "ok",
          ip,
          detail: { name: row.name },
        },
        now,
      ),
    ),
    // Last: it ends any number of sessions.
    ...(status === "suspended" ? [endSessionsQuery(db, { enterpriseId }, { guard: CHAINED })] : []),
  ]);
  if (changed.length === 0) throw new AppError("conflict", "这家企业的状态刚被他人修改,请刷新后再操作。");
}
