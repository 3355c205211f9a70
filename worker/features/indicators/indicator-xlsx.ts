/** The indicator table as an Excel workbook (GET /api/v1/admin/indicators?format=xlsx and the page's link). */
import { xlsxResponse } from "../../lib/xlsx";
import type { IndicatorTable } from "./list-indicators";

const DIRECTION = { higher: "越高越好", lower: "越低越好" } as const;
// Figures are numbers as entered (2.64, 0.45), in the General format: "integer" would show them rounded.
const figure = (v: number | null | undefined) => v ?? "";

export function indicatorTableXlsx(table: IndicatorTable): Response {
  return xlsxResponse({
    fileName: `指标与目标-${table.year}年.xlsx`,
    sheets: [
      {
        name: `${table.year}年指标`,
        columns: [
          { header: "指标", format: "text", width: 36 },
          { header: "单位", format: "text" },
          { header: "方向", format: "text" },
          { header: "基期年份", format: "integer" },
          { header: "基期值", format: "number" },
          { header: "目标年份", format: "integer" },
          { header: "目标值", format: "number" },
          { header: `${table.year}年实际值`, format: "number" },
          { header: "实际值来源", format: "text", width: 30 },
          { header: "完成进度", format: "percent" },
          { header: "状态", format: "text" },
          { header: "指标出处", format: "text", width: 50 },
        ],
        rows: table.indicators.map((i) => [
          i.name,
          i.unit,
          DIRECTION[i.direction],
          i.baseline.year,
          figure(i.baseline.value),
          i.target?.year ?? "",
          figure(i.target?.value),
          figure(i.actual?.value),
          i.actual ? `${i.actual.origin === "computed" ? "平台统计:" : ""}${i.actual.note}` : "",
          i.progress?.percent ?? "",
          i.progress?.label ?? "未填报",
          i.sourceNote,
        ]),
      },
    ],
  });
}
