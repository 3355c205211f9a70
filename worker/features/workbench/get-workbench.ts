/**
 * The 工作台 (staff home): what waits for this staff member and the zone — applications at each
 * stage they act at, open 公示 objections, applications back after a correction, awards to pay,
 * 申请入驻 and 资质 claims to decide, loan applications past their response time, 风险补偿 claims
 * to review — each as a count, how many are late, and its oldest few, read in ONE batch
 * (./workbench-queries.ts) with the policy in force that names the programmes.
 *
 * Reviewers see what they may act on: the stages whose roles include them, objections (to know
 * what is held; the zone admin decides them), claims, 入驻, and 风险补偿 claims (to read; the zone
 * admin decides them). Payments and overdue loans, which only a zone admin acts on (payments are
 * admin-only; escalations go to the admins), are theirs.
 */
import type { WorkbenchItemView, WorkbenchSectionView } from "../../../web/pages/workbench/workbench-page";
import type { BatchItem } from "drizzle-orm/batch";
import { applicationNumber } from "../../lib/application-number";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { currentPolicyQuery, policyFromRow } from "../policies/current-policy";
import { titleFrom } from "../subsidies/programme-title";
import {
  awardedQueries,
  objectionQueries,
  onboardingQueries,
  overdueLoanQueries,
  qualificationQueries,
  resubmittedQueries,
  stageCountsQuery,
  stageOldestQuery,
} from "./workbench-queries";
import { riskClaimQueries, riskClaimSection } from "./risk-claims-card";

export type WorkbenchKind =
  | "stage"
  | "objections"
  | "resubmitted"
  | "awards"
  | "onboarding"
  | "qualifications"
  | "loans"
  | "risk_claims";

/** An item waiting (the view's shape: web/pages/workbench). */
export type WorkbenchItem = WorkbenchItemView;

/** A kind of waiting work: the view's card, with the kind it counts. */
export interface WorkbenchSection extends WorkbenchSectionView {
  kind: WorkbenchKind;
}

export interface Workbench {
  today: string;
  sections: WorkbenchSection[];
}

const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);
const subsidyHref = (id: string) => `/admin/subsidies/applications/${id}`;

export async function getWorkbench(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "actor" | "now">): Promise<Workbench> {
  const { db, zone, actor } = ctx;
  if (actor.role !== "zone_admin" && actor.role !== "reviewer")
    throw new AppError("forbidden", "工作台只对园区管理员和审核员开放。");
  const admin = actor.role === "zone_admin";
  const today = shanghaiDate(ctx.now);
  // The stages this person acts at (公示 moves by itself); a zone admin sees every one.
  const stages = zone.subsidy.stages.filter(
    (s) => s.kind !== "publicity" && (admin || (s.roles as string[]).includes(actor.role)),
  );
  const publicity = zone.subsidy.stages.find((s) => s.kind === "publicity");

  const objections = objectionQueries(db);
  const resubmitted = resubmittedQueries(
    db,
    stages.map((s) => s.key),
    today,
  );
  const onboarding = onboardingQueries(db);
  const claims = qualificationQueries(db);
  const awarded = awardedQueries(db);
  const loans = overdueLoanQueries(db, today);
  const risk = riskClaimQueries(db, today);
  const fixed = [
    currentPolicyQuery(db, zone, today),
    stageCountsQuery(db, today),
    objections.count,
    objections.oldest,
    resubmitted.count,
    resubmitted.oldest,
    onboarding.count,
    onboarding.oldest,
    claims.count,
    claims.oldest,
    risk.count,
    risk.oldest,
  ] as const;
  const adminOnly = admin
    ? ([
        awarded.count,
        awarded.oldest,
        loans.toAccept.count,
        loans.toAccept.oldest,
        loans.toDecide.count,
        loans.toDecide.oldest,
      ] as const)
    : [];
  const perStage = stages.map((s) => stageOldestQuery(db, s.key));
  // One round trip: every count and every list, whatever the role (docs/decisions/0019).
  const answers = await db.batch([...fixed, ...adminOnly, ...perStage] as unknown as [
    BatchItem<"sqlite">,
    ...BatchItem<"sqlite">[],
  ]);
  type A<T> = Awaited<T>;
  const [
    policyRow,
    stageCounts,
    objCount,
    objOldest,
    reCount,
    reOldest,
    onbCount,
    onbOldest,
    qCount,
    qOldest,
    rcCount,
    rcOldest,
  ] = answers as unknown as { [K in keyof typeof fixed]: A<(typeof fixed)[K]> };
  const policy = await policyFromRow(ctx, policyRow[0]);
  const title = titleFrom(policy?.compiled);

  type AppLine = A<ReturnType<typeof stageOldestQuery>>[number];
  const appItem = (a: AppLine, since: number | null): WorkbenchItem => ({
    id: a.id,
    number: applicationNumber(zone, "subsidy", a),
    title: a.enterprise,
    detail: title(a.programmeId),
    since,
    dueOn: a.dueOn,
    overdue: a.dueOn !== null && a.dueOn < today,
    href: subsidyHref(a.id),
  });
  const stageZh = (key: string | null) => zone.subsidy.stages.find((s) => s.key === key)?.zh ?? "";

  const sections: WorkbenchSection[] = [];
  sections.push({
    key: "objections",
    kind: "objections",
    title: "公示异议待处理",
    count: n(objCount),
    late: null,
    listHref: publicity ? `/admin/subsidies?status=in_review&stage=${publicity.key}` : "/admin/subsidies",
    empty: "没有待处理的异议。",
    note: admin ? null : "异议由园区管理员处理;处理前,相关申报暂停推进。",
    items: objOldest.map((o) => ({
      id: o.id,
      number: applicationNumber(zone, "subsidy", o),
      title: o.enterprise,
      detail: `${title(o.programmeId)}:${o.content.length > 40 ? `${o.content.slice(0, 40)}…` : o.content}`,
      since: o.lodgedAt,
      // The notice period is over and only the objection holds the application.
      dueOn: o.publicityTo,
      overdue: o.publicityTo !== null && o.publicityTo < today,
      href: `${subsidyHref(o.id)}#h-objections`,
    })),
  });
  stages.forEach((s, i) => {
    const counted = stageCounts.find((c) => c.stage === s.key);
    const rows = answers[fixed.length + adminOnly.length + i] as unknown as AppLine[];
    const label = s.kind === "payment" ? `待批准${s.zh}` : `待${s.zh}`;
    sections.push({
      key: `stage:${s.key}`,
      kind: "stage",
      title: label,
      count: Number(counted?.n ?? 0),
      late: Number(counted?.late ?? 0),
      listHref: `/admin/subsidies?status=in_review&stage=${s.key}`,
      empty: `没有${label}的申报。`,
      note: null,
      items: rows.map((a) => appItem(a, a.stageEnteredAt)),
    });
  });
  sections.push({
    key: "resubmitted",
    kind: "resubmitted",
    title: "补正后重新提交",
    count: n(reCount),
    late: Number(reCount[0]?.late ?? 0),
    // The queue's 仅看退回后重新提交 is the same list (subsidies/resubmitted.ts); narrowed to the one stage a
    // person acts at when there is one, so the count and the list agree.
    listHref: `/admin/subsidies?status=in_review${stages.length === 1 ? `&stage=${stages[0]!.key}` : ""}&resubmitted=1`,
    empty: "没有补正后重新提交、待办理的申报。",
    note: null,
    items: reOldest.map((a) => ({
      ...appItem(a, a.stageEnteredAt),
      detail: `${title(a.programmeId)} · ${stageZh(a.stage)}`,
    })),
  });
  if (admin) {
    const [aCount, aOldest, accCount, accOldest, decCount, decOldest] = answers.slice(fixed.length) as unknown as [
      { n: number }[],
      AppLine[],
      { n: number }[],
      A<ReturnType<typeof overdueLoanQueries>["toAccept"]["oldest"]>,
      { n: number }[],
      A<ReturnType<typeof overdueLoanQueries>["toDecide"]["oldest"]>,
    ];
    sections.push({
      key: "awards",
      kind: "awards",
      title: "已批准待拨付",
      count: n(aCount),
      late: null,
      listHref: "/admin/subsidies?status=awarded",
      empty: "没有待拨付的资金。",
      note: null,
      items: aOldest.map((a) => ({ ...appItem(a, a.decidedAt), dueOn: null, overdue: false })),
    });
    const loanItems = [...accOldest, ...decOldest]
      .sort((x, y) => (x.dueOn! < y.dueOn! ? -1 : x.dueOn! > y.dueOn! ? 1 : x.id < y.id ? -1 : 1))
      .slice(0, 5)
      .map((l) => ({
        id: l.id,
        number: applicationNumber(zone, "loan", l),
        // The bank is who must answer: its page has the contacts to chase (staff have no loan page of their own).
        title: l.bank,
        detail: `${l.enterprise}的申请 · ${l.status === "submitted" ? "未受理" : "未作授信决定"}`,
        since: l.submittedAt,
        dueOn: l.dueOn,
        overdue: true,
        href: `/admin/banks/${l.bankId}`,
      }));
    const loanCount = n(accCount) + n(decCount);
    sections.push({
      key: "loans",
      kind: "loans",
      title: "贷款申请超时未答复",
      count: loanCount,
      late: loanCount,
      listHref: "/admin/finance",
      empty: "没有超过答复时限的贷款申请。",
      note: "由金融机构答复;系统已按时限提醒机构,可在机构页面找到联系人督办。",
      items: loanItems,
    });
  }
  sections.push({
    key: "onboarding",
    kind: "onboarding",
    title: "申请入驻待审核",
    count: n(onbCount),
    late: null,
    listHref: "/admin/onboarding?status=submitted",
    empty: "没有待审核的入驻申请。",
    note: null,
    items: onbOldest.map((o) => ({
      id: o.id,
      number: null,
      title: o.companyName,
      detail: o.updatedAt > o.createdAt ? "补正后重新提交" : "新申请",
      since: o.updatedAt,
      dueOn: null,
      overdue: false,
      href: `/admin/onboarding/${o.id}`,
    })),
  });
  const qualZh = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  sections.push({
    key: "qualifications",
    kind: "qualifications",
    title: "资质认定待审核",
    count: n(qCount),
    late: null,
    listHref: "/admin/qualifications",
    empty: "没有待审核的资质认定。",
    note: null,
    items: qOldest.map((q) => ({
      id: q.id,
      number: null,
      title: q.enterprise,
      detail: qualZh.get(q.code) ?? q.code,
      since: q.createdAt,
      dueOn: null,
      overdue: false,
      href: "/admin/qualifications",
    })),
  });
  sections.push(riskClaimSection(rcCount, rcOldest, { admin, today }));
  return { today, sections };
}
