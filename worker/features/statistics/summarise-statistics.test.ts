/** The 数据看板's figures from plain rows: each definition of summarise-statistics.ts, by example. */
import { describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { calendarOf } from "../../lib/calendar";
import { periodOf } from "./period";
import type { StatisticsRows } from "./statistics-queries";
import { summariseStatistics } from "./summarise-statistics";

const DAY = 86_400_000;
const noReport = {
  filed: 0,
  incomplete: 0,
  revenueFen: null,
  rdExpenseFen: null,
  taxPaidFen: null,
  exportsFen: null,
  employees: null,
  rdStaff: null,
  inventionPatentsFiled: null,
  inventionPatentsGranted: null,
  validInventionPatents: null,
};
const none = (): StatisticsRows => [[], [], [], [], [], [], [], [], [], [], [], [], [{ n: 0 }], [{ n: 0 }], [noReport]];
const programmes = {
  title: (id: string) => (id === "p1" ? "技术合同奖补" : "已调整的扶持项目"),
  budgetFen: (id: string) => (id === "p1" ? 500_000_000 : null),
  ids: ["p1"],
};
const run = (rows: StatisticsRows, quarter: number | null = null) =>
  summariseStatistics({ rows, period: periodOf(2026, quarter), zone, calendar: calendarOf(zone), programmes });

describe("the period", () => {
  it("is the calendar year or quarter in Beijing time, with its months", () => {
    expect(periodOf(2026, null)).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodOf(2026, 4)).toMatchObject({
      from: "2026-10-01",
      to: "2026-12-31",
      months: ["2026-10", "2026-11", "2026-12"],
    });
    const q1 = periodOf(2024, 1);
    expect(q1.to).toBe("2024-03-31");
    expect(q1.fromMs).toBe(Date.parse("2023-12-31T16:00:00Z"));
    expect(q1.toMs).toBe(Date.parse("2024-03-31T16:00:00Z"));
  });
});

describe("summariseStatistics", () => {
  it("passes the yearly report's sums through for the period's year, keeping figures no one gave as null", () => {
    const rows = none();
    rows[14] = [{ ...noReport, filed: 3, incomplete: 1, revenueFen: 9_000_000_000, inventionPatentsGranted: 7 }];
    const s = run(rows, 2);
    expect(s.yearlyReport).toEqual({
      ...noReport,
      year: 2026,
      filed: 3,
      incomplete: 1,
      revenueFen: 9_000_000_000,
      inventionPatentsGranted: 7,
    });
    expect(run(none()).yearlyReport).toEqual({ ...noReport, year: 2026 });
  });

  it("gives zeros and empty-but-complete lists for a zone with nothing in the period", () => {
    const s = run(none());
    expect(s.enterprises.total).toBe(0);
    expect(s.enterprises.byIndustry.map((r) => r.key)).toEqual(zone.priorityIndustries.map((i) => i.code));
    expect(s.onboarding.averageDaysToDecide).toBeNull();
    expect(s.subsidies.byMonth).toHaveLength(12);
    expect(s.subsidies.byProgramme).toEqual([
      { programmeId: "p1", title: "技术合同奖补", applications: 0, awardedFen: 0, paidFen: 0, budgetFen: 500_000_000 },
    ]);
    expect(s.subsidies.budgetFen).toBe(500_000_000);
    expect(s.finance.responseDays.withinSla).toBeNull();
    expect(s.reach).toEqual({ noticesSent: 0, applicationsFollowed: 0 });
  });

  it("counts enterprises per industry, unknown industries and blanks apart, and the new ones", () => {
    const rows = none();
    const code = zone.priorityIndustries[0]!.code;
    rows[0] = [
      { industry: code, n: 5, new: 2 },
      { industry: "mining", n: 1, new: 0 },
      { industry: null, n: 2, new: 1 },
    ];
    rows[1] = [{ code: "hnte", n: 3 }];
    const s = run(rows);
    expect(s.enterprises).toMatchObject({ total: 8, new: 3 });
    expect(s.enterprises.byIndustry.find((r) => r.key === code)?.n).toBe(5);
    expect(s.enterprises.byIndustry.slice(-2)).toEqual([
      { key: "mining", zh: "其他(mining)", n: 1 },
      { key: "", zh: "未填写", n: 2 },
    ]);
    expect(s.enterprises.byQualification.find((r) => r.key === "hnte")).toEqual({
      key: "hnte",
      zh: "高新技术企业",
      n: 3,
    });
  });

  it("averages the days to decide 申请入驻 over those decided only", () => {
    const rows = none();
    rows[2] = [
      { status: "approved", n: 2, decided: 2, decideMs: 5 * DAY },
      { status: "rejected", n: 1, decided: 1, decideMs: 4 * DAY },
      { status: "submitted", n: 4, decided: 0, decideMs: 0 },
    ];
    const o = run(rows).onboarding;
    expect(o).toEqual({ received: 7, approved: 2, returned: 0, rejected: 1, waiting: 4, averageDaysToDecide: 3 });
  });

  it("places applications at the zone's stages, keeps a removed stage's, and sums awards and payments by month", () => {
    const rows = none();
    rows[3] = [
      { programmeId: "p1", status: "in_review", stage: "first-review", n: 3 },
      { programmeId: "old", status: "in_review", stage: "first-review", n: 1 },
      { programmeId: "p1", status: "in_review", stage: "gone", n: 2 },
      { programmeId: "p1", status: "returned", stage: "second-review", n: 1 },
      { programmeId: "p1", status: "paid", stage: "payment", n: 4 },
    ];
    rows[4] = [
      { programmeId: "p1", month: "2026-03", n: 2, awardedFen: 300 },
      { programmeId: "old", month: "2026-11", n: 1, awardedFen: 50 },
    ];
    rows[5] = [{ programmeId: "p1", month: "2026-04", paidFen: 200 }];
    const s = run(rows).subsidies;
    expect(s.applications).toBe(11);
    const at = (status: string, stage: string | null) =>
      s.byStage.find((r) => r.status === status && r.stage === stage);
    expect(at("in_review", "first-review")).toMatchObject({
      zh: "初审",
      n: 4,
      byProgramme: [
        { programmeId: "p1", n: 3 },
        { programmeId: "old", n: 1 },
      ],
    });
    expect(at("in_review", null)).toMatchObject({ zh: "审核中(已调整的环节)", n: 2 });
    expect(at("returned", null)?.n).toBe(1);
    expect(at("paid", null)?.n).toBe(4);
    expect(s.byStage.reduce((a, r) => a + r.n, 0)).toBe(11);
    expect(s).toMatchObject({ awardedFen: 350, paidFen: 200 });
    expect(s.byMonth.find((m) => m.month === "2026-03")).toEqual({ month: "2026-03", awardedFen: 300, paidFen: 0 });
    expect(s.byMonth.find((m) => m.month === "2026-04")).toEqual({ month: "2026-04", awardedFen: 0, paidFen: 200 });
    expect(s.byProgramme.find((p) => p.programmeId === "old")).toMatchObject({
      title: "已调整的扶持项目",
      applications: 1,
      awardedFen: 50,
      budgetFen: null,
    });
  });

  it("averages banks' response in working days and tells the share answered within the zone's time", () => {
    const rows = none();
    rows[8] = [
      { bankId: "b1", status: "approved", n: 2, askedFen: 1000, grantedFen: 800, disbursedFen: 0, overdue: 1 },
      { bankId: "b1", status: "declined", n: 1, askedFen: 500, grantedFen: 0, disbursedFen: 0, overdue: 0 },
      { bankId: "b2", status: "submitted", n: 1, askedFen: 100, grantedFen: 0, disbursedFen: 0, overdue: 0 },
    ];
    // Mon 2026-03-02 → Tue 03-03: 1 working day; Mon 03-02 → Mon 03-09: 5 working days.
    rows[9] = [
      { bankId: "b1", from: "2026-03-02", to: "2026-03-03", n: 2 },
      { bankId: "b1", from: "2026-03-02", to: "2026-03-09", n: 1 },
    ];
    rows[11] = [
      { id: "b1", name: "齐商银行" },
      { id: "b2", name: "淄博农商行" },
    ];
    const f = run(rows).finance;
    expect(f.loanApplications.total).toBe(4);
    expect(f.loanApplications.byOutcome.find((o) => o.key === "declined")?.n).toBe(1);
    expect(f).toMatchObject({ askedFen: 1600, grantedFen: 800, disbursedFen: 0 });
    expect(f.responseDays.accept).toBe(2.3);
    expect(f.responseDays.withinSla).toBe(66.7);
    expect(f.byBank[0]).toMatchObject({ bank: "齐商银行", applications: 3, approved: 2, declined: 1, overdue: 1 });
    expect(f.byBank[1]).toMatchObject({ bank: "淄博农商行", applications: 1, pending: 1, avgDaysToRespond: null });
  });
});
