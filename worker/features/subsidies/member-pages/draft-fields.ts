/**
 * A draft's form read field by field, and the estimate on it. A draft keeps
 * what was typed even when it is not valid yet: the typed values, the facts
 * that do parse, and a message per field that does not. The estimate is the
 * engine's on the enterprise's own profile and award history, as submitting
 * would compute it (the public calculator's estimate knows no profile or history).
 */
import type { ProgrammeView } from "../../../engines/policy/describe";
import { evaluate, type CompiledProgramme } from "../../../engines/policy/evaluate";
import { parseFacts, type Facts, type FactValue } from "../../../engines/policy/facts";
import { AppError } from "../../../lib/errors";
import type { RequestCtx } from "../../../middleware/request-ctx";
import { fieldName } from "../../../../web/pages/policy/calculator-fields";
import { factsToForm, formToFacts, type FormValues } from "../../policies/calculator-form";
import { type LoanSource, lockedFromLoan, lockedLoanFacts } from "../application-loan";
import { lprSeries } from "../../../lib/lpr";
import type { LoadedPolicy } from "../../policies/current-policy";
import { type EnterpriseFacts, loadEnterpriseProfiles, withInProgress } from "../../policies/enterprise-profiles";
import { viewOf } from "../../policies/search-programmes";

/**
 * Each field on its own, so one bad field does not cost the others: what was
 * typed (verbatim, for the form and formValues), the facts that parse and pass
 * the engine's checks, and a message per field that does not.
 */
export function readFields(
  view: ProgrammeView,
  programme: CompiledProgramme,
  raw: Readonly<Record<string, string | undefined>>,
) {
  const values: FormValues = {};
  const errors: Record<string, string> = {};
  const facts: Record<string, FactValue> = {};
  for (const fact of view.facts) {
    const field = fieldName(fact, view.facts);
    const one = formToFacts(view.facts, { [field]: raw[field] ?? "" });
    values[field] = one.values[field] ?? "";
    if (!one.ok) {
      errors[field] = one.errors[field] ?? "填写有误。";
      continue;
    }
    const checked = parseFacts(programme, one.facts);
    if (checked.ok) Object.assign(facts, checked.facts);
    else errors[field] = Object.values(checked.errors).join(" ");
  }
  return { values, errors, facts: facts as Facts };
}

/**
 * 贴息: the form read with the facts the loan's record holds put back as the record has them (what was
 * typed for them is ignored, as the save ignores it), and those facts by name for the read-only rows
 * (undefined where the record cannot fill one).
 */
export function withLoanFields(
  fields: ReturnType<typeof readFields>,
  view: ProgrammeView,
  programme: CompiledProgramme,
  loan: LoanSource | null | undefined,
) {
  if (!loan) return { fields, locked: null };
  const fromLoan = lockedFromLoan(programme, loan);
  const names = lockedLoanFacts(programme);
  const facts: Record<string, FactValue> = { ...fields.facts };
  const values: FormValues = { ...fields.values };
  const errors = { ...fields.errors };
  for (const f of view.facts.filter((x) => names.includes(x.name))) {
    const field = fieldName(f, view.facts);
    delete facts[f.name];
    delete errors[field];
    values[field] = "";
  }
  Object.assign(facts, fromLoan);
  Object.assign(values, factsToForm(view.facts, fromLoan));
  return {
    fields: { values, errors, facts: facts as Facts },
    locked: Object.fromEntries(names.map((n) => [n, fromLoan[n]])) as Record<string, unknown>,
  };
}

/** A service's fields (fact names, material:…, condition:…) keyed as the form's fields are. */
export function byField(view: ProgrammeView, fields: Record<string, string> | undefined): Record<string, string> {
  const names = new Map(view.facts.map((f) => [f.name, fieldName(f, view.facts)]));
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [names.get(k) ?? k, v]));
}

/** The application's programme in the policy in force; a programme that left it cannot be filled in any more. */
export function programmeOf(policy: LoadedPolicy, programmeId: string) {
  const programme = policy.compiled.programmes.get(programmeId);
  if (!programme)
    throw new AppError("conflict", `这个项目已不在现行政策(第${policy.version.id}版)中,草稿不能继续填写或提交。`);
  return { programme, view: viewOf(policy.compiled, programmeId)! };
}

/** The engine's answer on the enterprise's own profile and award history, as submitting would compute it. */
export async function estimateOf(
  ctx: Pick<RequestCtx, "db" | "zone">,
  programme: CompiledProgramme,
  facts: Facts,
  app: { id: string; enterpriseId: string },
  today: string,
  /** The profile read already, beside the application (the page's one round trip). */
  preloaded?: EnterpriseFacts[],
) {
  const [enterprise] = preloaded ?? (await loadEnterpriseProfiles(ctx, today, app.enterpriseId, app.id));
  const result = evaluate(programme, {
    facts,
    profile: enterprise?.profile,
    history: enterprise?.history ?? [],
    date: today,
    lpr: lprSeries(ctx.zone.finance.lpr),
  });
  return enterprise ? withInProgress(enterprise, result) : result;
}
