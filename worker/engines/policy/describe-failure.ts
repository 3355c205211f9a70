/**
 * A failed test case said in Chinese for the zone admin who must decide whether the
 * rule or the case is wrong: the case's facts, what the case expects and what the
 * current rules give, money by the one rule (元/万元). Pure: the case and its
 * evaluation in, sentences out.
 */
import { formatMoney, moneyFormatter } from "../../lib/money";
import type { CompiledProgramme, Evaluation } from "./evaluate";
import { showFact } from "./facts";
import type { PolicyCase } from "./format/programme";

const ELIGIBLE: Record<string, string> = { true: "符合条件", false: "不符合条件", unknown: "尚无法判断" };
const RESULT: Record<string, string> = { pass: "满足", fail: "不满足", unknown: "待定", absent: "不适用" };

/** "年销售收入3亿元、研发投入1,000万元;此前已获本项目2026年80万元" — what the case states. */
export function describeCaseFacts(
  p: CompiledProgramme | undefined,
  c: PolicyCase,
  /** A boundary the case's money sits beside: shown exact where 万元 would round onto it. */
  near?: readonly number[],
  /** Names another programme an award in the history is of ("「科学仪器设备共享」"); its id without it. */
  titleOf?: (programme: string) => string,
): string {
  const facts = Object.entries(c.facts).map(([name, value]) => {
    const f = p?.declared.get(name);
    const shown =
      typeof value === "number" || typeof value === "boolean" || typeof value === "string"
        ? showFact(f, value, near ? { near } : undefined)
        : JSON.stringify(value);
    return `${f?.label.zh ?? name}${f?.type === "boolean" || f?.type === "choice" ? "为" : ""}${shown}`;
  });
  const quals = c.profile?.qualifications.map((q) => p?.qualificationName(q) ?? q) ?? [];
  if (quals.length) facts.push(`持有${quals.join("、")}资格`);
  const history = c.history.map((a) => {
    const which = a.programme === c.programme ? "本项目" : titleOf ? `「${titleOf(a.programme)}」` : a.programme;
    return `${a.year}年已${a.inProgress ? "在审" : "获"}${which}${formatMoney(a.amountFen)}`;
  });
  const parts = [facts.join("、") || "不填任何信息", ...history];
  if (c.date) parts.push(`按${c.date}计算`);
  return parts.join(";");
}

/** What the current rules give, as a phrase: "符合条件,补助120万元(已按上限计)". */
function amountOf(r: Evaluation, m: (fen: number) => string): string {
  if (r.amountFen === null) return r.range ? `${m(r.range.minFen)}至${m(r.range.maxFen)}` : "未能算出金额";
  const capped = r.steps.some((s) => s.description.includes("本次按"));
  return `${m(r.amountFen)}${capped ? "(已按上限计)" : ""}`;
}

export interface CaseMismatch {
  eligible?: true;
  amount?: true;
  range?: true;
  conditions: string[];
  missing?: true;
  explains: string[];
  steps?: true;
}

/** One sentence for a failed case: its facts, then each way it differs from the current rules. */
export function describeCaseFailure(
  p: CompiledProgramme | undefined,
  c: PolicyCase,
  r: Evaluation | undefined,
  miss: CaseMismatch,
): string {
  if (!p) return `用例「${c.name}」所属的项目 ${c.programme} 不在这套政策中`;
  const head = `用例「${c.name}」:${describeCaseFacts(p, c)}时`;
  if (!r) return `${head},所填信息有误,无法计算`;
  const e = c.expect;
  const m = moneyFormatter(e.amountFen ?? 0, r.amountFen ?? 0, e.range?.maxFen ?? 0, r.range?.maxFen ?? 0);
  const parts: string[] = [];
  if (miss.eligible) {
    const why = r.eligible === false ? `(${r.amountNote?.replace(/^不符合条件:/, "") ?? ""})` : "";
    parts.push(`应${ELIGIBLE[String(e.eligible)]},按当前规则${ELIGIBLE[String(r.eligible)]}${why}`);
  }
  if (miss.amount) {
    const want = e.amountFen === null || e.amountFen === undefined ? "不算出金额" : `补助${m(e.amountFen)}`;
    parts.push(`应${want},按当前规则为${amountOf(r, m)}`);
  }
  if (miss.range && e.range)
    parts.push(`评审金额应在${m(e.range.minFen)}至${m(e.range.maxFen)}之间,按当前规则为${amountOf(r, m)}`);
  for (const id of miss.conditions) {
    const got = r.conditions.find((x) => x.id === id);
    const want = e.conditions?.[id] ?? "absent";
    parts.push(`条件「${got?.label ?? id}」应${RESULT[want]},按当前规则${RESULT[got?.result ?? "absent"]}`);
  }
  if (miss.missing) {
    const label = (n: string) => p.declared.get(n)?.label.zh ?? n;
    const want = (e.missing ?? []).map(label).join("、") || "无";
    parts.push(`应待补充的信息为${want},按当前规则为${r.missing.map((x) => x.label).join("、") || "无"}`);
  }
  for (const phrase of miss.explains) parts.push(`计算说明中应有“${phrase}”,按当前规则没有`);
  if (miss.steps) parts.push(`各计算步骤相加与金额${amountOf(r, m)}不一致`);
  return `${head},${parts.join(";")}`;
}
