/**
 * The 数据看板's charts, built from its figures: each bar links to the list behind it, with the
 * list's real filters (企业名录 industry/qualification, 入驻审核 status, the subsidy queue's
 * status/stage/programme). Lists that have no period filter show every row: each chart's note says so.
 */
import type { ChartSpec } from "../../components/charts/chart-spec";
import type { StatisticsFigures as Statistics } from "./figures";

const q = (path: string, params: Record<string, string | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  const text = s.toString();
  return text ? `${path}?${text}` : path;
};

export function enterpriseCharts(s: Statistics): ChartSpec[] {
  const e = s.enterprises;
  return [
    {
      id: "ent-industry",
      title: "企业按重点产业",
      kind: "bar",
      categories: e.byIndustry.map((r) => r.zh),
      series: [
        {
          label: "企业数",
          values: e.byIndustry.map((r) => r.n),
          href: e.byIndustry.map((r) => (r.key ? q("/admin/enterprises", { industry: r.key }) : null)),
        },
      ],
      unit: "count",
      note: "期末在册企业(含已暂停),按登记的重点产业;点击柱形查看企业名录中该产业的企业(名录为当前全部企业)。",
    },
    {
      id: "ent-qualification",
      title: "企业按资质",
      kind: "bar",
      categories: e.byQualification.map((r) => r.zh),
      series: [
        {
          label: "企业数",
          values: e.byQualification.map((r) => r.n),
          href: e.byQualification.map((r) => q("/admin/enterprises", { qualification: r.key })),
        },
      ],
      unit: "count",
      note: "持有经园区审核认定资质的企业。",
    },
  ];
}

export function onboardingChart(s: Statistics): ChartSpec {
  const o = s.onboarding;
  const rows: [string, number, string][] = [
    ["已通过", o.approved, "approved"],
    ["待补正", o.returned, "returned"],
    ["未通过", o.rejected, "rejected"],
    ["待审核", o.waiting, "submitted"],
  ];
  return {
    id: "onboarding",
    title: "期内收到的入驻申请及处理结果",
    kind: "bar",
    categories: rows.map((r) => r[0]),
    series: [
      {
        label: "申请数",
        values: rows.map((r) => r[1]),
        href: rows.map((r) => q("/admin/onboarding", { status: r[2] })),
      },
    ],
    unit: "count",
    note: "按申请提交日期计入统计期间,按申请目前所处状态分列;入驻审核列表按状态列出全部申请。",
  };
}

export function subsidyCharts(s: Statistics): ChartSpec[] {
  const sub = s.subsidies;
  const months = sub.byMonth.map((m) => `${Number(m.month.slice(5))}月`);
  // One series per programme that has applications, so each stage's bar shows what it is made of.
  const programmes = sub.byProgramme.filter((p) => p.applications > 0);
  // Budget use: programmes with a budget or money moved; the rest would be rows of zeros.
  const money = sub.byProgramme.filter((p) => p.budgetFen !== null || p.awardedFen > 0 || p.paidFen > 0);
  const charts: ChartSpec[] = [
    {
      id: "sub-stage",
      title: "奖补申报所处环节(按扶持项目)",
      kind: "stackedBar",
      categories: sub.byStage.map((r) => r.zh),
      series: programmes.map((p) => ({
        label: p.title,
        values: sub.byStage.map((r) => r.byProgramme.find((x) => x.programmeId === p.programmeId)?.n ?? 0),
        href: sub.byStage.map((r) =>
          q("/admin/subsidies", { status: r.status, stage: r.stage, programme: p.programmeId }),
        ),
      })),
      unit: "count",
      note: "期内首次提交的申报,按目前所处环节;政策兑现列表不按期间筛选,显示全部申报。",
    },
    {
      id: "sub-month",
      title: "每月核定与拨付金额",
      kind: "bar",
      categories: months,
      series: [
        { label: "核定金额", values: sub.byMonth.map((m) => m.awardedFen) },
        { label: "拨付金额", values: sub.byMonth.map((m) => m.paidFen) },
      ],
      unit: "fen",
      note: "核定按批准日期、拨付按拨付台账的拨付日期计入当月。",
    },
    {
      id: "sub-budget",
      title: "各扶持项目核定金额与年度预算",
      kind: "bar",
      categories: money.map((p) => p.title),
      series: [
        {
          label: "核定金额",
          values: money.map((p) => p.awardedFen),
          href: money.map((p) => q("/admin/subsidies", { programme: p.programmeId })),
        },
        { label: "拨付金额", values: money.map((p) => p.paidFen) },
      ],
      reference: { label: "年度预算", values: money.map((p) => p.budgetFen) },
      unit: "fen",
      note: "列出设有年度预算或期内有核定、拨付的项目;年度预算取现行政策中各项目的设定。",
    },
    {
      id: "sub-days",
      title: "各审核环节平均用时",
      kind: "bar",
      categories: sub.averageDaysPerStage.map((d) => d.zh),
      series: [{ label: "平均用时", values: sub.averageDaysPerStage.map((d) => d.averageDays) }],
      unit: "days",
      note: "按园区全部历史申报中已离开该环节的记录计算(自然日)。",
    },
  ];
  return charts;
}

export function financeCharts(s: Statistics): ChartSpec[] {
  const f = s.finance;
  const banks = f.byBank.filter((b) => b.applications > 0);
  return [
    {
      id: "fin-bank",
      title: "各金融机构贷款申请结果",
      kind: "stackedBar",
      categories: banks.map((b) => b.bank),
      series: [
        { label: "已授信或放款", values: banks.map((b) => b.approved), href: banks.map(() => "/admin/finance") },
        { label: "已拒绝", values: banks.map((b) => b.declined), href: banks.map(() => "/admin/finance") },
        { label: "处理中", values: banks.map((b) => b.pending), href: banks.map(() => "/admin/finance") },
      ],
      unit: "count",
      note: "期内提交的贷款申请,按目前状态;金融超市统计页列出各机构的全部申请。",
    },
    {
      id: "fin-days",
      title: "各金融机构平均响应时间与时限",
      kind: "bar",
      categories: banks.map((b) => b.bank),
      series: [
        { label: "平均受理用时", values: banks.map((b) => b.avgDaysToRespond) },
        { label: "平均审批用时", values: banks.map((b) => b.avgDaysToDecide) },
      ],
      reference: {
        label: `受理时限 ${f.responseDays.slaAccept} 个工作日`,
        values: banks.map(() => f.responseDays.slaAccept),
      },
      unit: "number",
      unitLabel: "个工作日",
      note: `工作日按国家法定节假日和本园区的调整计算;审批时限为 ${f.responseDays.slaDecide} 个工作日。`,
    },
  ];
}
