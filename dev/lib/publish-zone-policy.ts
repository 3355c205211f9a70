/**
 * Publishes a zone's policy set as written in tenants/<slug>/policy/ when it
 * differs from the newest published version — the same preview (format,
 * cases, diff) and publish services a zone admin uses, with the operator as
 * publisher. Used by `npm run policy:publish`, `db:sync` and `npm start`.
 */
import { loadPolicySet } from "../../tenants/policy-sets";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../../worker/db/open";
import type { PolicyPreview } from "../../worker/features/policies/preview-policy-version";
import { previewPolicyVersion } from "../../worker/features/policies/preview-policy-version";
import { publishPolicyVersion } from "../../worker/features/policies/publish-policy-version";
import { syncPolicyDocuments } from "../../worker/features/policies/sync-documents";
import { zoneOrigin } from "../../worker/env";
import { publicUrlTemplate } from "./local-ports";

export type ZonePolicyOutcome =
  | { status: "unchanged"; version: number; preview: PolicyPreview }
  | { status: "refused"; preview: PolicyPreview }
  | { status: "would-publish"; preview: PolicyPreview }
  | { status: "published"; version: number; notified: number; job: number | null; preview: PolicyPreview };

export async function publishZonePolicy(
  db: TenantDb,
  zone: ZoneConfig,
  opts: { now?: Date; origin?: string; dryRun?: boolean } = {},
): Promise<ZonePolicyOutcome> {
  const set = await loadPolicySet(zone);
  const preview = await previewPolicyVersion({ db, zone }, set);
  if (preview.unchanged) {
    // A database restored or re-migrated may lack the document tables' copy; re-syncing is idempotent.
    await syncPolicyDocuments({ db, zone: { documents: preview.set!.documents } });
    return { status: "unchanged", version: preview.base!.id, preview };
  }
  if (!preview.publishable) return { status: "refused", preview };
  if (opts.dryRun) return { status: "would-publish", preview };
  const origin = opts.origin ?? zoneOrigin({ PUBLIC_URL_TEMPLATE: publicUrlTemplate() }, zone.slug);
  const out = await publishPolicyVersion(
    { db, zone, now: opts.now ?? new Date(), ip: null, actor: null, origin },
    set,
    { baseVersion: preview.base?.id ?? null },
  );
  return { status: "published", version: out.version.id, notified: out.notified, job: out.job?.id ?? null, preview };
}

/** The preview as lines for a terminal: what changes, and why it may not be published. */
export function describePreview(p: PolicyPreview): string[] {
  const lines: string[] = [];
  for (const e of p.errors) lines.push(`  ✗ ${e}`);
  lines.push(`  cases: ${p.cases.passed}/${p.cases.total} passed`);
  for (const f of p.cases.failures.slice(0, 20))
    lines.push(`  ✗ case "${f.name}" (${f.programme}): ${f.problems.join("; ")}`);
  const d = p.diff;
  if (d) {
    for (const x of d.programmes.added) lines.push(`  + programme ${x.id} ${x.title}`);
    for (const x of d.programmes.removed) lines.push(`  - programme ${x.id} ${x.title}`);
    for (const x of d.programmes.changed)
      lines.push(
        `  ~ programme ${x.id}: ${x.fields
          .slice(0, 6)
          .map((f) => f.path)
          .join(", ")}${x.fields.length > 6 ? ` (+${x.fields.length - 6})` : ""}`,
      );
    for (const x of d.documents.added) lines.push(`  + document ${x.id} ${x.title}`);
    for (const x of d.documents.removed) lines.push(`  - document ${x.id} ${x.title}`);
    for (const x of d.documents.changed) lines.push(`  ~ document ${x.id}: ${x.fields.length} change(s)`);
    for (const m of d.meta) lines.push(`  ~ ${m.path}: ${JSON.stringify(m.before)} → ${JSON.stringify(m.after)}`);
  }
  return lines;
}
