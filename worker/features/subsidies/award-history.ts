/**
 * The one award history every evaluation of an enterprise reads — 政策匹配,
 * 政策找企业, 免申即享 notices, the calculator's "用我的资料", create and submit:
 * its awards (awarded or paid) and its applications in progress (submitted:
 * in review, in 公示, or returned for correction). An application in progress
 * counts against the programme's limits as if awarded, at the amount it asks
 * for (the reviewers' amount once they set one): a second application cannot
 * be told "尚未获得" while the first is in 公示, and a yearly cap is reserved,
 * not promised twice. Drafts, rejected and withdrawn applications count for
 * nothing. Approval (approve-award.ts) counts awards only: its write is guarded
 * on exactly those.
 */
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { subsidyApplications, type SubsidyStatus } from "../../db/schema";
import { evaluate, type CompiledProgramme, type ConditionResult, type Evaluation } from "../../engines/policy/evaluate";
import type { Award } from "../../engines/policy/format/programme";
import { formatMoney } from "../../lib/money";
import { shanghaiDate } from "../../lib/calendar";

export const AWARDED: SubsidyStatus[] = ["awarded", "paid"];
export const IN_PROGRESS: SubsidyStatus[] = ["in_review", "returned"];

/** An application not yet decided, and what it reserves against the limits. */
interface InProgressApplication {
  id: string;
  programme: string;
  year: number;
  reservedFen: number;
  projectCode?: string;
  facts?: Record<string, string | number | boolean>;
}

/** Either kind, dated (Asia/Shanghai: decided, or submitted while in progress), for the calculator's rows. */
export interface AwardRecord {
  programme: string;
  on: string;
  amountFen: number;
  inProgress: boolean;
}

export interface AwardHistory {
  awards: Award[];
  inProgress: InProgressApplication[];
  records: AwardRecord[];
}

export const EMPTY_HISTORY: AwardHistory = { awards: [], inProgress: [], records: [] };

/**
 * The history rows of one enterprise, or of every enterprise when `enterpriseId`
 * is omitted — a query to put in the caller's batch (one read for a whole zone).
 */
export function awardHistoryQuery(db: TenantDb, enterpriseId?: string | SQL) {
  const counted = inArray(subsidyApplications.status, [...AWARDED, ...IN_PROGRESS]);
  return db
    .select({
      id: subsidyApplications.id,
      enterpriseId: subsidyApplications.enterpriseId,
      programme: subsidyApplications.programmeId,
      status: subsidyApplications.status,
      year: subsidyApplications.awardYear,
      amountFen: subsidyApplications.amountFen,
      requestedFen: subsidyApplications.requestedFen,
      rangeMinFen: subsidyApplications.rangeMinFen,
      projectCode: subsidyApplications.projectCode,
      facts: subsidyApplications.facts,
      submittedAt: subsidyApplications.submittedAt,
      decidedAt: subsidyApplications.decidedAt,
    })
    .from(subsidyApplications)
    .where(enterpriseId ? and(eq(subsidyApplications.enterpriseId, enterpriseId), counted) : counted);
}

export type AwardHistoryRow = Awaited<ReturnType<typeof awardHistoryQuery>>[number];

/** Rows grouped by enterprise; `except` leaves out the application being judged. */
export function historiesByEnterprise(rows: readonly AwardHistoryRow[], except?: string): Map<string, AwardHistory> {
  const out = new Map<string, AwardHistory>();
  for (const r of rows) {
    if (r.id === except) continue;
    const h = out.get(r.enterpriseId) ?? { awards: [], inProgress: [], records: [] };
    out.set(r.enterpriseId, h);
    const code = { ...(r.projectCode ? { projectCode: r.projectCode } : {}), ...factsOf(r.facts) };
    const year = r.year ?? 0;
    // The day it counts on: decided or submitted within its award year (the year caps count it in).
    const on =
      [r.decidedAt, r.submittedAt]
        .map((t) => (t === null ? "" : shanghaiDate(new Date(t))))
        .find((d) => d.startsWith(`${year}-`)) ?? `${year}-01-01`;
    if (AWARDED.includes(r.status)) {
      h.awards.push({ programme: r.programme, year, amountFen: r.amountFen ?? 0, ...code });
      if (year) h.records.push({ programme: r.programme, on, amountFen: r.amountFen ?? 0, inProgress: false });
    } else {
      // Reserved at what the reviewers set, else what was asked, else the bottom of the review range.
      const reservedFen = r.amountFen ?? r.requestedFen ?? r.rangeMinFen ?? 0;
      h.inProgress.push({ id: r.id, programme: r.programme, year, reservedFen, ...code });
      if (year) h.records.push({ programme: r.programme, on, amountFen: reservedFen, inProgress: true });
    }
  }
  return out;
}

/** One enterprise's history, read on its own (create, submit). */
export async function loadAwardHistory(db: TenantDb, enterpriseId: string, except?: string): Promise<AwardHistory> {
  return historiesByEnterprise(await awardHistoryQuery(db, enterpriseId), except).get(enterpriseId) ?? EMPTY_HISTORY;
}

/**
 * What the engine's limits read: awards, and applications in progress at their reserved
 * amounts, marked so the reasons say "在审" rather than "已享受".
 */
export function limitHistory(h: AwardHistory): Award[] {
  return [
    ...h.awards,
    ...h.inProgress.map(({ id: _id, reservedFen, ...a }) => ({
      ...a,
      amountFen: reservedFen,
      inProgress: true as const,
    })),
  ];
}

/**
 * The facts an application was made on (stored JSON), as an award carries them: a
 * per-level limit then tells an upgrade (provincial → national) from a repeat.
 * Only plain values, at most 40, as the engine's award format allows.
 */
function factsOf(json: string): { facts?: Record<string, string | number | boolean> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const plain = Object.entries(parsed as Record<string, unknown>)
    .filter(
      (e): e is [string, string | number | boolean] =>
        (typeof e[1] === "string" && e[1].length <= 200) ||
        (typeof e[1] === "number" && Number.isFinite(e[1])) ||
        typeof e[1] === "boolean",
    )
    .slice(0, 40);
  return plain.length ? { facts: Object.fromEntries(plain) } : {};
}

/**
 * Says, in the result, that an application of this programme is in progress and
 * what it reserves — so "已获" in a limit's reason is not read as money paid. Its
 * id starts with "limit-" so ranking does not take it for a fact about the enterprise.
 */
export function noteInProgress(result: Evaluation, programmeId: string, h: AwardHistory): Evaluation {
  const mine = h.inProgress.filter((a) => a.programme === programmeId);
  // A once-only limit that already refuses because of it says everything: a ✓ "预留" line beside it would contradict it.
  if (
    !mine.length ||
    result.conditions.some((c) => c.id.startsWith("limit-") && c.result === "fail" && c.reason.includes("在审结束前"))
  )
    return result;
  const reserved = mine.reduce((s, a) => s + a.reservedFen, 0);
  const note: ConditionResult = {
    id: "limit-in-progress",
    label: "已有在审申报",
    clause: result.conditions.find((c) => c.id.startsWith("limit-"))?.clause ?? "",
    result: "pass",
    reason:
      `已有${mine.length === 1 ? "一" : String(mine.length)}份在审` +
      `(${[...new Set(mine.map((a) => `${a.year}年度`))].join("、")}),` +
      `可申报金额按在审金额预留${formatMoney(reserved)}`,
  };
  return { ...result, conditions: [...result.conditions, note] };
}

/**
 * The limits that fail on the history alone (no facts yet): a failed one means no
 * application of the programme can succeed this year, whatever the form will say.
 * Create refuses on it and the programme page hides 在线申报 on it — one judgement.
 * Limits that need the amount (就高不就低) or a project code wait for submit.
 */
export function limitsRefusing(programme: CompiledProgramme, h: AwardHistory, today: string): ConditionResult[] {
  // No LPR passed: without facts a 贴息 component computes nothing, and only the limits are read.
  return evaluate(programme, { facts: {}, history: limitHistory(h), date: today }).conditions.filter(
    (c) => c.id.startsWith("limit-") && c.result === "fail",
  );
}
