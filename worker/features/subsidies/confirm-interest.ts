/**
 * 贴息: the lending bank confirms the interest the enterprise paid on the loan an application was
 * started from. The confirmed figure replaces the programme's `paid` fact (and the loan's own record
 * the facts it holds, application-loan.ts lockedLoanFacts), the engine computes the amount again on the
 * policy version the application was submitted under, as of its first submission, and the timeline
 * says who confirmed what. Until
 * then no review stage can be passed (review-application.ts). Only staff of the loan's bank may
 * confirm (another bank's application does not exist for them); once a stage has been passed on the
 * confirmed figure it stands, and a correction goes through the zone (退回补正, then confirm again).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { loanApplications, subsidyApplications } from "../../db/schema";
import { evaluate } from "../../engines/policy/evaluate";
import { parseFacts } from "../../engines/policy/facts";
import { interestPaidFact } from "../../engines/policy/loan-facts";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { lprSeries } from "../../lib/lpr";
import { formatMoney } from "../../lib/money";
import { textField } from "../../lib/text";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import { factsToForm } from "../policies/calculator-form";
import { policyFromRow } from "../policies/current-policy";
import { profilesFrom } from "../policies/enterprise-profiles";
import { viewOf } from "../policies/search-programmes";
import { lockedFromLoan, loanSourceQuery } from "./application-loan";
import { approvalReads } from "./approve-award";
import { parseJson } from "./context";
import { memberEmailsQuery } from "./notices";
import { transition } from "./transition";

export const ConfirmInterestInput = z.strictObject({
  /** The interest the enterprise actually paid in the application's period, in fen. */
  interestPaidFen: z.number({ error: "请填写已付利息" }).int("已付利息应精确到分").min(0).max(1e13),
  note: textField({ label: "说明", max: 500, multiline: true }).optional(),
  /** The revision the bank read; a newer one means the application changed meanwhile. */
  revision: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type ConfirmInterestInput = z.infer<typeof ConfirmInterestInput>;

export const INTEREST_NOT_FOUND = "没有这份贴息申报,或它的贷款不是贵行发放的。";

/** The bank of the staff member acting; anyone else is refused. */
export function confirmingBank(actor: Actor): string {
  if (actor.role !== "bank" || !actor.bankId) throw new AppError("forbidden", "贴息申报的已付利息由放款银行确认。");
  return actor.bankId;
}

/** Applications started from a loan the bank made: the only ones its staff see. */
export const fromLoansOf = (bankId: string) =>
  inArray(
    subsidyApplications.loanId,
    sql`(select ${loanApplications.id} from ${loanApplications} where ${loanApplications.bankId} = ${bankId})`,
  );

/** …of those, the ones it may confirm: submitted and not yet decided. */
export const confirmableBy = (bankId: string) =>
  and(fromLoansOf(bankId), inArray(subsidyApplications.status, ["in_review", "returned"]));

export async function confirmInterest(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: ConfirmInterestInput,
) {
  const { db, zone, now, actor } = ctx;
  const bankId = confirmingBank(actor);
  const ofApp = sql`(select ${subsidyApplications.loanId} from ${subsidyApplications} where id = ${id})`;
  const [apps, loans, emails, ...reads] = await db.batch([
    db
      .select()
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.id, id), fromLoansOf(bankId)))
      .limit(1),
    loanSourceQuery(db, ofApp, eq(loanApplications.bankId, bankId)),
    memberEmailsQuery(db, sql`(select enterprise_id from subsidy_applications where id = ${id})`),
    ...approvalReads(ctx, id),
  ]);
  const app = apps[0];
  const loan = loans[0];
  if (!app || !loan) throw new AppError("not_found", INTEREST_NOT_FOUND);
  if (app.status !== "in_review" && app.status !== "returned")
    throw new AppError("conflict", `这份申报${STATUS_ZH[app.status]},不需要确认利息。`);
  if (input.revision !== undefined && input.revision !== app.revision)
    throw new AppError("conflict", "这份申报刚有变动,请刷新后再确认。");
  if (app.interestConfirmedAt !== null && app.lastPassedBy !== null)
    throw new AppError("conflict", "园区已按确认的利息通过审核环节,不能再改;如需更正,请联系园区退回补正后重新确认。");
  const [version, ...profile] = reads as [Parameters<typeof policyFromRow>[1][], ...Parameters<typeof profilesFrom>[0]];
  const policy = await policyFromRow(ctx, version[0]);
  const programme = policy?.compiled.programmes.get(app.programmeId);
  if (!policy || !programme) throw new AppError("conflict", "找不到这份申报所依据的政策版本,请联系园区。");
  const paid = interestPaidFact(programme);
  if (!paid) throw new AppError("conflict", `“${programme.title.zh}”没有需要银行确认的利息。`);

  // The bank's figures win: the loan's record for the facts it feeds, the confirmed interest for `paid`.
  const stated = { ...parseJson<Record<string, unknown>>(app.facts, {}) };
  const facts = parseFacts(programme, {
    ...stated,
    ...lockedFromLoan(programme, loan),
    [paid]: input.interestPaidFen,
  });
  if (!facts.ok) throw new AppError("conflict", `申报信息有误,请园区退回补正:${Object.values(facts.errors).join(" ")}`);
  // As submitting computed it: as of the first submission, on the enterprise's profile and other awards.
  const asOf = shanghaiDate(new Date(app.submittedAt ?? now.getTime()));
  const [enterprise] = profilesFrom(profile as Parameters<typeof profilesFrom>[0], asOf, app.id);
  const result = evaluate(programme, {
    facts: facts.facts,
    profile: enterprise?.profile,
    history: enterprise?.history ?? [],
    date: asOf,
    lpr: lprSeries(zone.finance.lpr),
  });
  const view = viewOf(policy.compiled, programme.id);
  const claimed = typeof stated[paid] === "number" ? (stated[paid] as number) : null;
  const note = input.note?.trim() || null;
  const amount = result.amountFen !== null ? formatMoney(result.amountFen) : (result.amountNote ?? "评审确定");
  const title = programme.title.zh;
  return transition(ctx, app, {
    set: {
      facts: JSON.stringify(facts.facts),
      formValues: JSON.stringify({
        ...parseJson<Record<string, string>>(app.formValues, {}),
        ...(view ? factsToForm(view.facts, facts.facts) : {}),
      }),
      evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }),
      requestedFen: result.amountFen,
      amountFen: result.amountFen,
      rangeMinFen: result.range?.minFen ?? null,
      rangeMaxFen: result.range?.maxFen ?? null,
      interestConfirmedFen: input.interestPaidFen,
      interestConfirmedBy: actor.email,
      interestConfirmedAt: now.getTime(),
      interestConfirmNote: note,
    },
    event: {
      action: "interest_confirmed",
      stage: app.stage,
      amountFen: result.amountFen,
      note:
        `${loan.bankName}确认已付利息${formatMoney(input.interestPaidFen)}` +
        (claimed !== null && claimed !== input.interestPaidFen ? `(企业填报${formatMoney(claimed)})` : "") +
        `,重新测算金额${amount}${note ? `。${note}` : ""}`,
    },
    actor,
    notice: {
      emails: emails.map((e) => e.email),
      subject: `${title}:银行已确认利息`,
      lines: [
        `${loan.bankName}已确认“${title}”申报的已付利息为${formatMoney(input.interestPaidFen)},` +
          `按此重新测算的金额为${amount}。`,
        ...(note ? [`银行说明:${note}`] : []),
      ],
    },
  });
}
