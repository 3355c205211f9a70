/** 指标与目标's words and small formatters, shared by the table, the indicator page and the forms. */
import type { IndicatorView } from "./view-types";

export type { IndicatorTable, IndicatorView } from "./view-types";

export const DIRECTION_LABEL = { higher: "越高越好", lower: "越低越好" } as const;

export const SOURCE_LABEL: Record<string, string> = {
  entered: "人工填报",
  "computed:high_tech_enterprises": "平台统计:已核验的高新技术企业",
  "computed:tech_sme_enterprises": "平台统计:已核验的科技型中小企业",
  "computed:rd_expense_total": "平台统计:企业年报研发费用合计(万元)",
  "computed:enterprises_total": "平台统计:在平台登记的企业数",
};

/** A figure as printed: no trailing zeros, thousands grouped for large whole numbers. */
export function figure(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return Math.abs(v) >= 10_000 && Number.isInteger(v) ? v.toLocaleString("en-US") : String(v);
}

/** "149 家", "2.64%": the unit after the figure, % without a space. */
export function withUnit(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return "—";
  return unit === "%" ? `${figure(v)}%` : `${figure(v)} ${unit}`;
}

export const isComputed = (i: Pick<IndicatorView, "source">) => i.source.startsWith("computed:");

export const INDICATORS_CSS = `
.ind .intro{max-width:46em}
.ind .filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin:0 0 14px}
.ind .filters .field{margin:0}
.ind .actions{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 16px}
.ind .met{color:#067647;font-weight:600}
.ind .behind{color:#b42318}
.ind td small,.ind th small{display:block;color:var(--muted);font-size:.85rem;font-weight:400}
.ind .src{word-break:break-all}
.ind .rows{display:grid;gap:8px;grid-template-columns:1fr 1fr;max-width:32em}
.ind fieldset{border:1px solid var(--line);border-radius:8px;padding:12px;margin:0}
.ind fieldset legend{font-weight:600;padding:0 4px}
.ind a.tap{display:inline-flex;align-items:center;min-height:44px}
.ind td a.tap{display:flex;width:max-content}
`;
