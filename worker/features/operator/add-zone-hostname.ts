/**
 * A zone's own domain (a Cloudflare for SaaS custom hostname on the edge; see README). The
 * name is stored as parseCustomHostname makes it (lower-case punycode); the platform's own
 * names, IPs and reserved names are refused (400), another zone's name too (409).
 */
import { eq } from "drizzle-orm";
import type { TenantRecord } from "../../control-plane/directory";
import { HOSTNAME_PROBLEM_TEXT, parseCustomHostname } from "../../control-plane/hostnames";
import { platformAuditInsert } from "../../control-plane/platform-audit";
import { addTenantHostname } from "../../control-plane/records";
import { tenantHostnames } from "../../db/platform-schema";
import { AppError } from "../../lib/errors";
import { findZone, reloadZone } from "./find-zone";
import type { PlatformCtx } from "./platform-ctx";

export async function addZoneHostname({
  ctx,
  slug,
  hostname: raw,
}: {
  ctx: PlatformCtx;
  slug: string;
  hostname: string;
}): Promise<{ tenant: TenantRecord; added: boolean }> {
  const { db, deps, actor, now } = ctx;
  const parsed = parseCustomHostname(raw, deps.config.ROOT_DOMAINS);
  if (!parsed.ok) {
    const message = HOSTNAME_PROBLEM_TEXT[parsed.problem];
    throw new AppError("bad_request", message, { hostname: message });
  }
  const { hostname } = parsed;
  const tenant = await findZone({ deps, slug });
  if (tenant.hostnames.includes(hostname)) return { tenant, added: false };
  const added = await addTenantHostname(db, slug, hostname, now.getTime());
  if (!added) {
    const [owner] = await db
      .select({ slug: tenantHostnames.tenantSlug })
      .from(tenantHostnames)
      .where(eq(tenantHostnames.hostname, hostname));
    if (owner?.slug === slug) return { tenant: await reloadZone({ deps, slug }), added: false };
    const message = `域名 ${hostname} 已登记在另一个园区名下,一个域名只能指向一个园区。`;
    throw new AppError("conflict", message, { hostname: message });
  }
  await platformAuditInsert(db, {
    actor,
    action: "tenant.hostname.add",
    target: slug,
    result: "ok",
    detail: { hostname },
    nowMs: now.getTime(),
  });
  return { tenant: await reloadZone({ deps, slug }), added: true };
}
