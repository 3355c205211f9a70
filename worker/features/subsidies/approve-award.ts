/**
 * Approving an award for payment (passing the 拨付 stage) checks the limits
 * again at the moment of writing: the engine re-evaluates the application
 * against the enterprise's awards as they are now (annual and per-project caps,
 * once only, N years, exclusion groups), and the write itself is conditional on
 * (a) those awards being exactly the ones evaluated — a fingerprint of count
 * and sum — and (b) the programme's annual budget still covering the amount.
 * SQLite applies one write at a time, so 50 approvals racing against one cap or
 * budget cannot exceed it: a loser's write matches nothing, and it re-evaluates
 * against the new history (up to a few times) or is refused with the reason.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { subsidyApplications, type SubsidyApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { evaluate } from "../../engines/policy/evaluate";
import { parseFacts } from "../../engines/policy/facts";
import { formatMoney, moneyFormatter } from "../../lib/money";
import { shanghaiDate } from "../../lib/calendar";
import { lprSeries } from "../../lib/lpr";
import { loadPolicyVersion, policyFromRow, policyVersionsQuery } from "../policies/current-policy";
import { enterpriseProfileQueries, loadEnterpriseProfiles, profilesFrom } from "../policies/enterprise-profiles";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { AWARDED } from "./award-history";
import { awardHistory, parseJson } from "./context";
import { transition } from "./transition";

const ATTEMPTS = 8;

/**
 * The reads an approval needs, as queries for the application's own read batch (the application's
 * id names both through subqueries): the policy version it was submitted under and its enterprise's profile.
 */
export function approvalReads(ctx: Pick<RequestCtx, "db" | "zone">, id: string) {
  const { db, zone } = ctx;
  const ofApp = (col: typeof subsidyApplications.policyVersion | typeof subsidyApplications.enterpriseId) =>
    db.select({ v: col }).from(subsidyApplications).where(eq(subsidyApplications.id, id));
  return [
    policyVersionsQuery(db, zone, ofApp(subsidyApplications.policyVersion)),
    ...enterpriseProfileQueries(db, sql`(${ofApp(subsidyApplications.enterpriseId)})`),
  ] as const;
}
export interface ApprovalReads {
  version: Parameters<typeof policyFromRow>[1][];
  profile: Parameters<typeof profilesFrom>[0];
}

export async function approveAward(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  first: SubsidyApplicationRow,
  o: { amountFen: number | null; reason: string | null; title: string; emails: readonly string[] },
  /** Read with the application (review-application.ts): its policy version and its enterprise's profile. */
  pre?: ApprovalReads,
): Promise<SubsidyApplicationRow> {
  const { db, now, actor } = ctx;
  if (o.amountFen === null) throw new AppError("validation_failed", "请先确定核定金额。", { amountFen: "必填" });
  const compiled = pre
    ? ((await policyFromRow(ctx, pre.version[0]))?.compiled ?? null)
    : await loadPolicyVersion(ctx, first.policyVersion ?? 0);
  const programme = compiled?.programmes.get(first.programmeId);
  if (!programme) throw new AppError("conflict", "找不到这份申报所依据的政策版本。");
  // The limits are checked as of the first submission, not today: that is the award year caps
  // and budgets count the application in (submit-application.ts sets both at once), and a window
  // or policy term that has closed since does not undo a timely application. As of today, a
  // January approval of a December application was capped against the new year (exceeding the
  // old year's cap), and every approval after a window closed was refused as "金额为0".
  const asOf = first.submittedAt !== null ? shanghaiDate(new Date(first.submittedAt)) : shanghaiDate(now);
  const [enterprise] = pre
    ? profilesFrom(pre.profile, asOf, first.id)
    : await loadEnterpriseProfiles(ctx, asOf, first.enterpriseId);
  // The awards as read with the application serve the first attempt; a retry reads them again.
  let preread = pre ? enterprise?.awards.awards : undefined;
  const facts = parseFacts(programme, parseJson(first.facts, {}));
  if (!facts.ok) throw new AppError("conflict", "申报信息与政策不符,请退回补正。");
  let app = first;
  const lpr = lprSeries(ctx.zone.finance.lpr);

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const history = preread ?? (await awardHistory(db, app.enterpriseId, app.id));
    preread = undefined;
    const count = history.length;
    const sum = history.reduce((s, a) => s + a.amountFen, 0);
    const profile = enterprise?.profile;
    const result = evaluate(programme, { facts: facts.facts, profile, history, date: asOf, lpr });
    const failed = result.conditions.filter((c) => c.id.startsWith("limit-") && c.result === "fail");
    if (failed.length)
      throw new AppError("conflict", `超出限额,不能批准:${failed.map((c) => `${c.label}——${c.reason}`).join(";")}`);
    // Any other failure (a qualification revoked since) zeroes the amount: say which, not "金额为0".
    const other = result.conditions.filter((c) => c.result === "fail");
    if (other.length)
      throw new AppError(
        "conflict",
        `申报条件已不满足,不能批准:${other.map((c) => `${c.label}——${c.reason}`).join(";")}。请退回补正或驳回。`,
      );
    // What the limits leave: an exact amount, the top of a review range, or no limit (一事一议).
    const allowed = result.amountFen ?? result.range?.maxFen ?? Number.POSITIVE_INFINITY;
    const amount = Math.min(o.amountFen, allowed);
    if (amount <= 0) throw new AppError("conflict", "按限额计算,本次可批准的金额为0。");
    const budget = programme.annualBudgetFen;
    const awarded = and(
      eq(subsidyApplications.enterpriseId, app.enterpriseId),
      inArray(subsidyApplications.status, AWARDED),
      ne(subsidyApplications.id, app.id),
    );
    const amountSum = sql`coalesce(sum(${subsidyApplications.amountFen}), 0)`;
    const seen = `${count}:${sum}`;
    const awardedSoFar = sql`select count(*) || ':' || ${amountSum} from ${subsidyApplications} where ${awarded}`;
    const unchangedHistory = sql`(${awardedSoFar}) = ${seen}`;
    const sameYear = sql`${subsidyApplications.awardYear} = ${app.awardYear}`;
    const sameBudget = sql`${subsidyApplications.programmeId} = ${app.programmeId} and ${sameYear}`;
    const awardedOrPaid = sql`${subsidyApplications.status} in ('awarded', 'paid')`;
    const budgetUsed = sql`(select ${amountSum} from ${subsidyApplications} where ${sameBudget} and ${awardedOrPaid})`;
    const withinBudget = budget === undefined ? undefined : sql`${budgetUsed} + ${amount} <= ${budget}`;
    try {
      return await transition(ctx, app, {
        set: { status: "awarded", amountFen: amount, lastPassedBy: actor.id, decidedAt: now.getTime(), dueOn: null },
        guard: and(unchangedHistory, withinBudget),
        event: {
          action: "awarded",
          stage: app.stage,
          amountFen: amount,
          note: amount < o.amountFen ? `按限额核定为${formatMoney(amount)}` : o.reason,
        },
        actor,
        notice: {
          emails: o.emails,
          subject: `${o.title}:已批准拨付`,
          lines: [
            `“${o.title}”的申报已批准拨付,金额${formatMoney(amount)}。`,
            "资金拨付后,平台会再通知你拨付日期和凭证号。",
          ],
        },
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "conflict") throw err;
      const [fresh] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, app.id));
      if (!fresh || fresh.revision !== app.revision) throw err; // someone else acted on this application
      if (budget !== undefined) {
        const [{ used }] = (await db.all<{ used: number }>(sql`select ${budgetUsed} as used`)) as [{ used: number }];
        const m = moneyFormatter(budget, used, amount);
        if (used + amount > budget)
          throw new AppError(
            "conflict",
            `年度预算不足:${app.awardYear}年预算${m(budget)},已批准${m(used)},` +
              `剩余${m(Math.max(0, budget - used))},不足以批准${m(amount)}。`,
          );
      }
      app = fresh; // the enterprise's awards changed meanwhile: evaluate again
    }
  }
  throw new AppError("conflict", "同时处理的申报较多,请稍后重试。");
}
