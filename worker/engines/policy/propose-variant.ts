/**
 * One proposed case before it is evaluated: what it changes in the programme's starting case (a
 * fact moved, an option chosen, awards already had, another day) and why, in words. The entry
 * (./propose-cases.ts) evaluates each and writes the case with the result the rules give.
 */
import type { FactValue } from "./facts";
import type { Award, Profile } from "./format/programme";

export interface Variant {
  /** The kind of probe, in the case's name: 边界, 选项, 是否, 资格, 限额, 日期. */
  tag: string;
  /** e.g. "年销售收入恰为“20,000万元以上”的门槛", "按认定级别“国家级”". */
  why: string;
  /** Facts that replace the starting case's. */
  facts?: Record<string, FactValue>;
  history?: Award[];
  /** Replaces the starting case's profile (one qualification fewer). */
  profile?: Profile;
  date?: string;
  /** Money the case sits beside: shown exact where 万元 would round onto it. */
  near?: number[];
}
