/**
 * A signed-in user changes their password: the current one is required, the new
 * one must pass the zone's policy. Every other session of the user ends (a privilege
 * change) and a fresh session with a new id is issued for this device, in the same
 * batch as the new password. A lock from failures against the old password ends too,
 * as after a reset. Three round trips: the session, the account, the write.
 */
import { and, eq } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import { unlockInsert } from "./attempts";
import { checkNewPassword, hashPassword, verifyPassword } from "./password";
import { endSessionsQuery } from "./end-sessions";
import { passwordChangedMessage } from "./password-reset";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function changePassword(
  {
    db,
    zone,
    auth,
    now,
    ip,
    userAgent,
    actor,
  }: Pick<RequestCtx<Actor>, "db" | "zone" | "auth" | "now" | "ip" | "userAgent" | "actor">,
  /** `remember`: the fresh session keeps the kind of the one it replaces (persistent or not). */
  input: { currentPassword: string; newPassword: string; remember: boolean },
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError("unauthenticated", "请先登录。");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)).ok) {
    await db.batch([
      auditInsert(
        db,
        {
          actorId: user.id,
          actor: user.email,
          action: "auth.password_changed",
          target: user.email,
          result: "failed",
          ip,
          detail: { reason: "wrong_current_password" },
        },
        now,
      ),
    ]);
    throw new AppError("validation_failed", "当前密码不正确。", { currentPassword: "当前密码不正确。" });
  }
  const problems = checkNewPassword(input.newPassword, { email: user.email, complexity: zone.security.dengbao });
  if (input.newPassword === input.currentPassword) problems.push("新密码不能与当前密码相同。");
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { newPassword: problems.join(" ") });
  const passwordHash = await hashPassword(input.newPassword);
  const fresh = await auth.prepare(user.id, { remember: input.remember, now, ip, userAgent });
  // One batch: the new password guarded on the hash just verified (a concurrent change that got there first
  // writes nothing here: 409), then chained on it (db/only-if-changed) this device's fresh session, the end
  // of any lock, the notice, the audit row and, last, the end of every other session.
  const [changed] = await db.batch([
    db
      .update(users)
      .set({ passwordHash, passwordChangedAt: now.getTime(), updatedAt: now.getTime() })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
      .returning({ id: users.id }),
    onlyIfChanged(db, fresh.insert),
    onlyIfChanged(db, unlockInsert(db, user.email, ip, now)),
    onlyIfChanged(db, outboxInsert(db, passwordChangedMessage(zone, user), now)),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        { actorId: user.id, actor: user.email, action: "auth.password_changed", target: user.email, result: "ok", ip },
        now,
      ),
    ),
    endSessionsQuery(db, { userId: user.id }, { keep: fresh.session.id, guard: CHAINED }),
  ]);
  if (changed.length === 0) throw new AppError("conflict", "密码刚被修改过,这次没有保存。请重新登录后再修改。");
  return { session: fresh.session, cookie: fresh.cookie };
}
