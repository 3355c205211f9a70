/**
 * Each demo zone's policy set as written in tenants/<slug>/policy/: published by `npm start`,
 * `db:sync` and the tests, and by provisioning when a new zone copies a demo zone (so the
 * Worker bundles them too). Pages and the engine read published versions from the zone's
 * database, never these files.
 * A zone without a policy folder gets a set of its documents and no programmes.
 */
import type { PolicySet } from "../worker/engines/policy/format/policy-set";
import { definePolicySet } from "./policy";
import type { ZoneConfig } from "./schema";

const WRITTEN: Record<string, () => Promise<{ default: PolicySet }>> = {
  changzhi: () => import("./changzhi/policy/index"),
  dongying: () => import("./dongying/policy/index"),
  zibo: () => import("./zibo/policy/index"),
};

export async function loadPolicySet(zone: ZoneConfig): Promise<PolicySet> {
  const load = WRITTEN[zone.slug];
  if (load) return (await load()).default;
  return definePolicySet({
    zone: zone.slug,
    label: "初始版",
    effectiveFrom: "2026-01-01",
    documents: zone.documents,
    programmes: [],
    cases: [],
  });
}
