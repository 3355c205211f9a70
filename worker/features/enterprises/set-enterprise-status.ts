/**
 * The zone admin suspends an enterprise (its members can no longer use the
 * enterprise's services and are signed out everywhere) or reactivates it.
 */
import { eq } from "drizzle-orm";
import { enterprises, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { NOT_FOUND_MESSAGE } from "./get-enterprise-overview";
import { historyInsert } from "./history";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function setEnterpriseStatus(
  { db, now, ip, actor, auth }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor" | "auth">,
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
  // The members to sign out are read in the same batch, and signed out side by side (one round trip).
  const [, , , members] = await db.batch([
    db.update(enterprises).set({ status, updatedAt: now.getTime() }).where(eq(enterprises.id, enterpriseId)),
    historyInsert(
      db,
      { enterpriseId, actor, subject: "status", before: { status: row.status }, after: { status } },
      now,
    ),
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
    db.select({ id: users.id }).from(users).where(eq(users.enterpriseId, enterpriseId)),
  ]);
  if (status === "suspended") await Promise.all(members.map((m) => auth.invalidateUser(m.id)));
}
