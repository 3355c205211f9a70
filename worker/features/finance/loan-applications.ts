/**
 * Loan applications: an enterprise applies for a published product (optionally
 * from a need) for an amount and term within the product's ranges, consenting
 * that the bank sees its financial data; the bank moves it 受理 → 授信 (amount,
 * rate, term within the product's ranges) → 放款, or 拒绝 with a reason and
 * optionally a referral to another published product (./act-on-loan.ts); until
 * then the enterprise may withdraw it (./withdraw-loan.ts). Every step is one
 * guarded write (revision) with its event and an outbox notice to the other
 * side; response times are due in the zone's working days.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { numberValues, takeNumber, takenNumberText } from "../../db/application-numbers";
import {
  financingNeeds,
  loanApplications,
  loanEvents,
  OPEN_LOAN_STATUSES,
  users,
  type LoanApplicationRow,
  type LoanProductRow,
} from "../../db/schema";
import { isUniqueViolation } from "../../db/unique-violation";
import { applicationNumber, numberPrefix } from "../../lib/application-number";
import { calendarOf, nextDay, shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { formatMoney, formatMoneyTogether } from "../../lib/money";
import { textField } from "../../lib/text";
import { lastOfWorkingDays } from "../../lib/working-days";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import type { LoanListRow } from "../../../web/pages/finance/rows";
import { memberOf } from "./actor-roles";
import { listRow, loanRowById, loanRows, type LoanRow } from "./list-loans";
import { consentInserts } from "./consents";
import { productQuery, visibleProduct } from "./products";

/** Ids are newId()'s 26 characters; 40 leaves room and bounds what a request may send. */
export const rowId = (what: string) => z.string().min(1, `请选择${what}`).max(40, `${what}编号格式不对`);

export const ApplyInput = z.strictObject({
  productId: rowId("产品"),
  needId: rowId("融资需求").optional(),
  amountFen: z.number().int().min(10_000_00, "金额至少1万元").max(1e14),
  termMonths: z.number().int().min(1).max(360),
  note: textField({ label: "备注", max: 500, multiline: true }).optional(),
  /** The separate, explicit consent that this bank sees the enterprise's financial data (PIPL). */
  consent: z.literal(true, { error: "申请贷款须同意该金融机构查看企业的资质、成立年限和营业收入。" }),
});

const ALREADY_APPLIED = "你已申请过这个产品,正在办理中。";

/** The application (new, or the first one a retry names) and the same with its names, for an answer. */
export interface Applied {
  application: LoanApplicationRow;
  listed: LoanListRow;
  created: boolean;
}

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
  zone: RequestCtx["zone"],
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
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  input: z.infer<typeof ApplyInput>,
  idempotencyKey: string | null,
): Promise<Applied> {
  const enterpriseId = memberOf(ctx.actor);
  // Read with the names an answer shows, so a retry's answer needs no read of its own.
  const byKeyQuery = () =>
    loanRows(
      ctx.db,
      and(
        eq(loanApplications.enterpriseId, enterpriseId),
        idempotencyKey ? eq(loanApplications.idempotencyKey, idempotencyKey) : sql`0`,
      ),
    );
  const found = (r: LoanRow): Applied => ({ application: r.application, listed: listRow(ctx, r), created: false });
  // Every check's read in one round trip; each is keyed by what the request names, so none waits for another.
  const [firsts, products, needs, opens, bankers] = await ctx.db.batch([
    byKeyQuery(),
    productQuery(ctx.db, input.productId),
    ctx.db
      .select({ id: financingNeeds.id })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.id, input.needId ?? ""), eq(financingNeeds.enterpriseId, enterpriseId))),
    loanRows(
      ctx.db,
      and(
        eq(loanApplications.enterpriseId, enterpriseId),
        eq(loanApplications.productId, input.productId),
        inArray(loanApplications.status, [...OPEN_LOAN_STATUSES]),
      ),
    ),
    ctx.db
      .select({ email: users.email })
      .from(users)
      .where(
        and(
          eq(users.bankId, sql`(select bank_id from loan_products where id = ${input.productId})`),
          eq(users.status, "active"),
        ),
      ),
  ]);
  if (firsts[0]) return found(firsts[0]);
  const { product } = visibleProduct(products[0], ctx.actor);
  assertWithinProductRanges(product, input);
  if (input.needId && !needs[0]) throw new AppError("not_found", "没有这条融资需求。");
  const open = opens[0];
  // The same key found here means a parallel retry of this request landed after the read above.
  if (open && idempotencyKey && open.application.idempotencyKey === idempotencyKey) return found(open);
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
  // The application number (ZB-DK-2026-000045) is taken in this batch, so the bankers' mail names it from SQL.
  const mailTail =
    `):${formatMoney(input.amountFen)},${input.termMonths}个月。` +
    `请在 ${row.acceptDueOn} 前受理或拒绝。\n\n${ctx.origin}/bank/loans/${row.id}`;
  const year = Number(today.slice(0, 4));
  const number = takenNumberText(numberPrefix(ctx.zone, "loan"), "loan", year);
  let written: LoanRow[];
  try {
    const results = await ctx.db.batch([
      takeNumber(ctx.db, "loan", year),
      ctx.db
        .insert(loanApplications)
        .values({ ...row, ...numberValues("loan", year) })
        .returning(),
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
            body: sql<string>`${`${product.name}收到新的贷款申请(编号 `} || ${number} || ${mailTail}`,
            kind: "loan_submitted",
          },
          ctx.now,
        ),
      ),
      // Last, so it sees the insert: the answer's row with its names, without another round trip.
      loanRowById(ctx, row.id),
    ]);
    written = results.at(-1) as LoanRow[];
  } catch (err) {
    if (
      !isUniqueViolation(err, "loan_applications.product_id") &&
      !isUniqueViolation(err, "loan_applications.idempotency_key")
    )
      throw err;
    const [same] = await byKeyQuery();
    if (same) return found(same);
    throw new AppError("conflict", ALREADY_APPLIED);
  }
  const listed = listRow(ctx, written[0]!);
  return { application: listed.application, listed, created: true };
}
