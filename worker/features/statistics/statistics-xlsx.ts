/**
 * The 数据看板 as an Excel workbook: the page's tables, one sheet each, with Chinese headers and
 * money in 万元 (the writer is worker/lib/xlsx; money is handed over in fen).
 */
import { xlsxResponse, type XlsxSheet } from "../../lib/xlsx";
import type { Statistics } from "./schemas";

/** "2026年" or "2026年第2季度": the period as people name it, also in the file name. */
export function periodName(s: Pick<Statistics, "year" | "quarter">): string {
  return s.quarter ? `${s.year}年第${s.quarter}季度` : `${s.year}年`;
}

/** A sheet of one label column and one count column: a breakdown (by industry, by stage…) as the charts show it. */
function countSheet(
  name: string,
  label: { header: string; width: number },
  countHeader: string,
  rows: readonly { zh: string; n: number }[],
): XlsxSheet {
  return {
    name,
    columns: [
      { header: label.header, format: "text", width: label.width },
      { header: countHeader, format: "integer" },
    ],
    rows: rows.map((r) => [r.zh, r.n]),
  };
}

export function statisticsSheets(s: Statistics): XlsxSheet[] {
  const f = s.finance;
  return [
    {
      name: "概要",
      columns: [
        { header: "指标", format: "text", width: 28 },
        { header: "数值", format: "integer", width: 14 },
        { header: "金额(万元)", format: "wan", width: 16 },
      ],
      rows: [
        [`统计期间 ${s.period.from} 至 ${s.period.to}`, null, null],
        ["企业总数(期末)", s.enterprises.total, null],
        ["新入驻企业", s.enterprises.new, null],
        ["收到入驻申请", s.onboarding.received, null],
        ["奖补申报(期内提交)", s.subsidies.applications, null],
        ["期内核定奖补", null, s.subsidies.awardedFen],
        ["期内拨付", null, s.subsidies.paidFen],
        ["发布融资需求", f.needsPosted, null],
        ["贷款申请", f.loanApplications.total, f.askedFen],
        ["授信", null, f.grantedFen],
        ["放款", null, f.disbursedFen],
        [`${s.yearlyReport.year}年度报表已完整填报(家)`, s.yearlyReport.filed, null],
        [`${s.yearlyReport.year}年度报表营业收入合计`, null, s.yearlyReport.revenueFen],
        [`${s.yearlyReport.year}年度报表研发费用合计`, null, s.yearlyReport.rdExpenseFen],
        [`${s.yearlyReport.year}年度报表发明专利授权(件)`, s.yearlyReport.inventionPatentsGranted, null],
        ["免申即享通知", s.reach.noticesSent, null],
        ["通知后申报", s.reach.applicationsFollowed, null],
      ],
    },
    countSheet("企业按行业", { header: "行业", width: 24 }, "企业数(家)", s.enterprises.byIndustry),
    countSheet("企业按资质", { header: "资质", width: 28 }, "企业数(家)", s.enterprises.byQualification),
    {
      name: "申请入驻",
      columns: [
        { header: "收到", format: "integer" },
        { header: "已通过", format: "integer" },
        { header: "待补正", format: "integer" },
        { header: "未通过", format: "integer" },
        { header: "待审核", format: "integer" },
        { header: "平均审核天数", format: "text" },
      ],
      rows: [
        [
          s.onboarding.received,
          s.onboarding.approved,
          s.onboarding.returned,
          s.onboarding.rejected,
          s.onboarding.waiting,
          s.onboarding.averageDaysToDecide === null ? "—" : String(s.onboarding.averageDaysToDecide),
        ],
      ],
    },
    countSheet("奖补按环节", { header: "环节/状态", width: 20 }, "申报(件)", s.subsidies.byStage),
    {
      name: "奖补按项目",
      columns: [
        { header: "扶持项目", format: "text", width: 36 },
        { header: "申报(件)", format: "integer" },
        { header: "核定(万元)", format: "wan", width: 14 },
        { header: "拨付(万元)", format: "wan", width: 14 },
        { header: "年度预算(万元)", format: "wan", width: 16 },
      ],
      rows: s.subsidies.byProgramme.map((p) => [p.title, p.applications, p.awardedFen, p.paidFen, p.budgetFen]),
    },
    {
      name: "奖补按月",
      columns: [
        { header: "月份", format: "text" },
        { header: "核定(万元)", format: "wan", width: 14 },
        { header: "拨付(万元)", format: "wan", width: 14 },
      ],
      rows: s.subsidies.byMonth.map((m) => [m.month, m.awardedFen, m.paidFen]),
    },
    {
      name: "各环节用时",
      columns: [
        { header: "环节", format: "text" },
        { header: "平均天数", format: "text" },
        { header: "已完成(件)", format: "integer" },
      ],
      rows: s.subsidies.averageDaysPerStage.map((d) => [
        d.zh,
        d.averageDays === null ? "—" : String(d.averageDays),
        d.completed,
      ]),
    },
    countSheet("贷款按结果", { header: "状态", width: 18 }, "申请(件)", f.loanApplications.byOutcome),
    {
      name: "金融机构",
      columns: [
        { header: "金融机构", format: "text", width: 30 },
        { header: "申请(件)", format: "integer" },
        { header: "授信(件)", format: "integer" },
        { header: "拒绝(件)", format: "integer" },
        { header: "处理中(件)", format: "integer" },
        { header: "曾逾期(件)", format: "integer" },
        { header: "授信金额(万元)", format: "wan", width: 16 },
        { header: "放款金额(万元)", format: "wan", width: 16 },
        { header: "平均受理(工作日)", format: "text", width: 16 },
        { header: "平均审批(工作日)", format: "text", width: 16 },
      ],
      rows: f.byBank.map((b) => [
        b.bank,
        b.applications,
        b.approved,
        b.declined,
        b.pending,
        b.overdue,
        b.grantedFen,
        b.disbursedFen,
        b.avgDaysToRespond === null ? "—" : String(b.avgDaysToRespond),
        b.avgDaysToDecide === null ? "—" : String(b.avgDaysToDecide),
      ]),
    },
    {
      name: "响应时间",
      columns: [
        { header: "平均受理(工作日)", format: "text", width: 16 },
        { header: "受理时限(工作日)", format: "integer", width: 16 },
        { header: "平均审批(工作日)", format: "text", width: 16 },
        { header: "审批时限(工作日)", format: "integer", width: 16 },
        { header: "按时受理比例", format: "percent", width: 14 },
      ],
      rows: [
        [
          f.responseDays.accept === null ? "—" : String(f.responseDays.accept),
          f.responseDays.slaAccept,
          f.responseDays.decide === null ? "—" : String(f.responseDays.decide),
          f.responseDays.slaDecide,
          f.responseDays.withinSla,
        ],
      ],
    },
  ];
}

export function statisticsWorkbook(s: Statistics): Response {
  return xlsxResponse({ fileName: `数据看板-${periodName(s)}.xlsx`, sheets: statisticsSheets(s) });
}
