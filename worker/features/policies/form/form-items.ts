/**
 * What the programme form's parts share: what the form is drawn with beside the programme, a
 * field or a kept part as an item, and a fact's or an option's Chinese name as the programme
 * states it.
 */
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormField, FormItem } from "../../../../web/pages/policy/programme-form-view";

export interface FormContext {
  documents: { id: string; title: string }[];
  /** A new programme: its id is a field. */
  isNew: boolean;
  /** The set's programmes (id and Chinese title): what a 就高不重复 limit may name. */
  programmes?: { id: string; title: string }[];
  /** The set's test cases: an option a case still uses is not removed. */
  cases?: { name: string; programme: string; facts: Record<string, unknown> }[];
}

export const field = (f: FormField): FormItem => ({ type: "field", field: f });
export const kept = (label: string, value: unknown): FormItem => ({ type: "kept", label, json: JSON.stringify(value) });

export function factLabel(p: Programme, name: string): string {
  return p.facts.find((f) => f.name === name)?.label.zh ?? name;
}
export function optionLabel(p: Programme, fact: string, value: string): string {
  return p.facts.find((f) => f.name === fact)?.options?.find((o) => o.value === value)?.zh ?? value;
}
export const isMoneyFact = (p: Programme, name: string) => p.facts.find((f) => f.name === name)?.type === "money";
