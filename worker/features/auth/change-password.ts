/**
 * A signed-in user changes their password: the current one is required, the new
 * one must pass the zone's policy. Every session of the user ends (a privilege
 * change), then a fresh session is issued for this device with a new id. A lock
 * from failures against the old password ends too, as after a reset.
 */
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import { unlockInsert } from "./attempts";
import { checkNewPassword, hashPassword, verifyPassword } from "./password";
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
  await db.batch([
    db
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        passwordChangedAt: now.getTime(),
        updatedAt: now.getTime(),
      })
      .where(eq(users.id, user.id)),
    unlockInsert(db, user.email, ip, now),
    outboxInsert(db, passwordChangedMessage(zone, user), now),
    auditInsert(
      db,
      { actorId: user.id, actor: user.email, action: "auth.password_changed", target: user.email, result: "ok", ip },
      now,
    ),
  ]);
  await auth.invalidateUser(user.id);
  return auth.create(user.id, { remember: input.remember, now, ip, userAgent });
}
