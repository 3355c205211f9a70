/** Takes a custom hostname off a zone: within the directory's 5 s that host answers 404 everywhere. */
import type { TenantRecord } from "../../control-plane/directory";
import { parseCustomHostname } from "../../control-plane/hostnames";
import { platformAuditInsert } from "../../control-plane/platform-audit";
import { removeTenantHostname } from "../../control-plane/records";
import { AppError } from "../../lib/errors";
import { findZone, reloadZone } from "./find-zone";
import type { PlatformCtx } from "./platform-ctx";

export async function removeZoneHostname({
  ctx,
  slug,
  hostname: raw,
}: {
  ctx: PlatformCtx;
  slug: string;
  hostname: string;
}): Promise<TenantRecord> {
  const { db, deps, actor, now } = ctx;
  await findZone({ deps, slug });
  // The stored spelling (punycode, lower case), so 园区.中国 removes xn--...; a name that cannot be stored is not there.
  const parsed = parseCustomHostname(raw, deps.config.ROOT_DOMAINS);
  const hostname = parsed.ok ? parsed.hostname : raw.trim().toLowerCase();
  const removed = parsed.ok && (await removeTenantHostname(db, slug, hostname, now.getTime()));
  if (!removed) throw new AppError("not_found", `这个园区没有登记域名 ${hostname}。`);
  await platformAuditInsert(db, {
    actor,
    action: "tenant.hostname.remove",
    target: slug,
    result: "ok",
    detail: { hostname },
    nowMs: now.getTime(),
  });
  return reloadZone({ deps, slug });
}
