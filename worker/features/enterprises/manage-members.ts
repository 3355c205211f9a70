/**
 * An enterprise's members: invite a colleague (a one-time link from the
 * invitations feature, mailed and shown once) and remove one. Removing disables
 * the account and ends its sessions; the user keeps its enterprise_id so the
 * history still says whose account it was. The last active member cannot be
 * removed: the enterprise would have nobody left to keep its profile.
 */
import { and, count, eq, ne, sql } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { endSessionsQuery } from "../auth/end-sessions";
import { createInvitation } from "../invitations/create-invitation";
import { historyInsert } from "./history";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export function inviteColleague(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  enterpriseId: string,
  email: string,
) {
  return createInvitation(ctx, { email, role: "enterprise", enterpriseId });
}

export const MEMBER_NOT_FOUND = "你的企业没有这位成员。";

export async function removeMember(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  enterpriseId: string,
  userId: string,
): Promise<{ self: boolean }> {
  const members = await db
    .select({ id: users.id, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.role, "enterprise")));
  // A user of another enterprise is "not found" here, so its existence does not leak.
  const target = members.find((m) => m.id === userId);
  if (!target) throw new AppError("not_found", MEMBER_NOT_FOUND);
  if (target.status !== "active") throw new AppError("conflict", "这位成员已经被移除。");
  if (members.filter((m) => m.status === "active").length <= 1) {
    throw new AppError("conflict", "不能移除企业的最后一位成员;请先邀请同事加入,再由其操作。");
  }
  // Guarded as checked: still active, and another active member left at the moment of the write. The
  // history, audit row and sign-out are chained on it (db/only-if-changed), so a concurrent removal that got
  // there first leaves this batch with nothing to write.
  const others = db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.enterpriseId, enterpriseId),
        eq(users.role, "enterprise"),
        eq(users.status, "active"),
        ne(users.id, userId),
      ),
    );
  const [removed] = await db.batch([
    db
      .update(users)
      .set({ status: "disabled", updatedAt: now.getTime() })
      .where(and(eq(users.id, userId), eq(users.status, "active"), sql`(${others}) >= 1`))
      .returning({ id: users.id }),
    onlyIfChanged(
      db,
      historyInsert(
        db,
        {
          enterpriseId,
          actor,
          subject: "members",
          before: { member: target.email, status: "active" },
          after: { member: target.email, status: "removed" },
        },
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
          action: "enterprise.member_removed",
          target: target.email,
          result: "ok",
          ip,
          detail: { enterprise: enterpriseId },
        },
        now,
      ),
    ),
    // Last: it may end several sessions (or none).
    endSessionsQuery(db, { userId }, { guard: CHAINED }),
  ]);
  if (removed.length === 0) throw new AppError("conflict", "成员刚被他人移除或变动,没有移除。请刷新后再操作。");
  return { self: userId === actor.id };
}
