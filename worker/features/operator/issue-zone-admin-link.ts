/**
 * The first zone admin: an operator names them, the zone gets a zone_admin account (or the
 * existing one is reused) and a one-time link to set its password — the zones' own
 * admin-issued reset link (auth/reset-tokens.ts: 256 random bits, only the SHA-256 stored,
 * 60 minutes, once; a newer link voids older ones). The operator passes it on and never
 * sees or sets a password. Recorded in the zone's audit_log and in platform_audit.
 */
import { eq } from "drizzle-orm";
import { zoneOrigin } from "../../env";
import { platformAuditInsert } from "../../control-plane/platform-audit";
import { openTenantDb } from "../../db/open";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { hashPassword } from "../auth/password";
import { resetLink } from "../auth/password-reset";
import { newResetToken } from "../auth/reset-tokens";
import { findZone } from "./find-zone";
import type { PlatformCtx } from "./platform-ctx";

export async function issueZoneAdminLink({
  ctx,
  slug,
  email: rawEmail,
  name,
}: {
  ctx: PlatformCtx;
  slug: string;
  email: string;
  name: string;
}): Promise<{ link: string; expiresAt: Date; created: boolean }> {
  const { deps, actor, now } = ctx;
  const tenant = await findZone({ deps, slug });
  if (tenant.status === "provisioning")
    throw new AppError("conflict", `${tenant.name.zh}还在开通中,开通完成后才能发放管理员链接。`);
  const email = rawEmail.trim().toLowerCase();
  const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
  const [existing] = await zoneDb
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing && existing.role !== "zone_admin")
    throw new AppError("conflict", `${email} 在这个园区已是其他角色的账号,请换一个邮箱作为园区管理员。`, {
      email: "这个邮箱已被本园区的其他账号使用",
    });
  if (existing?.status === "disabled")
    throw new AppError("conflict", `${email} 的管理员账号已被停用,请由园区管理员在“用户管理”中启用后再发放。`);

  const userId = existing?.id ?? newId();
  const nowMs = now.getTime();
  const { token, expiresAt, writes } = await newResetToken(zoneDb, userId, { kind: "admin", issuedBy: null, now });
  const audit = auditInsert(
    zoneDb,
    {
      actorId: actor.id,
      actor: `platform:${actor.label}`,
      action: existing ? "auth.reset.issued" : "user.created",
      target: email,
      result: "ok",
      ip: actor.ip,
      detail: { role: "zone_admin", by: "platform_operator" },
    },
    now,
  );
  if (existing) {
    await zoneDb.batch([...writes, audit]);
  } else {
    // The account first (the token refers to it); its password is a random secret nobody
    // knows, so the link is the only way in.
    const account = zoneDb.insert(users).values({
      id: userId,
      email,
      name: name.trim(),
      role: "zone_admin",
      passwordHash: await hashPassword(crypto.randomUUID() + crypto.randomUUID()),
      passwordChangedAt: nowMs,
      createdAt: nowMs,
      updatedAt: nowMs,
    });
    await zoneDb.batch([account, ...writes, audit]);
  }
  await platformAuditInsert(ctx.db, {
    actor,
    action: "tenant.admin_link",
    target: slug,
    result: "ok",
    detail: { email, created: !existing },
    nowMs,
  });
  return { link: resetLink(zoneOrigin(deps.config, slug), token, { first: !existing }), expiresAt, created: !existing };
}
