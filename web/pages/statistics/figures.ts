/**
 * The 数据看板's figures as its views receive them (money in fen). The API declares the same shape
 * with zod (worker/features/statistics/schemas.ts), which checks at compile time that the two agree.
 */
interface Keyed {
  key: string;
  zh: string;
  n: number;
}

export interface StatisticsFigures {
  year: number;
  quarter: number | null;
  period: { from: string; to: string };
  enterprises: { total: number; new: number; byIndustry: Keyed[]; byQualification: Keyed[] };
  onboarding: {
    received: number;
    approved: number;
    returned: number;
    rejected: number;
    waiting: number;
    averageDaysToDecide: number | null;
  };
  subsidies: {
    applications: number;
    byStage: {
      status: string;
      stage: string | null;
      zh: string;
      n: number;
      byProgramme: { programmeId: string; n: number }[];
    }[];
    byProgramme: {
      programmeId: string;
      title: string;
      applications: number;
      awardedFen: number;
      paidFen: number;
      budgetFen: number | null;
    }[];
    awardedFen: number;
    paidFen: number;
    budgetFen: number | null;
    byMonth: { month: string; awardedFen: number; paidFen: number }[];
    averageDaysPerStage: { stage: string; zh: string; averageDays: number | null; completed: number }[];
  };
  finance: {
    needsPosted: number;
    needsMet: number;
    needsOpen: number;
    loanApplications: { total: number; byOutcome: Keyed[] };
    askedFen: number;
    grantedFen: number;
    disbursedFen: number;
    responseDays: {
      accept: number | null;
      decide: number | null;
      slaAccept: number;
      slaDecide: number;
      withinSla: number | null;
    };
    byBank: {
      bankId: string;
      bank: string;
      applications: number;
      approved: number;
      declined: number;
      pending: number;
      overdue: number;
      grantedFen: number;
      disbursedFen: number;
      avgDaysToRespond: number | null;
      avgDaysToDecide: number | null;
    }[];
  };
  yearlyReport: {
    year: number;
    filed: number;
    incomplete: number;
    revenueFen: number | null;
    rdExpenseFen: number | null;
    taxPaidFen: number | null;
    exportsFen: number | null;
    employees: number | null;
    rdStaff: number | null;
    inventionPatentsFiled: number | null;
    inventionPatentsGranted: number | null;
    validInventionPatents: number | null;
  };
  reach: { noticesSent: number; applicationsFollowed: number };
}
