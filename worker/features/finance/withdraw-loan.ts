/**
 * 撤回申请: a member of the applicant enterprise withdraws an application that
 * is still pending (not yet 放款, 拒绝 or withdrawn), optionally saying why.
 * One guarded write (revision) with its timeline event, audit row and an outbox
 * notice to each of the bank's active staff, as every loan step has (and, at its
 * end, the row as written for the answer); afterwards
 * the bank can no longer act on it (actOnLoan allows nothing from withdrawn).
 * Another enterprise's application is the 404 a missing one gets. Like a
 * decision, it clears the overdue flag: nothing is left for the bank to do.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { onlyIfChanged } from "../../db/only-if-changed";
import { loanApplications, loanEvents, OPEN_LOAN_STATUSES, users, type LoanApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { formatMoney } from "../../lib/money";
import { textField } from "../../lib/text";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { LOAN_STATUS_ZH } from "../../../web/labels/finance";
import { numberLine } from "./loan-applications";
import { inSentence } from "../../lib/sentence";
import type { LoanListRow } from "../../../web/pages/finance/rows";
import { listRow, loanRowById, type LoanRow } from "./list-loans";

export const WithdrawInput = z.strictObject({
  reason: textField({ label: "撤回原因", max: 200, multiline: true }).optional(),
  revision: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type WithdrawInput = z.infer<typeof WithdrawInput>;

const CHANGED = "这笔申请刚被银行处理过,请刷新后再看。";

export async function withdrawLoan(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: WithdrawInput,
): Promise<LoanListRow> {
  if (ctx.actor.role !== "enterprise" || !ctx.actor.enterpriseId)
    throw new AppError("forbidden", "贷款申请只能由申请企业撤回。");
  // The application (the member's enterprise's only: readerScope) with the names its mail uses, and the bankers to
  // tell: one round trip, the bankers keyed by the application's id in SQL.
  const enterpriseId = ctx.actor.enterpriseId;
  const bankOfApp = sql`(select bank_id from loan_applications where id = ${id} and enterprise_id = ${enterpriseId})`;
  const [apps, bankers] = await ctx.db.batch([
    loanRowById(ctx, id),
    ctx.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.bankId, bankOfApp), eq(users.status, "active"))),
  ]);
  const found = apps[0];
  if (!found) throw new AppError("not_found", "没有这笔贷款申请。");
  const { application: app, productName: product, enterprise } = found;
  // A retried withdrawal (a double click, a lost response) finds it done and changes nothing.
  if (app.status === "withdrawn") return listRow(ctx, found);
  if (!(OPEN_LOAN_STATUSES as readonly string[]).includes(app.status))
    throw new AppError("conflict", `这笔申请${LOAN_STATUS_ZH[app.status]},不能撤回。`);
  if (input.revision !== undefined && input.revision !== app.revision) throw new AppError("conflict", CHANGED);
  const reason = input.reason || null;
  const t = ctx.now.getTime();
  const asked = `${formatMoney(app.amountFen)},${app.termMonths}个月`;
  const because = reason ? `,原因:${inSentence(reason)}` : "";
  const body =
    `${numberLine(ctx.zone, app)}${enterprise}撤回了“${product}”的贷款申请(${asked})${because}。` +
    `这笔申请无需再办理。\n\n${ctx.origin}/bank/loans/${id}`;
  const results = await ctx.db.batch([
    ctx.db
      .update(loanApplications)
      .set({ status: "withdrawn", escalatedAt: null, revision: sql`${loanApplications.revision} + 1` })
      .where(and(eq(loanApplications.id, id), eq(loanApplications.revision, app.revision)))
      .returning(),
    onlyIfChanged(
      ctx.db,
      ctx.db.insert(loanEvents).values({
        applicationId: id,
        at: t,
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "withdrawn",
        note: reason ? `撤回原因:${inSentence(reason)}` : null,
      }),
    ),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "finance.loan_withdrawn",
          target: id,
          result: "ok",
          ip: ctx.ip,
        },
        ctx.now,
      ),
    ),
    ...bankers.map((b) =>
      onlyIfChanged(
        ctx.db,
        outboxInsert(
          ctx.db,
          {
            channel: "email",
            recipient: b.email,
            subject: `【${ctx.zone.shortName.zh}】贷款申请已撤回:${product}`,
            body,
            kind: "loan_withdrawn",
          },
          ctx.now,
        ),
      ),
    ),
    // Last, so it sees this batch's writes: the answer's row, read without another round trip.
    loanRowById(ctx, id),
  ]);
  const updated = results[0] as LoanApplicationRow[];
  const [after] = results.at(-1) as LoanRow[];
  if (!updated[0] || !after) throw new AppError("conflict", CHANGED);
  return listRow(ctx, after);
}
