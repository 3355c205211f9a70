/**
 * What 政策计算器 shows for one programme: the form's values, a message per bad
 * field, and the result — from a member's own records (?from=profile), from a
 * submitted form, or nothing yet (an empty form).
 */
import { evaluate, type Evaluation } from "../../../engines/policy/evaluate";
import type { ProgrammeView } from "../../../engines/policy/describe";
import { prefillFacts } from "../../../engines/policy/prefill";
import { AppError } from "../../../lib/errors";
import type { LprRate } from "../../../lib/lpr";
import { factsToForm, formToFacts, wasSubmitted, type FormValues } from "../calculator-form";
import { awardsToForm, formToAwards } from "../calculator-history";
import { fieldName, type AwardRow } from "../../../../web/pages/policy/calculator-fields";
import type { LoadedPolicy } from "../current-policy";
import { withInProgress, type EnterpriseFacts } from "../enterprise-profiles";
import { estimateProgramme } from "../estimate-programme";

interface CalculatorState {
  values: FormValues;
  errors?: Record<string, string>;
  echo?: Record<string, string>;
  result: Evaluation | null;
  awardRows: AwardRow[];
}

export function calculatorState(opts: {
  policy: LoadedPolicy;
  today: string;
  view: ProgrammeView;
  raw: Record<string, string>;
  /** The signed-in member's enterprise, when they asked for their own figures. */
  own: EnterpriseFacts | null;
  /** The zone's LPR history (lprSeries(zone.finance.lpr)), for 贴息. */
  lpr: readonly LprRate[];
}): CalculatorState {
  const { policy, today, view, raw, own, lpr } = opts;
  const programme = policy.compiled.programmes.get(view.id)!;
  if (own) {
    const facts = prefillFacts(programme, own.profile);
    return {
      values: factsToForm(view.facts, facts),
      awardRows: awardsToForm(own.awards.records),
      result: withInProgress(
        own,
        evaluate(programme, { facts, profile: own.profile, history: own.history, date: today, lpr }),
      ),
    };
  }
  // A programme without facts has nothing to ask: its result shows at once.
  if (view.facts.length > 0 && !wasSubmitted(view.facts, raw)) return { values: {}, result: null, awardRows: [] };
  const parsed = formToFacts(view.facts, raw);
  // Past awards count only where the programme has limits; elsewhere the form has no such rows.
  const awards = view.limits.length
    ? formToAwards(raw, { programmes: new Set(policy.compiled.programmes.keys()), today })
    : { rows: [], entries: [], errors: {} };
  const state = { values: parsed.values, awardRows: awards.rows, result: null };
  const bad = { ...(parsed.ok ? {} : parsed.errors), ...awards.errors };
  if (!parsed.ok || Object.keys(bad).length) return { ...state, errors: bad };
  try {
    const result = estimateProgramme(
      policy,
      today,
      { programme: view.id, facts: parsed.facts, history: awards.entries },
      lpr,
    );
    return { ...state, echo: parsed.echo, result };
  } catch (e) {
    // The form checks what the engine checks; should they ever differ, the engine's word is shown per field.
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    const byField = new Map(view.facts.map((f) => [f.name, fieldName(f, view.facts)]));
    const errors = Object.fromEntries(
      Object.entries(e.fields ?? { _: e.message }).map(([k, v]) => [byField.get(k) ?? k, v]),
    );
    return { ...state, echo: parsed.echo, errors };
  }
}
