/**
 * Loan applications: an enterprise applies for a published product (optionally
 * from a need) for an amount and term within the product's ranges, consenting
 * that the bank sees its financial data; the bank moves it 受理 → 授信 (amount,
 * rate, term within the product's ranges) → 放款, or 拒绝 with a reason and
 * optionally a referral to another published product; until then the
 * enterprise may withdraw it (./withdraw-loan.ts). Every step is one guarded
 * write (revision) with its event and an outbox notice to the other side;
 * response times are due in the zone's working days.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { numberValues, takeNumber, takenNumberText } from "../../db/application-numbers";
import { onlyIfChanged } from "../../db/only-if-changed";
import {
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  OPEN_LOAN_STATUSES,
  users,
  type LoanApplicationRow,
  type LoanProductRow,
} from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { textField } from "../../lib/text";
import { applicationNumber, numberPrefix } from "../../lib/application-number";
import { formatMoney, formatMoneyTogether } from "../../lib/money";
import { lastOfWorkingDays } from "../../lib/working-days";
import { rateText } from "../../engines/loan-match/match";
import { auditInsert } from "../audit/audit";
import { isCalendarDate, shanghaiDate } from "../../lib/calendar";
import { isUniqueViolation } from "../../db/unique-violation";
import { outboxInsert } from "../outbox/enqueue-message";
import { calendarOf, nextDay } from "../../lib/calendar";
import { consentInserts } from "./consents";
import type { FinanceCtx } from "./context";
import { memberOf } from "./needs";
import { getProduct } from "./products";
import { inSentence } from "../../lib/sentence";

/** Ids are newId()'s 26 characters; 40 leaves room and bounds what a request may send. */
const rowId = (what: string) => z.string().min(1, `请选择${what}`).max(40, `${what}编号格式不对`);
const revision = z.number().int().min(0).max(2_147_483_647).optional();

export const ApplyInput = z.strictObject({
  productId: rowId("产品"),
  needId: rowId("融资需求").optional(),
  amountFen: z.number().int().min(10_000_00, "金额至少1万元").max(1e14),
  termMonths: z.number().int().min(1).max(360),
  note: textField({ label: "备注", max: 500, multiline: true }).optional(),
  /** The separate, explicit consent that this bank sees the enterprise's financial data (PIPL). */
  consent: z.literal(true, { error: "申请贷款须同意该金融机构查看企业的资质、成立年限和营业收入。" }),
});

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

/**
 * Not yet 放款, 拒绝 or withdrawn: the enterprise may not apply to the same product again (the
 * unique index loan_applications_open_unique holds it to that), and may withdraw it.
 */
export const PENDING_LOAN_STATUSES = OPEN_LOAN_STATUSES;
const ALREADY_APPLIED = "你已申请过这个产品,正在办理中。";

const STATUS_ZH = {
  submitted: "已提交,待受理",
  accepted: "已受理",
  approved: "已授信",
  disbursed: "已放款",
  declined: "已拒绝",
  withdrawn: "已撤回",
} as const;
export { STATUS_ZH as LOAN_STATUS_ZH };

/**
 * The bank cannot grant outside the product's amount and term, so an application
 * outside them is refused before anything is written, naming the range.
 */
function assertWithinProductRanges(p: LoanProductRow, input: { amountFen: number; termMonths: number }): void {
  const fields: Record<string, string> = {};
  const [lo, hi] = formatMoneyTogether([p.minAmountFen, p.maxAmountFen]);
  if (input.amountFen < p.minAmountFen || input.amountFen > p.maxAmountFen)
    fields.amountFen = lo === hi ? `申请金额须为${hi}` : `申请金额须在${lo}至${hi}之间`;
  if (input.termMonths < p.minTermMonths || input.termMonths > p.maxTermMonths)
    fields.termMonths =
      p.minTermMonths === p.maxTermMonths
        ? `期限须为${p.maxTermMonths}个月`
        : `期限须在${p.minTermMonths}至${p.maxTermMonths}个月之间`;
  const messages = Object.values(fields);
  if (messages.length) throw new AppError("validation_failed", `${messages.join(";")}。`, fields);
}

/** The first line of every mail about an application: its number, so a phone call can name it. */
export function numberLine(
  zone: FinanceCtx["zone"],
  app: Pick<LoanApplicationRow, "numberYear" | "numberSeq">,
): string {
  const n = applicationNumber(zone, "loan", app);
  return n ? `申请编号:${n}\n\n` : "";
}

/**
 * Applies once. Two guards stand between parallel requests and a second application:
 * the "已申请过" read below is only the friendly fast path; the unique indexes decide
 * (one open application per enterprise and product; one per Idempotency-Key). A losing
 * insert fails its whole batch — the application number, the consent and the mails with
 * it, so the counter keeps no gap — and answers as the winner's retry would: the first
 * application again when the key is the same, 409 otherwise.
 */
export async function applyForLoan(
  ctx: FinanceCtx,
  input: z.infer<typeof ApplyInput>,
  idempotencyKey: string | null,
): Promise<{ application: LoanApplicationRow; created: boolean }> {
  const enterpriseId = memberOf(ctx.actor);
  const byKey = async () => {
    if (!idempotencyKey) return undefined;
    const [same] = await ctx.db
      .select()
      .from(loanApplications)
      .where(and(eq(loanApplications.enterpriseId, enterpriseId), eq(loanApplications.idempotencyKey, idempotencyKey)));
    return same;
  };
  const first = await byKey();
  if (first) return { application: first, created: false };
  const { product } = await getProduct(ctx.db, input.productId, ctx.actor);
  assertWithinProductRanges(product, input);
  if (input.needId) {
    const [need] = await ctx.db
      .select({ id: financingNeeds.id })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.id, input.needId), eq(financingNeeds.enterpriseId, enterpriseId)));
    if (!need) throw new AppError("not_found", "没有这条融资需求。");
  }
  const [open] = await ctx.db
    .select()
    .from(loanApplications)
    .where(
      and(
        eq(loanApplications.enterpriseId, enterpriseId),
        eq(loanApplications.productId, product.id),
        inArray(loanApplications.status, [...PENDING_LOAN_STATUSES]),
      ),
    );
  // The same key found here means a parallel retry of this request landed after the read above.
  if (open && idempotencyKey && open.idempotencyKey === idempotencyKey) return { application: open, created: false };
  if (open) throw new AppError("conflict", ALREADY_APPLIED);
  const today = shanghaiDate(ctx.now);
  const t = ctx.now.getTime();
  const row = {
    id: newId(),
    productId: product.id,
    bankId: product.bankId,
    enterpriseId,
    needId: input.needId ?? null,
    createdBy: ctx.actor.id,
    amountFen: input.amountFen,
    termMonths: input.termMonths,
    note: input.note ?? null,
    status: "submitted" as const,
    idempotencyKey,
    submittedAt: t,
    acceptDueOn: lastOfWorkingDays(nextDay(today), ctx.zone.finance.acceptWorkingDays, calendarOf(ctx.zone)),
  };
  const bankers = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.bankId, product.bankId), eq(users.status, "active")));
  // The application number (ZB-DK-2026-000045) is taken in this batch, so the bankers' mail names it from SQL.
  const year = Number(today.slice(0, 4));
  const number = takenNumberText(numberPrefix(ctx.zone, "loan"), "loan", year);
  try {
    await ctx.db.batch([
      takeNumber(ctx.db, "loan", year),
      ctx.db.insert(loanApplications).values({ ...row, ...numberValues("loan", year) }),
      // The consent is granted in the same batch as the application: both or neither (nothing when already given).
      ...consentInserts(ctx, enterpriseId, product.bankId),
      ctx.db.insert(loanEvents).values({
        applicationId: row.id,
        at: t,
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "submitted",
        note: `${formatMoney(input.amountFen)},${input.termMonths}个月`,
      }),
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "finance.loan_applied",
          target: row.id,
          result: "ok",
          ip: ctx.ip,
          detail: { productId: product.id },
        },
        ctx.now,
      ),
      ...bankers.map((b) =>
        outboxInsert(
          ctx.db,
          {
            channel: "email",
            recipient: b.email,
            subject: `【${ctx.zone.shortName.zh}】新的贷款申请:${product.name}`,
            body: sql<string>`${`${product.name}收到新的贷款申请(编号 `} || ${number} || ${`):${formatMoney(input.amountFen)},${input.termMonths}个月。请在 ${row.acceptDueOn} 前受理或拒绝。\n\n${ctx.origin}/bank/loans/${row.id}`}`,
            kind: "loan_submitted",
          },
          ctx.now,
        ),
      ),
    ]);
  } catch (err) {
    if (
      !isUniqueViolation(err, "loan_applications.product_id") &&
      !isUniqueViolation(err, "loan_applications.idempotency_key")
    )
      throw err;
    const same = await byKey();
    if (same) return { application: same, created: false };
    throw new AppError("conflict", ALREADY_APPLIED);
  }
  return {
    application: (await ctx.db.select().from(loanApplications).where(eq(loanApplications.id, row.id)))[0]!,
    created: true,
  };
}

/** A loan application its reader may see: the applicant enterprise's members, the bank's staff, zone staff; others 404. */
export async function readableLoan(ctx: FinanceCtx, id: string): Promise<LoanApplicationRow> {
  const [row] = await ctx.db.select().from(loanApplications).where(eq(loanApplications.id, id)).limit(1);
  const a = ctx.actor;
  const ok =
    row &&
    (a.role === "zone_admin" ||
      a.role === "reviewer" ||
      (a.role === "bank" && a.bankId === row.bankId) ||
      (a.role === "enterprise" && a.enterpriseId === row.enterpriseId));
  if (!ok) throw new AppError("not_found", "没有这笔贷款申请。");
  return row;
}

export async function actOnLoan(ctx: FinanceCtx, id: string, input: BankAction): Promise<LoanApplicationRow> {
  if (ctx.actor.role !== "bank") throw new AppError("forbidden", "贷款申请由金融机构办理。");
  const app = await readableLoan(ctx, id);
  if (input.revision !== undefined && input.revision !== app.revision)
    throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  const [product] = await ctx.db.select().from(loanProducts).where(eq(loanProducts.id, app.productId));
  const today = shanghaiDate(ctx.now);
  const t = ctx.now.getTime();
  const from: Record<BankAction["action"], LoanApplicationRow["status"][]> = {
    accept: ["submitted"],
    approve: ["submitted", "accepted"],
    disburse: ["approved"],
    decline: ["submitted", "accepted"],
  };
  if (!from[input.action].includes(app.status))
    throw new AppError("conflict", `当前状态为“${STATUS_ZH[app.status]}”,不能这样办理。`);
  let set: Partial<typeof loanApplications.$inferInsert>;
  let note: string;
  let message: string;
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
      break;
    case "decline": {
      let referral = "";
      if (input.referralProductId) {
        const { product: other, bankName } = await getProduct(ctx.db, input.referralProductId, null).catch(() => {
          throw new AppError("validation_failed", "推荐的产品不在金融超市中。", {
            referralProductId: "不是已发布的产品",
          });
        });
        if (other.id === app.productId)
          throw new AppError("validation_failed", "不能推荐同一个产品。", { referralProductId: "请选择其他产品" });
        referral = `\n推荐改申请${bankName}的“${other.name}”:${ctx.origin}/finance/products/${other.id}`;
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
      break;
    }
  }
  const members = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.enterpriseId, app.enterpriseId), eq(users.status, "active")));
  const [rows] = (await ctx.db.batch([
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
            subject: `【${ctx.zone.shortName.zh}】贷款申请:${STATUS_ZH[set.status!]}`,
            body: `${numberLine(ctx.zone, app)}${message}\n\n${ctx.origin}/finance/loans/${id}`,
            kind: `loan_${input.action}`,
          },
          ctx.now,
        ),
      ),
    ),
  ])) as unknown as [LoanApplicationRow[]];
  if (!rows[0]) throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  if (input.action === "disburse" && app.needId)
    await ctx.db
      .update(financingNeeds)
      .set({ status: "met", updatedAt: t })
      .where(and(eq(financingNeeds.id, app.needId), eq(financingNeeds.status, "open")));
  return rows[0];
}
