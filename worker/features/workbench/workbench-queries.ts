/**
 * The 工作台's reads, built for one batch: for each kind of waiting work its count and its oldest
 * few rows (OLDEST rows per kind), each through an index whose order is the list's, so the page
 * costs the same at 20,000 applications as at 20 (workbench-plans.test.ts checks the plans).
 */
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import {
  banks,
  enterpriseQualifications,
  enterprises,
  loanApplications,
  onboardingApplications,
  subsidyApplications,
  subsidyObjections,
} from "../../db/schema";
import { queueDueKey, queueSubmittedKey } from "../../db/tables/subsidies";
import { resubmittedInReview } from "../subsidies/resubmitted";

/** How many of each kind's oldest items the 工作台 shows; the rest are one click away in the full list. */
export const OLDEST = 5;

const sa = subsidyApplications;
const la = loanApplications;

/** What a subsidy application's line needs (its programme is named from the policy afterwards). */
const applicationColumns = {
  id: sa.id,
  numberYear: sa.numberYear,
  numberSeq: sa.numberSeq,
  programmeId: sa.programmeId,
  enterprise: enterprises.name,
  stage: sa.stage,
  submittedAt: sa.submittedAt,
  stageEnteredAt: sa.stageEnteredAt,
  decidedAt: sa.decidedAt,
  dueOn: sa.dueOn,
};

/** Past its due day: the key is '' when there is none, which never counts as late. */
const lateSql = (today: string) =>
  sql<number>`sum(case when ${queueDueKey} <> '' and ${queueDueKey} < ${today} then 1 else 0 end)`;

/** Waiting in review at each stage: the counts (and how many are late) per stage, through the queue's stage index. */
export function stageCountsQuery(db: TenantDb, today: string) {
  return db
    .select({ stage: sa.stage, n: sql<number>`count(*)`, late: lateSql(today) })
    .from(sa)
    .where(eq(sa.status, "in_review"))
    .groupBy(sa.stage);
}

/** A stage's oldest waiting applications, in the queue's order (due first, then submitted). */
export function stageOldestQuery(db: TenantDb, stage: string) {
  return db
    .select(applicationColumns)
    .from(sa)
    .innerJoin(enterprises, eq(enterprises.id, sa.enterpriseId))
    .where(and(eq(sa.status, "in_review"), eq(sa.stage, stage)))
    .orderBy(queueDueKey, queueSubmittedKey, sa.id)
    .limit(OLDEST);
}

/** Back in review after a correction (../subsidies/resubmitted.ts), at the stages the actor acts at. */
function resubmittedWhere(stages: string[]) {
  return and(resubmittedInReview, inArray(sa.stage, stages.length ? stages : [""]));
}

export function resubmittedQueries(db: TenantDb, stages: string[], today: string) {
  return {
    count: db
      .select({ n: sql<number>`count(*)`, late: lateSql(today) })
      .from(sa)
      .where(resubmittedWhere(stages)),
    oldest: db
      .select(applicationColumns)
      .from(sa)
      .innerJoin(enterprises, eq(enterprises.id, sa.enterpriseId))
      .where(resubmittedWhere(stages))
      .orderBy(queueDueKey, queueSubmittedKey, sa.id)
      .limit(OLDEST),
  };
}

/** Awarded and not yet (fully) paid: the admins' payments to record, oldest submission first. */
export function awardedQueries(db: TenantDb) {
  return {
    count: db.select({ n: sql<number>`count(*)` }).from(sa).where(eq(sa.status, "awarded")),
    oldest: db
      .select(applicationColumns)
      .from(sa)
      .innerJoin(enterprises, eq(enterprises.id, sa.enterpriseId))
      .where(eq(sa.status, "awarded"))
      .orderBy(queueDueKey, queueSubmittedKey, sa.id)
      .limit(OLDEST),
  };
}

/** Open 公示 objections, the longest-waiting first, with the application each one holds. */
export function objectionQueries(db: TenantDb) {
  const open = eq(subsidyObjections.status, "open");
  return {
    count: db.select({ n: sql<number>`count(*)` }).from(subsidyObjections).where(open),
    oldest: db
      .select({
        objectionId: subsidyObjections.id,
        lodgedAt: subsidyObjections.lodgedAt,
        content: subsidyObjections.content,
        id: sa.id,
        numberYear: sa.numberYear,
        numberSeq: sa.numberSeq,
        programmeId: sa.programmeId,
        enterprise: enterprises.name,
        publicityTo: sa.publicityTo,
      })
      .from(subsidyObjections)
      .innerJoin(sa, eq(sa.id, subsidyObjections.applicationId))
      .innerJoin(enterprises, eq(enterprises.id, sa.enterpriseId))
      .where(open)
      .orderBy(asc(subsidyObjections.lodgedAt), asc(subsidyObjections.id))
      .limit(OLDEST),
  };
}

/** 资质审核: claims waiting for a decision, oldest first (the status index holds that order). */
export function qualificationQueries(db: TenantDb) {
  const q = enterpriseQualifications;
  const pending = eq(q.status, "pending_review");
  return {
    count: db.select({ n: sql<number>`count(*)` }).from(q).where(pending),
    oldest: db
      .select({
        id: q.id,
        code: q.code,
        createdAt: q.createdAt,
        enterpriseId: q.enterpriseId,
        enterprise: enterprises.name,
      })
      .from(q)
      .innerJoin(enterprises, eq(enterprises.id, q.enterpriseId))
      .where(pending)
      .orderBy(asc(q.createdAt), asc(q.id))
      .limit(OLDEST),
  };
}

/** 申请入驻 waiting for a decision (submitted, or resubmitted after a return), oldest first. */
export function onboardingQueries(db: TenantDb) {
  const o = onboardingApplications;
  const waiting = eq(o.status, "submitted");
  return {
    count: db.select({ n: sql<number>`count(*)` }).from(o).where(waiting),
    oldest: db
      .select({ id: o.id, companyName: o.companyName, createdAt: o.createdAt, updatedAt: o.updatedAt })
      .from(o)
      .where(waiting)
      .orderBy(asc(o.createdAt), asc(o.id))
      .limit(OLDEST),
  };
}

/**
 * Loan applications past their response time: not accepted or declined by the accept day, or not
 * decided by the decide day. Two halves, each walking its (status, due day, id) index as the
 * scheduled overdue run does (finance/response-times.ts): an OR across the two due columns reads them all.
 */
export function overdueLoanQueries(db: TenantDb, today: string) {
  const half = (status: "submitted" | "accepted", due: typeof la.acceptDueOn | typeof la.decideDueOn) => {
    const where = and(eq(la.status, status), lt(due, today));
    return {
      count: db.select({ n: sql<number>`count(*)` }).from(la).where(where),
      oldest: db
        .select({
          id: la.id,
          numberYear: la.numberYear,
          numberSeq: la.numberSeq,
          status: la.status,
          bankId: la.bankId,
          enterprise: enterprises.name,
          bank: banks.name,
          submittedAt: la.submittedAt,
          dueOn: due,
        })
        .from(la)
        .innerJoin(enterprises, eq(enterprises.id, la.enterpriseId))
        .innerJoin(banks, eq(banks.id, la.bankId))
        .where(where)
        .orderBy(due, la.id)
        .limit(OLDEST),
    };
  };
  return { toAccept: half("submitted", la.acceptDueOn), toDecide: half("accepted", la.decideDueOn) };
}
