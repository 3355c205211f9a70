/**
 * The engine's explained result as people read it: a badge (符合 / 不符合 /
 * 需补充信息), the amount or the range set at review, every condition with its
 * outcome, reason and clause, what is still missing, the cited calculation
 * steps, and what an anonymous estimate took for granted. Used by 政策计算器,
 * 政策匹配 and the staff's list of matching enterprises.
 */
import type { Evaluation } from "../../worker/engines/policy/evaluate";
import { formatMoney, formatMoneyRange, moneyUnit, type MoneyUnit } from "../../worker/lib/money";
import type { FitTier } from "../../worker/engines/policy/rank";

type Eligible = Evaluation["eligible"];

const ELIGIBLE: Record<string, { label: string; cls: string }> = {
  true: { label: "符合", cls: "yes" },
  false: { label: "不符合", cls: "no" },
  unknown: { label: "需补充信息", cls: "maybe" },
};

/** Icons are decoration; the word beside them is what a screen reader says. */
export const OUTCOME: Record<"pass" | "fail" | "unknown", { icon: string; label: string }> = {
  pass: { icon: "✓", label: "满足" },
  fail: { icon: "✗", label: "不满足" },
  unknown: { icon: "?", label: "待确认" },
};

const TIER: Record<FitTier, { label: string; cls: string }> = {
  eligible: { label: "符合", cls: "yes" },
  confirm: { label: "确认申报主体后可申报", cls: "maybe" },
  unknown: { label: "需补充信息", cls: "maybe" },
  ineligible: { label: "不符合", cls: "no" },
};

/** 政策找企业's verdict: unlike the calculator's, "nothing fails" without anything checked is not yet 符合. */
export function TierBadge({ tier }: { tier: FitTier }) {
  return <span class={`verdict ${TIER[tier].cls}`}>{TIER[tier].label}</span>;
}

export function EligibleBadge({ eligible }: { eligible: Eligible }) {
  const e = ELIGIBLE[String(eligible)]!;
  return <span class={`verdict ${e.cls}`}>{e.label}</span>;
}

/**
 * The amount in one phrase, or null when there is none to state (not eligible, case by case, in kind
 * only, facts missing).
 * `unit` keeps a table column in one unit.
 */
export function amountText(r: Pick<Evaluation, "eligible" | "amountFen" | "range">, unit?: MoneyUnit): string | null {
  if (r.eligible === false) return null;
  if (r.amountFen !== null) return formatMoney(r.amountFen, { unit });
  if (!r.range) return null;
  return formatMoneyRange(r.range.minFen, r.range.maxFen, { unit });
}

/**
 * A step's figure. A step that adds no money says why instead of a bare "0元": support in
 * kind is not counted, where the amount is set at review there is no figure yet, and a step
 * that shows how a figure was found (an LPR stretch) is marked 计算依据. A
 * step that takes money away (a cap, 就高不就低) reads "核减…", never "-220万元".
 */
function stepValue(s: Evaluation["steps"][number], total: number | null, unit: MoneyUnit | undefined): string {
  if (s.reference) return "计算依据";
  if (s.valueFen === 0 && /非资金支持/.test(s.description)) return "不计金额";
  if (s.valueFen === 0 && total === null) return "待评审";
  // A negative figure reads as money owed; a limit's step only takes from the amount, so it says so.
  if (s.valueFen < 0) return `${/本次按/.test(s.description) ? "按上限" : ""}核减${formatMoney(-s.valueFen, { unit })}`;
  return formatMoney(s.valueFen, { unit });
}

export function EvaluationResult({ result: r, heading = 3 }: { result: Evaluation; heading?: 2 | 3 | 4 }) {
  const H = `h${heading}` as "h3";
  const amount = amountText(r);
  // The steps' figures read as one column: one unit for all of them.
  const stepUnit = moneyUnit(...r.steps.map((s) => s.valueFen));
  return (
    <div class="eval">
      <p class="eval-head">
        <EligibleBadge eligible={r.eligible} />
        {amount !== null && (
          <span class="eval-amount">
            {r.range ? "金额经评审确定:" : r.eligible === "unknown" ? "条件确认后可得:" : "测算金额:"}
            <strong>{amount}</strong>
          </span>
        )}
      </p>
      {/* A range's note only restates it; other notes (一事一议, in kind, what to provide) say something new. */}
      {r.amountNote && r.eligible !== false && !r.range && <p class="eval-note">{r.amountNote}</p>}

      <H>申报条件</H>
      {r.conditions.length === 0 ? (
        <p class="eval-note">本项目没有另设条件。</p>
      ) : (
        <ul class="conds">
          {r.conditions.map((c) => (
            <li class={`cond ${c.result}`}>
              <span class="mark" aria-hidden="true">
                {OUTCOME[c.result].icon}
              </span>
              <div>
                <p class="cond-label">
                  <span class="outcome">{OUTCOME[c.result].label}</span>
                  {c.label}
                  <span class="cite">{c.clause}</span>
                </p>
                <p class="cond-reason">{c.reason}</p>
              </div>
            </li>
          ))}
        </ul>
      )}

      {r.missing.length > 0 && (
        <>
          <H>还需提供</H>
          <p class="eval-missing">{r.missing.map((m) => m.label).join("、")}</p>
        </>
      )}

      {r.steps.length > 0 && (
        <>
          <H>金额计算</H>
          <ol class="steps">
            {r.steps.map((s) => (
              <li>
                <span>
                  {s.description}
                  <span class="cite">{s.clause}</span>
                </span>
                <strong class="step-value">{stepValue(s, r.amountFen, stepUnit)}</strong>
              </li>
            ))}
          </ol>
        </>
      )}

      {r.inKind.length > 0 && (
        <>
          <H>非资金支持(不计入金额)</H>
          <ul class="plain">
            {r.inKind.map((k) => (
              <li>{k}</li>
            ))}
          </ul>
        </>
      )}

      {r.assumed.length > 0 && (
        <>
          <H>测算假定</H>
          <ul class="plain">
            {r.assumed.map((a) => (
              <li>{a}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Styles for the result; pages add them to their own css. */
export const EVALUATION_CSS = `
.verdict{display:inline-block;white-space:nowrap;font-weight:700;border-radius:999px;padding:2px 14px;
  font-size:.95rem;border:1px solid}
.verdict.yes{background:#ecfdf3;border-color:#32d583;color:#054f31}
.verdict.no{background:#fef3f2;border-color:#f04438;color:#7a271a}
.verdict.maybe{background:#fffaeb;border-color:#fdb022;color:#7a2e0e}
.eval-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;margin:0 0 8px}
.eval-amount strong{font-size:1.35rem;color:var(--primary);margin-left:2px}
.eval-note,.eval-missing{margin:0 0 10px;color:var(--muted);font-size:.92rem}
.eval-missing{color:var(--ink)}
.eval h2,.eval h3,.eval h4{font-size:1rem;margin:16px 0 6px}
.conds,.steps,.plain{margin:0;padding:0;list-style:none}
.cond{display:flex;gap:10px;padding:8px 0;border-top:1px solid var(--line)}
.cond .mark{flex:none;width:26px;height:26px;border-radius:50%;display:inline-flex;align-items:center;
  justify-content:center;font-weight:700;color:#fff}
.cond.pass .mark{background:#067647}.cond.fail .mark{background:#b42318}.cond.unknown .mark{background:#b54708}
.cond p{margin:0}
.cond-label{font-weight:600}
.cond .outcome{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cond-reason{color:var(--muted);font-size:.92rem}
.cite{display:inline-block;margin-left:8px;font-size:.8rem;font-weight:400;color:var(--primary);
  border:1px solid color-mix(in srgb,var(--primary) 35%,#fff);border-radius:4px;padding:0 6px;white-space:nowrap}
.steps{counter-reset:step}
.steps li{counter-increment:step;display:grid;grid-template-columns:1.6em minmax(0,1fr) auto;align-items:baseline;
  gap:2px 10px;padding:6px 0;border-top:1px solid var(--line)}
.steps li::before{content:counter(step) ".";color:var(--muted)}
.step-value{font-variant-numeric:tabular-nums;white-space:nowrap}
.plain li{padding:2px 0}
.plain li::before{content:"· ";color:var(--muted)}
`;
