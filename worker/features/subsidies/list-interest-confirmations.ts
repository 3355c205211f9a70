/**
 * 贴息确认 for a bank's staff: the applications started from the bank's own loans, submitted and not
 * yet decided, waiting for the bank to confirm the interest paid (oldest submission first) or already
 * confirmed (most recent first). One round trip: the rows with their enterprise, loan and product, and
 * the policy in force whose programmes name the facts (the interest period, the interest stated).
 */
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { enterprises, loanApplications, loanProducts, subsidyApplications } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { RETIRED_PROGRAMME, STATUS_ZH } from "../../../web/labels/subsidies";
import type { InterestConfirmationRow } from "../../../web/pages/subsidies/bank-interest";
import { currentPolicyQuery, policyFromRow } from "../policies/current-policy";
import { interestComponent } from "./application-loan";
import { confirmableBy, confirmingBank } from "./confirm-interest";
import { parseJson } from "./context";

/** At most this many of each list: a bank confirms as they come; older ones are on the loan's page. */
export const INTEREST_LIST_MAX = 100;

export async function listInterestConfirmations(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
): Promise<{ pending: InterestConfirmationRow[]; confirmed: InterestConfirmationRow[] }> {
  const { db, zone } = ctx;
  const bankId = confirmingBank(ctx.actor);
  const a = subsidyApplications;
  const rows = (confirmed: boolean) =>
    db
      .select({
        app: a,
        enterprise: enterprises.name,
        loan: {
          id: loanApplications.id,
          numberYear: loanApplications.numberYear,
          numberSeq: loanApplications.numberSeq,
          amountFen: loanApplications.disbursedAmountFen,
          rateBp: loanApplications.approvedRateBp,
          disbursedOn: loanApplications.disbursedOn,
        },
        productName: loanProducts.name,
      })
      .from(a)
      .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
      .innerJoin(loanApplications, eq(loanApplications.id, a.loanId))
      .innerJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
      .where(and(confirmableBy(bankId), confirmed ? isNotNull(a.interestConfirmedAt) : isNull(a.interestConfirmedAt)))
      .orderBy(confirmed ? desc(a.interestConfirmedAt) : asc(a.submittedAt), asc(a.id))
      .limit(INTEREST_LIST_MAX);
  const [pending, confirmed, versions] = await db.batch([
    rows(false),
    rows(true),
    currentPolicyQuery(db, zone, shanghaiDate(ctx.now)),
  ]);
  const policy = await policyFromRow(ctx, versions[0]);
  const toRow = (r: (typeof pending)[number]): InterestConfirmationRow => {
    const programme = policy?.compiled.programmes.get(r.app.programmeId);
    const c = programme ? interestComponent(programme.amount) : null;
    const facts = parseJson<Record<string, unknown>>(r.app.facts, {});
    const text = (name: string | undefined) =>
      name && typeof facts[name] === "string" ? (facts[name] as string) : null;
    const [from, to] = [text(c?.from), text(c?.to)];
    const claimed = c && typeof facts[c.paid] === "number" ? (facts[c.paid] as number) : null;
    const { app } = r;
    return {
      id: app.id,
      number: applicationNumber(zone, "subsidy", app),
      programme: programme?.title.zh ?? RETIRED_PROGRAMME,
      enterprise: r.enterprise,
      statusZh: STATUS_ZH[app.status],
      submittedOn: app.submittedAt !== null ? shanghaiDate(new Date(app.submittedAt)) : null,
      loan: { ...r.loan, number: applicationNumber(zone, "loan", r.loan), productName: r.productName },
      period: from && to ? { from, to } : null,
      claimedFen: claimed,
      confirmed:
        app.interestConfirmedFen !== null && app.interestConfirmedAt !== null
          ? {
              fen: app.interestConfirmedFen,
              by: app.interestConfirmedBy ?? "",
              at: app.interestConfirmedAt,
              note: app.interestConfirmNote,
            }
          : null,
      revision: app.revision,
    };
  };
  return { pending: pending.map(toRow), confirmed: confirmed.map(toRow) };
}
