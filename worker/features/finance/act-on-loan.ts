/**
 * The bank's side of a loan application: 受理 → 授信 (amount, rate, term within
 * the product's ranges) → 放款, or 拒绝 with a reason and optionally a referral
 * to another published product. Each step is one guarded write (revision) with
 * its event, audit row, a mail to the enterprise's members and a notice in their
 * 消息中心 (./loan-notices.ts; recipients chosen in SQL, chained on the step): two
 * round trips, one batch of reads (the application, its product and bank, the
 * members to mail, the referred product) and one of writes, which ends by reading
 * the application as written (with its names) for the answer. 放款 also tells the members which 贴息
 * programmes of the policy in force (read in the same batch) the loan may apply for, and registers the
 * loan to its product's risk-compensation pool (./interest-programmes.ts, ./disbursement-statements.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import {
  banks,
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  users,
  type LoanApplicationRow,
} from "../../db/schema";
import { rateText } from "../../engines/loan-match/match";
import { calendarOf, isCalendarDate, nextDay, shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { formatMoney, formatMoneyTogether } from "../../lib/money";
import { inSentence } from "../../lib/sentence";
import { textField } from "../../lib/text";
import { lastOfWorkingDays } from "../../lib/working-days";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { LOAN_STATUS_ZH } from "../../../web/labels/finance";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import { noticeStatements } from "../notices/write-notices";
import type { LoanListRow } from "../../../web/pages/finance/rows";
import { listRow, loanRowById, readerScope, type LoanRow } from "./list-loans";
import { numberLine, rowId } from "./loan-applications";
import { memberLoanNotice, type MemberLoanStep } from "./loan-notices";
import { productQuery, visibleProduct } from "./products";
import { currentPolicyQuery } from "../policies/current-policy";
import { interestOpenGroups, interestOpenMailStatements, poolRegistration } from "./disbursement-statements";
import { openedByDisbursement } from "./interest-programmes";

const revision = z.number().int().min(0).max(2_147_483_647).optional();

export const BankAction = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept"), revision }),
  z.strictObject({
    action: z.literal("approve"),
    amountFen: z.number().int().min(1).max(1e14),
    rateBp: z.number().int().min(1).max(3600),
    termMonths: z.number().int().min(1).max(360),
    revision,
  }),
  z.strictObject({
    action: z.literal("disburse"),
    amountFen: z.number().int().min(1).max(1e14),
    disbursedOn: z.string().max(10, "日期格式为 YYYY-MM-DD").refine(isCalendarDate, "日期格式为 YYYY-MM-DD"),
    revision,
  }),
  z.strictObject({
    action: z.literal("decline"),
    reason: textField({ label: "拒绝理由", max: 500, multiline: true }).pipe(z.string().min(4, "请写明拒绝理由")),
    referralProductId: rowId("推荐的产品").optional(),
    revision,
  }),
]);
export type BankAction = z.infer<typeof BankAction>;

export async function actOnLoan(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: BankAction,
): Promise<LoanListRow> {
  if (ctx.actor.role !== "bank") throw new AppError("forbidden", "贷款申请由金融机构办理。");
  // Keyed by the application's id in SQL, so none of these waits for another's answer.
  const ofApp = (column: string) => sql`(select ${sql.raw(`"${column}"`)} from loan_applications where id = ${id})`;
  const referralId = input.action === "decline" ? (input.referralProductId ?? "") : "";
  const today = shanghaiDate(ctx.now);
  const [apps, products, members, referrals, policies] = await ctx.db.batch([
    ctx.db
      .select()
      .from(loanApplications)
      .where(and(eq(loanApplications.id, id), readerScope(ctx.actor)))
      .limit(1),
    ctx.db
      .select({ product: loanProducts, bankName: banks.name })
      .from(loanProducts)
      .innerJoin(banks, eq(banks.id, loanProducts.bankId))
      .where(eq(loanProducts.id, ofApp("product_id"))),
    ctx.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.enterpriseId, ofApp("enterprise_id")), eq(users.status, "active"))),
    productQuery(ctx.db, referralId),
    // 放款 only (the 贴息 it opens): any other step asks for the version in force on no day, and gets none.
    currentPolicyQuery(ctx.db, ctx.zone, input.action === "disburse" ? today : ""),
  ]);
  const app = apps[0];
  if (!app) throw new AppError("not_found", "没有这笔贷款申请。");
  if (input.revision !== undefined && input.revision !== app.revision)
    throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  const product = products[0]?.product;
  const bankName = products[0]?.bankName ?? "";
  const t = ctx.now.getTime();
  const from: Record<BankAction["action"], LoanApplicationRow["status"][]> = {
    accept: ["submitted"],
    approve: ["submitted", "accepted"],
    disburse: ["approved"],
    decline: ["submitted", "accepted"],
  };
  if (!from[input.action].includes(app.status))
    throw new AppError("conflict", `当前状态为“${LOAN_STATUS_ZH[app.status]}”,不能这样办理。`);
  let set: Partial<typeof loanApplications.$inferInsert>;
  let note: string;
  let message: string;
  let step: MemberLoanStep;
  let opened: string[] = []; // 放款: the 贴息 programmes the loan may apply for, by title
  switch (input.action) {
    case "accept":
      set = {
        status: "accepted",
        acceptedAt: t,
        decideDueOn: lastOfWorkingDays(nextDay(today), ctx.zone.finance.decideWorkingDays, calendarOf(ctx.zone)),
        escalatedAt: null,
      };
      note = "受理";
      message = `${product!.name}的贷款申请已受理,银行将在 ${set.decideDueOn} 前作出授信决定。`;
      step = { action: "accept", decideDueOn: set.decideDueOn! };
      break;
    case "approve": {
      const p = product!;
      // Every field outside the product's terms is named at once, not one per submit.
      const wrong: { field: string; sentence: string }[] = [];
      if (input.amountFen > p.maxAmountFen || input.amountFen < p.minAmountFen)
        wrong.push({
          field: "amountFen",
          sentence: `授信金额须在产品额度${formatMoneyTogether([p.minAmountFen, p.maxAmountFen]).join("至")}之内`,
        });
      if (input.rateBp < p.minRateBp || input.rateBp > p.maxRateBp)
        wrong.push({ field: "rateBp", sentence: `年利率须在${rateText(p.minRateBp)}至${rateText(p.maxRateBp)}之间` });
      if (input.termMonths < p.minTermMonths || input.termMonths > p.maxTermMonths)
        wrong.push({ field: "termMonths", sentence: `期限须在${p.minTermMonths}至${p.maxTermMonths}个月之间` });
      if (wrong.length)
        throw new AppError(
          "validation_failed",
          `${wrong.map((w) => w.sentence).join(";")}。`,
          Object.fromEntries(wrong.map((w) => [w.field, w.sentence])),
        );
      set = {
        status: "approved",
        acceptedAt: app.acceptedAt ?? t,
        decidedAt: t,
        approvedAmountFen: input.amountFen,
        approvedRateBp: input.rateBp,
        approvedTermMonths: input.termMonths,
        escalatedAt: null,
      };
      note = `授信${formatMoney(input.amountFen)},年利率${rateText(input.rateBp)},${input.termMonths}个月`;
      message = `${p.name}的贷款申请已授信:${note}。`;
      step = { action: "approve", amountFen: input.amountFen, rateBp: input.rateBp, termMonths: input.termMonths };
      break;
    }
    case "disburse":
      if (input.amountFen > (app.approvedAmountFen ?? 0))
        throw new AppError(
          "validation_failed",
          `放款金额不能超过授信金额${formatMoney(app.approvedAmountFen ?? 0)}。`,
          { amountFen: "超过授信金额" },
        );
      if (input.disbursedOn > today)
        throw new AppError("validation_failed", "放款日期不能晚于今天。", { disbursedOn: "不能晚于今天" });
      set = {
        status: "disbursed",
        disbursedAt: t,
        disbursedAmountFen: input.amountFen,
        disbursedOn: input.disbursedOn,
      };
      note = `${input.disbursedOn} 放款${formatMoney(input.amountFen)}`;
      message = `${product!.name}的贷款已放款:${note}。`;
      step = { action: "disburse", amountFen: input.amountFen, disbursedOn: input.disbursedOn };
      opened = await openedByDisbursement(ctx, policies[0], { app, type: product!.type, ...input }, today);
      break;
    case "decline": {
      let referral = "";
      let referred: { bankName: string; productName: string } | null = null;
      if (input.referralProductId) {
        const { product: other, bankName: otherBank } = (() => {
          try {
            return visibleProduct(referrals[0], null);
          } catch {
            throw new AppError("validation_failed", "推荐的产品不在金融超市中。", {
              referralProductId: "不是已发布的产品",
            });
          }
        })();
        if (other.id === app.productId)
          throw new AppError("validation_failed", "不能推荐同一个产品。", { referralProductId: "请选择其他产品" });
        referral = `\n推荐改申请${otherBank}的“${other.name}”:${ctx.origin}/finance/products/${other.id}`;
        referred = { bankName: otherBank, productName: other.name };
      }
      set = {
        status: "declined",
        decidedAt: t,
        acceptedAt: app.acceptedAt,
        declineReason: input.reason,
        referralProductId: input.referralProductId ?? null,
        escalatedAt: null,
      };
      note = `拒绝:${input.reason}${referral ? "(附推荐产品)" : ""}`;
      message = `${product!.name}的贷款申请未获批准。理由:${inSentence(input.reason)}。${referral}`;
      step = { action: "decline", reason: input.reason, referral: referred };
      break;
    }
  }
  const results = await ctx.db.batch([
    ctx.db
      .update(loanApplications)
      .set({ ...set, revision: sql`${loanApplications.revision} + 1` })
      .where(and(eq(loanApplications.id, id), eq(loanApplications.revision, app.revision)))
      .returning(),
    onlyIfChanged(
      ctx.db,
      ctx.db.insert(loanEvents).values({
        applicationId: id,
        at: t,
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: input.action,
        note,
      }),
    ),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: `finance.loan_${input.action}`,
          target: id,
          result: "ok",
          ip: ctx.ip,
        },
        ctx.now,
      ),
    ),
    ...members.map((m) =>
      onlyIfChanged(
        ctx.db,
        outboxInsert(
          ctx.db,
          {
            channel: "email",
            recipient: m.email,
            subject: `【${ctx.zone.shortName.zh}】贷款申请:${LOAN_STATUS_ZH[set.status!]}`,
            body: `${numberLine(ctx.zone, app)}${message}\n\n${ctx.origin}/finance/loans/${id}`,
            kind: `loan_${input.action}`,
          },
          ctx.now,
        ),
      ),
    ),
    // 贴息 opened by 放款: a mail to each member, chained like the step's own.
    ...interestOpenMailStatements(ctx, { app, members, productName: product!.name, programmes: opened }),
    // The members' 消息中心, right after the chain's last single-row link: written only if the step was.
    ...noticeStatements(ctx.db, {
      now: ctx.now,
      guard: CHAINED,
      groups: [
        memberLoanNotice({ app, bankName, productName: product!.name, step }),
        ...interestOpenGroups({ app, productName: product!.name, programmes: opened }),
      ],
    }),
    // 放款 meets the need it came from, in the same batch — and only if this step was the one recorded: the
    // revision it set is there (a concurrent step would have left another).
    ctx.db
      .update(financingNeeds)
      .set({ status: "met", updatedAt: t })
      .where(
        and(
          eq(financingNeeds.id, input.action === "disburse" ? (app.needId ?? "") : ""),
          eq(financingNeeds.status, "open"),
          sql`exists (select 1 from loan_applications where id = ${id} and revision = ${app.revision + 1}
            and status = 'disbursed')`,
        ),
      ),
    // 放款 registers the loan to the risk-compensation pool its product is enrolled in (if any): its own guard
    // is the revision and status this step wrote, so it is not part of the chain above.
    ...poolRegistration(ctx, input.action === "disburse", id, app.revision + 1),
    // Last, so it sees this batch's writes: the answer's row, read without another round trip.
    loanRowById(ctx, id),
  ]);
  const updated = results[0] as LoanApplicationRow[];
  const [after] = results.at(-1) as LoanRow[];
  if (!updated[0] || !after) throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  return listRow(ctx, after);
}
