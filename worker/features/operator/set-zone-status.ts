/**
 * 暂停 / 恢复 a zone. Suspending takes effect in every isolate within the directory's
 * 5 s (at once in this one): every page and API of the zone answers 503 and nobody can
 * sign in; its data and sessions stay as they are, so resuming restores it unchanged.
 * A zone still being provisioned is neither: finishing it (POST /tenants again) is the way on.
 */
import type { TenantRecord } from "../../control-plane/directory";
import { platformAuditInsert } from "../../control-plane/platform-audit";
import { updateTenantStatus } from "../../control-plane/records";
import { AppError } from "../../lib/errors";
import { findZone, reloadZone } from "./find-zone";
import type { PlatformCtx } from "./platform-ctx";

export async function setZoneStatus({
  ctx,
  slug,
  status,
}: {
  ctx: PlatformCtx;
  slug: string;
  status: "active" | "suspended";
}): Promise<TenantRecord> {
  const { db, deps, actor, now } = ctx;
  const tenant = await findZone({ deps, slug });
  if (tenant.status === "provisioning")
    throw new AppError(
      "conflict",
      `${tenant.name.zh}还在开通中,不能暂停或恢复。请用同一园区标识再次提交创建,完成开通。`,
    );
  // Already so: nothing to change, nothing to record (a repeated click or retry).
  if (tenant.status === status) return tenant;
  const changed = await updateTenantStatus(db, slug, { status, nowMs: now.getTime() });
  if (!changed) throw new AppError("not_found", `平台上没有园区标识为“${slug}”的园区。请回到园区列表核对。`);
  await platformAuditInsert(db, {
    actor,
    action: status === "suspended" ? "tenant.suspend" : "tenant.resume",
    target: slug,
    result: "ok",
    detail: { from: tenant.status },
    nowMs: now.getTime(),
  });
  return reloadZone({ deps, slug });
}
