/**
 * The preview said in Chinese for the zone admin (the English strings stay for the CLI and
 * the API's existing fields): format problems with the programme's title and the field's
 * name, each failed case as a sentence with its facts and both amounts, each change of the
 * diff as a sentence, and boundary cases the engine proposes for the programmes the set
 * adds or changes. Pure: the preview and the set in, plain data out.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { runCases } from "../../engines/policy/cases";
import { compilePolicySet, type CompiledPolicySet } from "../../engines/policy/compile";
import { describePolicyDiff } from "../../engines/policy/describe-diff";
import { describeSetIssues } from "../../engines/policy/describe-issue";
import { policySetSchema, type PolicySet } from "../../engines/policy/format/policy-set";
import { parseSetAwaitingCases } from "../../engines/policy/propose-awaiting";
import { proposeProgrammeCases, type ProposedCase } from "../../engines/policy/propose-cases";
import type { PolicyPreview } from "./preview-policy-version";

type Names = Pick<ZoneConfig, "qualifications" | "priorityIndustries">;

export interface FailureInChinese {
  /** The case's place in the set's `cases`: what the correcting form sends back. */
  index: number;
  name: string;
  programme: string;
  zh: string;
}

export interface PreviewInChinese {
  errors: string[];
  /** In the order of the preview's failures. */
  failures: FailureInChinese[];
  diff: string[];
  proposals: ProposalGroup[];
}

export interface ProposalGroup {
  programme: string;
  title: string;
  cases: ProposedCase[];
  /** Why the engine proposes nothing for it, in Chinese. */
  note?: string;
  /** It has no case yet: the set cannot be published until one is added. */
  needsCases?: true;
}

/** Proposals are listed for at most this many programmes: the ones the set adds or changes. */
const PROPOSED_PROGRAMMES = 5;

/** "zibo-rd-inclusive.rd-intensity: 本园区没有…" → "「研发投入普惠制补贴」的条件 rd-intensity:本园区没有…". */
function serviceError(set: PolicySet, e: string): string {
  const at = e.indexOf(": ");
  if (at < 0) return e;
  const [where, what] = [e.slice(0, at), e.slice(at + 2)];
  if (where === "zone") return `所属园区:${what}`;
  if (where === "effectiveFrom") return `生效日期:${what}`;
  const [id, rest] = where.split(".");
  const p = set.programmes.find((x) => x.id === id);
  return p ? `「${p.title.zh}」${rest ? `的 ${rest}` : ""}:${what}` : e;
}

export function failuresInChinese(compiled: CompiledPolicySet): FailureInChinese[] {
  return runCases(compiled).flatMap((o, index) =>
    o.passed ? [] : [{ index, name: o.name, programme: o.programme, zh: o.zh ?? o.problems.join(";") }],
  );
}

/** The programmes a diff adds or changes, whose boundaries deserve cases first (those without any, first). */
export function proposalsFor(compiled: CompiledPolicySet, ids: readonly string[]): PreviewInChinese["proposals"] {
  const bare = (id: string) => !compiled.set.cases.some((c) => c.programme === id);
  const ordered = [...new Set([...ids.filter(bare), ...ids])];
  return ordered.slice(0, PROPOSED_PROGRAMMES).flatMap((id) => {
    const p = compiled.programmes.get(id);
    if (!p) return [];
    const { cases, note } = proposeProgrammeCases(compiled, id);
    const group: ProposalGroup = { programme: id, title: p.title.zh, cases };
    if (note) group.note = note;
    if (bare(id)) group.needsCases = true;
    return cases.length || note ? [group] : [];
  });
}

export function previewInChinese(
  zone: Names,
  raw: unknown,
  preview: PolicyPreview,
  opts: { proposals?: boolean } = {},
): PreviewInChinese {
  const set = preview.set;
  if (!set) {
    const parsed = policySetSchema.safeParse(raw);
    const errors = parsed.success ? preview.errors : describeSetIssues(raw, parsed.error.issues, 50);
    // Programmes without cases (a new one from the form) are the one fault the admin fixes here.
    const awaiting = opts.proposals === false ? null : parseSetAwaitingCases(raw);
    const proposals = awaiting ? proposalsFor(compilePolicySet(awaiting.set, zone), awaiting.uncovered) : [];
    return { errors, failures: [], diff: [], proposals };
  }
  const compiled = compilePolicySet(set, zone);
  const changed = preview.diff
    ? [...preview.diff.programmes.added, ...preview.diff.programmes.changed].map((x) => x.id)
    : [];
  return {
    errors: preview.errors.map((e) => serviceError(set, e)),
    failures: failuresInChinese(compiled),
    diff: preview.diff ? describePolicyDiff(preview.diff, set) : [],
    proposals: opts.proposals === false ? [] : proposalsFor(compiled, changed),
  };
}
