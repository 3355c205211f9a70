/**
 * 设置角色: a staff member becomes a reviewer or a zone admin. Only between those two: an
 * enterprise or bank account belongs to its organisation and is never promoted into staff (a
 * person who needs both gets a staff account of their own). An admin does not change their own
 * role, and the zone keeps an active admin (./last-admin). The new role counts from the user's
 * next request, since every request reads the role beside its session.
 */
import { and, eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import type { StaffRole } from "../invitations/staff-roles";
import { keepsAnActiveAdmin, LAST_ADMIN, otherActiveAdmins } from "./last-admin";

const NOT_STAFF = "只能在审核员和园区管理员之间调整角色;企业用户和金融机构用户的账号属于其单位,不能改为工作人员。";

/**
 * Round trips: one read batch (the user, the other active admins), one write batch: the UPDATE
 * guarded by the role it read and the last-admin rule, its audit row chained on it.
 */
export async function setStaffRole(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  id: string,
  role: StaffRole,
): Promise<{ changed: boolean; name: string }> {
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以调整工作人员的角色。");
  if (id === actor.id) throw new AppError("conflict", "不能修改自己的角色;请让另一位园区管理员操作。");
  const [[user], [others]] = await db.batch([
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, id))
      .limit(1),
    otherActiveAdmins(db, id),
  ]);
  if (!user) throw new AppError("not_found", "本园区没有这个用户。");
  if (user.role !== "reviewer" && user.role !== "zone_admin") throw new AppError("conflict", NOT_STAFF);
  if (user.role === role) return { changed: false, name: user.name };
  if (role === "reviewer" && user.status === "active" && (others?.n ?? 0) === 0)
    throw new AppError("conflict", LAST_ADMIN);

  const [changed] = await db.batch([
    db
      .update(users)
      .set({ role, updatedAt: now.getTime() })
      .where(and(eq(users.id, id), eq(users.role, user.role), keepsAnActiveAdmin(db, id)))
      .returning({ id: users.id }),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: "user.role_changed",
          target: user.email,
          result: "ok",
          ip,
          detail: { from: user.role, to: role },
        },
        now,
      ),
    ),
  ]);
  // Nothing changed: another admin got there first — took the last other admin away, or changed this role.
  if (changed.length === 0)
    throw new AppError(
      "conflict",
      role === "reviewer" ? LAST_ADMIN : "这个账号刚被其他管理员调整过,请刷新页面后再试。",
    );
  return { changed: true, name: user.name };
}
