/**
 * Building blocks of the rule format: money, percentages, clause references and
 * names. Money in rules is integer fen; percentages are written as numbers with
 * at most two decimals (3, 0.5, 60) and turned into hundredths of a percent so
 * the engine never multiplies by a float.
 */
import { z } from "zod";
import { MAX_FEN } from "../../../lib/money";

export const text = z.string().trim().min(1);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date: YYYY-MM-DD");

export const fen = z.number().int("money: whole fen").min(0, "money: not negative").max(MAX_FEN);

/** 3 → 3%; 0.5 → 0.5%; two decimals at most. */
export const percent = z
  .number()
  .min(0)
  .max(1000)
  .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-9, "percent: at most two decimals");

/** A clause id as the documents number them: "14", "4.3.2". */
export const clauseId = z.string().regex(/^[0-9]+(\.[0-9]+)*$/, "clause: numbers joined by dots, e.g. 14 or 4.3.2");
export const factName = z.string().regex(/^[a-z][A-Za-z0-9]{0,40}$/, "fact name: camelCase letters and digits");
export const programmeId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,62}$/, "programme id: lower case letters, digits and '-'");
export const localId = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, "id: lower case letters, digits and '-'");

export const bilingual = z.strictObject({ zh: text, en: text });
