/**
 * 政策计算器's past awards: a small repeatable group of rows (programme, the
 * day it was awarded, the amount) sent with the calculator's GET form, read
 * into the estimate's history, and written back from an enterprise's records
 * for a member who asks for "用我的资料". At most 10 rows: enough for every
 * limit a programme has (the API takes up to 200). Amounts go through the one
 * parser (worker/lib/amount-input.ts): 元 by default, "30万" too.
 */
import { isCalendarDate } from "../../lib/calendar";
import { fenToPlainYuan } from "../../lib/money";
import { normaliseNumberText, parseAmount } from "../../lib/amount-input";
import type { AwardRecord } from "../subsidies/award-history";
import { EARLIEST_AWARD, type HistoryEntry } from "./estimate-programme";
import { MAX_AWARD_FEN } from "./programme-schemas";
import { awardField, MAX_AWARD_ROWS, type AwardRow } from "../../../web/pages/policy/calculator-fields";

type ParsedAwards = { rows: AwardRow[]; entries: HistoryEntry[]; errors: Record<string, string> };

/** The rows a visitor filled in; a row left wholly empty is no award, a row half filled says what is missing. */
export function formToAwards(
  raw: Readonly<Record<string, string | undefined>>,
  o: { programmes: ReadonlySet<string>; today: string },
): ParsedAwards {
  const rows: AwardRow[] = [];
  const entries: HistoryEntry[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < MAX_AWARD_ROWS; i++) {
    const row: AwardRow = {
      programme: (raw[awardField(i, "programme")] ?? "").slice(0, 63),
      date: (raw[awardField(i, "date")] ?? "").slice(0, 20).trim(),
      amount: (raw[awardField(i, "amount")] ?? "").slice(0, 30),
    };
    if (!row.programme && !row.date && !row.amount.trim()) continue;
    rows.push(row);
    const at = (part: keyof AwardRow) => awardField(i, part);
    const n = `第 ${i + 1} 项`;
    if (!o.programmes.has(row.programme)) errors[at("programme")] = `请为${n}选择获得的项目。`;
    const date = normaliseNumberText(row.date)
      .replace(/[./年月]/g, "-")
      .replace(/日$/, "");
    if (!isCalendarDate(date)) errors[at("date")] = `请按 2026-03-15 的格式填写${n}的获得日期。`;
    else if (date < EARLIEST_AWARD || date > o.today)
      errors[at("date")] = `${n}的获得日期须在 ${EARLIEST_AWARD} 至 ${o.today} 之间。`;
    const amount = parseAmount(row.amount, { unit: "元", maxFen: MAX_AWARD_FEN });
    if (!amount.ok) errors[at("amount")] = row.amount.trim() ? amount.message : `请填写${n}获得的金额(元)。`;
    if (!errors[at("programme")] && !errors[at("date")] && amount.ok)
      entries.push({ programme: row.programme, awardedOn: date, amountFen: amount.fen });
  }
  return { rows, entries, errors };
}

/** An enterprise's awards and applications in progress as calculator rows (the 10 most recent). */
export function awardsToForm(records: readonly AwardRecord[]): AwardRow[] {
  return [...records]
    .sort((a, b) => b.on.localeCompare(a.on))
    .slice(0, MAX_AWARD_ROWS)
    .map((r) => ({ programme: r.programme, date: r.on, amount: fenToPlainYuan(r.amountFen).replace(/\.00$/, "") }));
}
