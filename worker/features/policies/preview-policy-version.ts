/**
 * Checks a policy set before it is published, changing nothing: validates it
 * against the zod-strict format, runs its test cases, and diffs it against the
 * newest published version. The admin sees this page (and the CLI prints it)
 * before anything is written.
 */
import { z } from "zod";
import type { ZoneConfig } from "../../../tenants/schema";
import { textField } from "../../lib/text";
import { runCases } from "../../engines/policy/cases";
import { compilePolicySet } from "../../engines/policy/compile";
import { diffPolicySets, isEmptyDiff, type PolicyDiff } from "../../engines/policy/diff";
import type { Test } from "../../engines/policy/format/conditions";
import { policySetSchema, type PolicySet } from "../../engines/policy/format/policy-set";
import { loadLatestVersion, type VersionInfo } from "./current-policy";
import type { RequestCtx } from "../../middleware/request-ctx";

interface CaseFailure {
  name: string;
  programme: string;
  problems: string[];
}

export interface PolicyPreview {
  /** Format errors, each "path: message"; empty when the set is valid. */
  errors: string[];
  cases: { total: number; passed: number; failures: CaseFailure[] };
  base: VersionInfo | null;
  diff: PolicyDiff | null;
  /** True when the set is exactly the newest published version. */
  unchanged: boolean;
  contentHash: string | null;
  set: PolicySet | null;
  /** Whether this set may be published as it stands. */
  publishable: boolean;
}

export async function previewPolicyVersion(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  raw: unknown,
): Promise<PolicyPreview> {
  const latest = await loadLatestVersion(db);
  const base = latest && {
    id: latest.id,
    label: latest.label,
    effectiveFrom: latest.effectiveFrom,
    publishedAt: latest.publishedAt,
  };
  const empty = {
    cases: { total: 0, passed: 0, failures: [] },
    base,
    diff: null,
    unchanged: false,
    contentHash: null,
    set: null,
    publishable: false,
  };

  const parsed = policySetSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ...empty,
      errors: parsed.error.issues.slice(0, 50).map((i) => `${i.path.join(".") || "(根)"}: ${i.message}`),
    };
  const set = parsed.data;
  const errors: string[] = [];
  if (set.zone !== zone.slug) errors.push(`zone: 这是 ${set.zone} 的政策数据,不能发布到 ${zone.slug}`);
  errors.push(...unknownCodes(set, zone));
  if (latest && set.effectiveFrom < latest.effectiveFrom)
    errors.push(`effectiveFrom: 生效日期 ${set.effectiveFrom} 早于第${latest.id}版的 ${latest.effectiveFrom}`);

  const outcomes = runCases(compilePolicySet(set, zone));
  const failures = outcomes
    .filter((o) => !o.passed)
    .map((o) => ({ name: o.name, programme: o.programme, problems: o.problems }));
  const contentHash = await hashPolicySet(set);
  const before = latest ? policySetSchema.parse(JSON.parse(latest.data)) : null;
  const diff = diffPolicySets(before, set);
  const unchanged = latest?.contentHash === contentHash || (before !== null && isEmptyDiff(diff));
  return {
    errors,
    cases: { total: outcomes.length, passed: outcomes.length - failures.length, failures },
    base,
    diff,
    unchanged,
    contentHash,
    set,
    publishable: errors.length === 0 && failures.length === 0 && !unchanged,
  };
}

/** Qualification and industry codes must be the zone's own, or matching would silently never pass. */
function unknownCodes(set: PolicySet, zone: ZoneConfig): string[] {
  const quals = new Set(zone.qualifications.map((q) => q.code));
  const industries = new Set(zone.priorityIndustries.map((i) => i.code));
  const out: string[] = [];
  const walk = (t: Test, where: string) => {
    if (t.test === "qualification" && !quals.has(t.code)) out.push(`${where}: 本园区没有资质代码 ${t.code}`);
    if (t.test === "industry")
      for (const c of t.codes) if (!industries.has(c)) out.push(`${where}: 本园区没有产业代码 ${c}`);
    if (t.test === "all") for (const s of t.of) walk(s, where);
    if (t.test === "any") for (const s of t.of) walk(s.test, where);
  };
  for (const p of set.programmes) {
    for (const q of p.applicants.qualifications) if (!quals.has(q)) out.push(`${p.id}: 本园区没有资质代码 ${q}`);
    for (const i of p.applicants.industries) if (!industries.has(i)) out.push(`${p.id}: 本园区没有产业代码 ${i}`);
    for (const f of p.facts)
      if (f.prefill?.source === "qualification")
        for (const q of [f.prefill.trueIf, f.prefill.falseIf])
          if (q && !quals.has(q)) out.push(`${p.id}.${f.name}: 本园区没有资质代码 ${q}`);
    for (const c of p.conditions) walk(c.test, `${p.id}.${c.id}`);
  }
  return out;
}

/** SHA-256 of the set as stored: the parsed form, whose key order the schema fixes. */
async function hashPolicySet(set: PolicySet): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(set)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The body the publish API and form take: the set and the version it was previewed against. */
/**
 * A whole policy set: checked against the policy format (worker/engines/policy/format) by
 * the service, not here, so the preview can list every problem at once. Its size
 * is bounded by the route's body limit (2 MB), which the document states.
 */
export const PolicySetInput = z.unknown().openapi({
  description: "A policy set in the policy format (tenants/<slug>/policy); the request body is at most 2 MB",
  "x-max-bytes": 2 * 1024 * 1024,
});

export const PublishBody = z.strictObject({
  policySet: PolicySetInput,
  /**
   * The newest version when the preview was made (null for a zone's first); a newer one means someone else
   * published meanwhile.
   */
  baseVersion: z.number().int().min(1).max(2_147_483_647).nullable(),
  note: textField({ label: "发布说明", max: 500, multiline: true }).optional(),
});
