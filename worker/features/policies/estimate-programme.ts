/**
 * The public calculator: one programme, the facts a visitor states, and —
 * optionally — the awards the applicant already has and the evaluation date
 * (default today in Asia/Shanghai). No profile: the estimate assumes an
 * applicant of the kind the programme names. Limits (once only, yearly and
 * per-project caps) are judged against the stated history. Malformed facts or
 * history are a 400 that names each field ("history.2.awardedOn").
 */
import { addYears, dateRangeMessage } from "../../lib/date-range";
import { AppError } from "../../lib/errors";
import { evaluate, type Evaluation } from "../../engines/policy/evaluate";
import { parseFacts } from "../../engines/policy/facts";
import type { Award } from "../../engines/policy/format/programme";
import type { LprRate } from "../../lib/lpr";
import type { LoadedPolicy } from "./current-policy";

export type Estimate = Evaluation & { policyVersion: number };

/** No award stated before this counts: the platform's policies start long after. */
export const EARLIEST_AWARD = "1990-01-01";
/** How far ahead a visitor may look: a policy version rarely runs longer. */
export const ESTIMATE_YEARS_AHEAD = 5;

export interface HistoryEntry {
  programme: string;
  awardedOn: string;
  amountFen: number;
  projectCode?: string | undefined;
  facts?: Record<string, string | number | boolean> | undefined;
}

export function findProgramme(policy: LoadedPolicy, id: string) {
  const p = policy.compiled.programmes.get(id);
  if (!p) throw new AppError("not_found", `本园区当前政策(第${policy.version.id}版)没有编号为 ${id} 的项目。`);
  return p;
}

/** The stated awards as the engine's limits read them, each dated between 1990 and the evaluation date. */
export function historyFromEntries(entries: readonly HistoryEntry[], date: string): Award[] {
  const fields: Record<string, string> = {};
  entries.forEach((h, i) => {
    if (h.awardedOn < EARLIEST_AWARD || h.awardedOn > date)
      fields[`history.${i}.awardedOn`] = dateRangeMessage(`第 ${i + 1} 条获得日期`, EARLIEST_AWARD, date);
  });
  if (Object.keys(fields).length)
    throw new AppError("bad_request", `历史获奖记录有误:${Object.values(fields).join(";")}。`, fields);
  return entries.map((h) => ({
    programme: h.programme,
    year: Number(h.awardedOn.slice(0, 4)),
    amountFen: h.amountFen,
    ...(h.projectCode ? { projectCode: h.projectCode } : {}),
    ...(h.facts ? { facts: h.facts } : {}),
  }));
}

/** The evaluation date a visitor asked for, within a plausible range of today. */
export function evaluationDate(today: string, asked: string | undefined): string {
  if (asked === undefined) return today;
  const latest = addYears(today, ESTIMATE_YEARS_AHEAD);
  if (asked < EARLIEST_AWARD || asked > latest) {
    const message = dateRangeMessage("测算日期", EARLIEST_AWARD, latest);
    throw new AppError("bad_request", `${message}。`, { date: message });
  }
  return asked;
}

export function estimateProgramme(
  policy: LoadedPolicy,
  today: string,
  body: {
    programme: string;
    facts?: unknown;
    history?: readonly HistoryEntry[] | undefined;
    date?: string | undefined;
  },
  /** The zone's LPR history (lprSeries(zone.finance.lpr)), for 贴息. */
  lpr?: readonly LprRate[],
): Estimate {
  const programme = findProgramme(policy, body.programme);
  const date = evaluationDate(today, body.date);
  const history = historyFromEntries(body.history ?? [], date);
  const facts = parseFacts(programme, body.facts);
  if (!facts.ok)
    throw new AppError("bad_request", `事实填写有误:${Object.values(facts.errors).join(" ")}`, facts.errors);
  return { ...evaluate(programme, { facts: facts.facts, history, date, lpr }), policyVersion: policy.version.id };
}
