/**
 * The shapes the policy views show, declared by the views: the policies feature
 * builds them (or richer objects that fit), so web/ never imports the feature.
 */
import type { PolicyDiff } from "../../../worker/engines/policy/diff";
import type { PolicySet } from "../../../worker/engines/policy/format/policy-set";

interface OpenApplication {
  id: string;
  /** ZB-2026-000123; null for a row written outside the app. */
  number: string | null;
  /** in_progress: in_review or returned — the ones the limits count (subsidies/award-history.ts). */
  kind: "draft" | "in_progress";
  /** Where it stands in words: 草稿, 公示中, 初审中, 退回补正. */
  label: string;
}

/** A member's standing for one programme: their open applications, and what would refuse a new one. */
export interface ProgrammeStanding {
  open: OpenApplication[];
  /** The limits a new application would fail today ("label(clause)——reason"); empty when 在线申报 may go on. */
  refusedBy: string[];
}

/** One published policy version as the versions page lists it. */
export interface PolicyVersionRow {
  id: number;
  label: string;
  effectiveFrom: string;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  publishedVia: "admin" | "cli";
  publishedBy: string | null;
  programmeCount: number;
  caseCount: number;
  note: string | null;
  status: "current" | "scheduled" | "superseded";
}

/** What the preview page shows of a checked policy set. */
export interface PolicyPreviewView {
  /** Format errors, each "path: message"; empty when the set is valid. */
  errors: string[];
  cases: { total: number; passed: number; failures: { name: string; programme: string; problems: string[] }[] };
  /** The newest published version, which the set was compared with. */
  base: { id: number; label: string } | null;
  diff: PolicyDiff | null;
  /** True when the set is exactly the newest published version. */
  unchanged: boolean;
  set: PolicySet | null;
  /** Whether this set may be published as it stands. */
  publishable: boolean;
}
