/**
 * 政策计算器's field names, shared by the form that renders them (here) and the
 * policies feature that reads them back: fact fields, the submitted marker and
 * the past-award rows. web/ owns them so a view never imports a feature.
 */
import type { ProgrammeView } from "../../../worker/engines/policy/describe";

export type CalcFact = ProgrammeView["facts"][number];

/** Present in every calculator submission and link; "_" keeps it apart from fact names (camelCase). */
export const SUBMITTED = "_calc";

/** The form field for a fact: money facts drop "Fen" unless that would clash with another fact's name. */
export function fieldName(fact: CalcFact, all: readonly CalcFact[]): string {
  if (fact.type !== "money" || !/.Fen$/.test(fact.name)) return fact.name;
  const short = fact.name.slice(0, -3);
  return all.some((f) => f.name === short) ? fact.name : short;
}

/** Enough rows for every limit a programme has (the API takes up to 200). */
export const MAX_AWARD_ROWS = 10;

export interface AwardRow {
  programme: string;
  date: string;
  amount: string;
}

/** Field names: "_" keeps them apart from fact names (camelCase), as the form's "_calc" does. */
export const awardField = (i: number, part: keyof AwardRow) => `_award${i + 1}_${part}`;
