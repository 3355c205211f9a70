/**
 * The 工作台's 风险补偿 card: claims waiting for the zone's decision (../risk-pool), their count, how
 * many are past their review day and the oldest few — its reads for the 工作台's one batch, then the card.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { banks, enterprises, riskClaims } from "../../db/schema";
import { formatMoney } from "../../lib/money";
import type { WorkbenchSectionView } from "../../../web/pages/workbench/workbench-page";
import { OLDEST } from "./workbench-queries";

/**
 * 风险补偿 claims waiting for the zone's decision, oldest filed first, with how many are past their
 * review day. The oldest are read through risk_claims_status_time_idx (status, filed_at, id), so the
 * read stops at the fifth waiting claim and nothing is sorted.
 */
export function riskClaimQueries(db: TenantDb, today: string) {
  const waiting = eq(riskClaims.status, "submitted");
  return {
    count: db
      .select({
        n: sql<number>`count(*)`,
        late: sql<number>`sum(case when ${riskClaims.reviewDueOn} < ${today} then 1 else 0 end)`,
      })
      .from(riskClaims)
      .where(waiting),
    oldest: db
      .select({
        id: riskClaims.id,
        filedAt: riskClaims.filedAt,
        reviewDueOn: riskClaims.reviewDueOn,
        outstandingFen: riskClaims.outstandingFen,
        enterprise: enterprises.name,
        bank: banks.name,
      })
      .from(riskClaims)
      .innerJoin(enterprises, eq(enterprises.id, riskClaims.enterpriseId))
      .innerJoin(banks, eq(banks.id, riskClaims.bankId))
      .where(waiting)
      .orderBy(asc(riskClaims.filedAt), asc(riskClaims.id))
      .limit(OLDEST),
  };
}

type Answers<T> = Awaited<T>;

/** The card from the two reads' answers; reviewers read the claims, the zone admin decides them. */
export function riskClaimSection(
  count: Answers<ReturnType<typeof riskClaimQueries>["count"]>,
  oldest: Answers<ReturnType<typeof riskClaimQueries>["oldest"]>,
  o: { admin: boolean; today: string },
): WorkbenchSectionView & { kind: "risk_claims" } {
  return {
    key: "risk_claims",
    kind: "risk_claims",
    title: "风险补偿申请待审核",
    count: Number(count[0]?.n ?? 0),
    late: Number(count[0]?.late ?? 0),
    listHref: "/admin/risk-pool?status=submitted",
    empty: "没有待审核的风险补偿申请。",
    note: o.admin ? null : "由园区管理员审批;审核员可以查看申请和材料。",
    items: oldest.map((r) => ({
      id: r.id,
      number: null,
      title: r.enterprise,
      detail: `${r.bank} · 未偿本金${formatMoney(r.outstandingFen)}`,
      since: r.filedAt,
      dueOn: r.reviewDueOn,
      overdue: r.reviewDueOn < o.today,
      href: `/admin/risk-pool/claims/${r.id}`,
    })),
  };
}
