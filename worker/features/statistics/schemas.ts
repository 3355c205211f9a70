/**
 * The 数据看板's figures as the API answers them (and the page and the workbook draw): declared once
 * with zod for the OpenAPI document; the TypeScript type is inferred from it. Money is integer fen;
 * days are calendar days unless named working days.
 */
import { z } from "@hono/zod-openapi";
import type { StatisticsFigures } from "../../../web/pages/statistics/figures";

const Keyed = z.object({ key: z.string(), zh: z.string(), n: z.number().int() });
const Month = z.object({
  month: z.string().openapi({ example: "2026-03" }),
  awardedFen: z.number().int(),
  paidFen: z.number().int(),
});

export const StatisticsSchema = z
  .object({
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    period: z
      .object({ from: z.string(), to: z.string() })
      .openapi({ description: "YYYY-MM-DD, inclusive, Asia/Shanghai" }),
    enterprises: z.object({
      total: z.number().int().openapi({ description: "In the directory at the period's end (any status)" }),
      new: z.number().int().openapi({ description: "Admitted (created) in the period" }),
      byIndustry: z.array(Keyed),
      byQualification: z.array(Keyed).openapi({ description: "Verified qualifications held, per kind" }),
    }),
    onboarding: z.object({
      received: z.number().int().openapi({ description: "申请入驻 submitted in the period" }),
      approved: z.number().int(),
      returned: z
        .number()
        .int()
        .openapi({ description: "Of those received: waiting for the applicant's correction now" }),
      rejected: z.number().int(),
      waiting: z.number().int().openapi({ description: "Of those received: waiting for review now" }),
      averageDaysToDecide: z.number().nullable().openapi({ description: "Calendar days, submission to decision" }),
    }),
    subsidies: z.object({
      applications: z.number().int().openapi({ description: "First submitted in the period" }),
      byStage: z.array(
        z.object({
          status: z.string(),
          stage: z.string().nullable(),
          zh: z.string(),
          n: z.number().int(),
          byProgramme: z.array(z.object({ programmeId: z.string(), n: z.number().int() })),
        }),
      ),
      byProgramme: z.array(
        z.object({
          programmeId: z.string(),
          title: z.string(),
          applications: z.number().int(),
          awardedFen: z.number().int(),
          paidFen: z.number().int(),
          budgetFen: z.number().int().nullable().openapi({ description: "Annual budget in the policy in force" }),
        }),
      ),
      awardedFen: z.number().int().openapi({ description: "Approved in the period (awarded or paid since)" }),
      paidFen: z.number().int().openapi({ description: "Paid in the period (the payment ledger)" }),
      budgetFen: z.number().int().nullable().openapi({ description: "Sum of the programmes' annual budgets" }),
      byMonth: z.array(Month),
      averageDaysPerStage: z.array(
        z.object({
          stage: z.string(),
          zh: z.string(),
          averageDays: z.number().nullable(),
          completed: z.number().int(),
        }),
      ),
    }),
    finance: z.object({
      needsPosted: z.number().int(),
      needsMet: z.number().int(),
      needsOpen: z.number().int(),
      loanApplications: z.object({
        total: z.number().int(),
        byOutcome: z.array(Keyed),
      }),
      askedFen: z.number().int(),
      grantedFen: z.number().int(),
      disbursedFen: z.number().int(),
      responseDays: z.object({
        accept: z.number().nullable().openapi({ description: "Average working days to 受理 or 拒绝" }),
        decide: z.number().nullable().openapi({ description: "Average working days from submission to 授信 or 拒绝" }),
        slaAccept: z.number().int(),
        slaDecide: z.number().int(),
        withinSla: z.number().nullable().openapi({ description: "Percent of first answers within slaAccept" }),
      }),
      byBank: z.array(
        z.object({
          bankId: z.string(),
          bank: z.string(),
          applications: z.number().int(),
          approved: z.number().int(),
          declined: z.number().int(),
          pending: z.number().int(),
          overdue: z.number().int(),
          grantedFen: z.number().int(),
          disbursedFen: z.number().int(),
          avgDaysToRespond: z.number().nullable(),
          avgDaysToDecide: z.number().nullable(),
        }),
      ),
    }),
    yearlyReport: z
      .object({
        year: z.number().int(),
        filed: z.number().int().openapi({ description: "Active enterprises whose figures for the year are whole" }),
        incomplete: z.number().int().openapi({ description: "Active enterprises with some of the year's figures" }),
        revenueFen: z.number().int().nullable(),
        rdExpenseFen: z.number().int().nullable(),
        taxPaidFen: z.number().int().nullable(),
        exportsFen: z.number().int().nullable(),
        employees: z.number().int().nullable(),
        rdStaff: z.number().int().nullable(),
        inventionPatentsFiled: z.number().int().nullable(),
        inventionPatentsGranted: z.number().int().nullable(),
        validInventionPatents: z.number().int().nullable(),
      })
      .openapi({ description: "The yearly enterprise report of the period's year: the figures summed over the zone" }),
    reach: z.object({
      noticesSent: z.number().int().openapi({ description: "免申即享 mails sent in the period" }),
      applicationsFollowed: z
        .number()
        .int()
        .openapi({ description: "Applications submitted in the period for a programme first mailed about" }),
    }),
  })
  .openapi("ZoneStatistics");

export type Statistics = z.infer<typeof StatisticsSchema>;

/** The views' declaration of the same shape (web/ imports nothing from features): a drift fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const VIEWS_AGREE: Same<Statistics, StatisticsFigures> = true;
