/**
 * A new zone's first policy version: its template's policy set (tenants/<template>/policy/),
 * re-addressed to the new zone, published as version 1 through the same preview and publish
 * services a zone admin uses, and only when its cases all pass. "blank" has none: the zone's
 * staff publish their own. A zone that already has a version (a resumed provisioning that got
 * past this step) keeps it.
 */
import { zones as codeZones } from "../../../tenants/index";
import { loadPolicySet } from "../../../tenants/policy-sets";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { previewPolicyVersion } from "../../features/policies/preview-policy-version";
import { publishPolicyVersion } from "../../features/policies/publish-policy-version";

export async function loadTemplatePolicy(options: {
  db: TenantDb;
  zone: ZoneConfig;
  template: string;
  now: Date;
  origin: string;
}): Promise<{ version: number | null; published: boolean }> {
  const { db, zone, template } = options;
  if (template === "blank") return { version: null, published: false };
  const source = codeZones.get(template);
  if (!source) throw new Error(`没有名为 ${template} 的模板`);
  const set = { ...(await loadPolicySet(source)), zone: zone.slug };
  const preview = await previewPolicyVersion({ db, zone }, set);
  if (preview.base) return { version: preview.base.id, published: false };
  if (!preview.publishable) {
    const problems = [
      ...preview.errors,
      ...preview.cases.failures.map((f) => `用例“${f.name}”:${f.problems.join(";")}`),
    ];
    throw new Error(`模板 ${template} 的政策未通过检查,未发布:${problems.slice(0, 5).join(";")}`);
  }
  const out = await publishPolicyVersion(
    { db, zone, now: options.now, ip: null, actor: null, origin: options.origin },
    set,
    { baseVersion: null, note: `由模板 ${template} 创建` },
  );
  return { version: out.version.id, published: true };
}
