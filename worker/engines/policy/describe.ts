/**
 * Programmes described for people and API clients: what the award is, in one
 * line ("按研发费用加计扣除额新增部分的5%,单个企业年度最高100万元"), and the
 * public shape of a programme (its facts as a form needs them).
 */
import type { Component, Limit } from "./format/amounts";
import { APPLICANT_KINDS, CATEGORIES } from "./format/programme";
import type { CompiledProgramme } from "./evaluate";
import { citeClause } from "./citation";
import { LPR_TERM_ZH } from "../../lib/lpr";
import { formatMoney, moneyFormatter } from "../../lib/money";
import { formatPercent, statesAmount } from "./money";

export function describeComponent(c: Component, unitOf: (fact: string) => string = () => "件"): string {
  const top = (s: string) => ("upTo" in c && c.upTo ? `最高${s}` : s);
  switch (c.kind) {
    // A label that states the amount in the clause's words ("不低于1亿元支持") is the description.
    case "fixed":
      return statesAmount(c.label, c.fen) ? c.label : `${c.label}:${top(formatMoney(c.fen))}`;
    case "byChoice": {
      const m = moneyFormatter(...Object.values(c.amounts));
      return `${c.label}:${Object.values(c.amounts)
        .map((f) => top(m(f)))
        .join(" / ")}`;
    }
    case "percent": {
      const pct =
        typeof c.percent === "number"
          ? formatPercent(c.percent)
          : Object.values(c.percent.byChoice).map(formatPercent).join(" / ");
      // Labels usually name the rate already ("新增部分的5%"); say it only when they do not.
      const head = typeof c.percent === "number" && c.label.includes(pct) ? c.label : `${c.label}:按${pct}`;
      const cap = c.capFen !== undefined ? `,最高${formatMoney(c.capFen)}` : "";
      return `${head}${cap}${"upTo" in c && c.upTo ? "(最高额,评审确定)" : ""}`;
    }
    case "perUnit": {
      const u = unitOf(c.fact);
      const most = c.maxUnits ? `,最多${c.maxUnits}${u}` : "";
      const cap = c.capFen !== undefined ? `,上限${formatMoney(c.capFen)}` : "";
      const extra = c.extra ? `;超过${c.extra.over}${u}的部分每${u}再加${formatMoney(c.extra.fen)}` : "";
      const rule = `每${u}${formatMoney(c.fen)}${most}${cap}${extra}`;
      // Labels often quote the rule already ("新建孵化用房每平方米100元,上限100万元"); say it once.
      return c.label.includes(rule) ? c.label : `${c.label}:${rule}`;
    }
    case "when":
      return [...c.then, ...c.otherwise].map((x) => describeComponent(x, unitOf)).join(";");
    case "review": {
      const m = moneyFormatter(c.minFen, c.maxFen);
      return `${c.label}:${m(c.minFen)}至${m(c.maxFen)},评审确定`;
    }
    case "interest": {
      const lpr = c.lpr ? `,不超过按${LPR_TERM_ZH[c.lpr.term]}计算利息的${formatPercent(c.lpr.percent)}` : "";
      const cap = c.capFen !== undefined ? `,最高${formatMoney(c.capFen)}` : "";
      return `${c.label}:按实际支付利息的${formatPercent(c.share)}${lpr}${cap}${c.upTo ? "(最高额,评审确定)" : ""}`;
    }
    case "caseByCase":
      return `${c.label}:金额经评审确定`;
    case "inKind":
      return `${c.label}(非资金支持)`;
  }
}

export function describeLimit(l: Limit): string {
  return l.label;
}

export function summariseAmount(p: CompiledProgramme): string {
  const unitOf = (fact: string) => p.declared.get(fact)?.unit ?? "件";
  return [...p.amount.map((c) => describeComponent(c, unitOf)), ...p.limits.map(describeLimit)].join(";");
}

/** The public view of a programme: GET /api/v1/policy/programmes(/{id}) and the pages. */
export function programmeView(
  p: CompiledProgramme,
  doc?: { title: string; docNumber: string | null; clauseText?: string },
) {
  return {
    id: p.id,
    title: p.title.zh,
    titleEn: p.title.en,
    category: p.category,
    categoryName: CATEGORIES[p.category],
    document: { id: p.document, title: doc?.title ?? p.document, docNumber: doc?.docNumber ?? null },
    clause: p.clause,
    citation: citeClause(p.clause),
    excerpt: p.excerpt,
    clauseText: doc?.clauseText ?? null,
    applicants: {
      text: p.applicants.zh,
      kinds: p.applicants.kinds.map((k) => APPLICANT_KINDS[k]),
      qualifications: p.applicants.qualifications.map(p.qualificationName),
      industries: p.applicants.industries.map(p.industryName),
    },
    conditions: p.conditions.map((c) => ({ id: c.id, label: c.label, clause: citeClause(c.clause ?? p.clause) })),
    limits: p.limits.map((l) => ({ kind: l.kind, label: l.label })),
    amountSummary: summariseAmount(p),
    facts: p.facts.map((f) => ({
      name: f.name,
      type: f.type,
      label: f.label.zh,
      labelEn: f.label.en,
      help: f.help ?? null,
      unit: f.type === "money" ? "分" : f.type === "percent" ? (f.unit ?? "%") : (f.unit ?? null),
      optional: f.optional,
      min: f.min ?? null,
      max: f.max ?? null,
      options: f.options?.map((o) => ({ value: o.value, label: o.zh })) ?? null,
    })),
    materials: p.materials.map((m) => ({ id: m.id, name: m.zh, required: m.required })),
    windows: p.windows,
    effective: { from: p.effectiveFrom, to: p.effectiveTo },
    annualBudgetFen: p.annualBudgetFen ?? null,
    note: p.note ?? null,
  };
}
export type ProgrammeView = ReturnType<typeof programmeView>;
