/**
 * 贴息: when a loan-linked application is submitted (or resubmitted) without a confirmed interest paid,
 * the lending bank's staff are told in their 消息中心 (and by mail or SMS as each chose) that it waits for
 * them at /bank/interest-confirmations. Written after the transition's chain, guarded on the application
 * as the submission left it, so a refused or raced submission tells no one.
 */
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { TenantDb } from "../../db/open";
import { users, type SubsidyApplicationRow } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import type { RequestCtx } from "../../middleware/request-ctx";
import { noticeStatements } from "../notices/write-notices";

const LINK = "/bank/interest-confirmations";

export function interestConfirmRequest(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "origin">,
  app: Pick<SubsidyApplicationRow, "id" | "loanId" | "revision" | "numberYear" | "numberSeq">,
  title: string,
): ((db: TenantDb) => BatchItem<"sqlite">)[] {
  if (app.loanId === null) return [];
  const { zone } = ctx;
  const n = applicationNumber(zone, "subsidy", app);
  const body = `一笔用贵行贷款申请的“${title}”${n ? `(${n})` : ""}已提交,请核实计息期间内企业实际支付的利息并确认。`;
  const written = sql`exists (select 1 from subsidy_applications where id = ${app.id}
    and revision = ${app.revision + 1} and status = 'in_review' and interest_confirmed_at is null)`;
  const bank = sql`(select bank_id from loan_applications where id = ${app.loanId})`;
  // One call: the mail and SMS rows find the notices by the event key this call makes.
  const items = noticeStatements(ctx.db, {
    now: ctx.now,
    guard: written,
    groups: [
      {
        recipients: and(eq(users.role, "bank"), eq(users.bankId, bank))!,
        kind: "interest_confirm_requested",
        title: "贴息申报待确认利息",
        body,
        link: LINK,
        deliver: {
          subject: `【${zone.shortName.zh}】贴息申报待确认利息`,
          mail: `${body}\n\n${ctx.origin}${LINK}\n\n${zone.shortName.zh}`,
          sms: `【${zone.shortName.zh}】一笔贴息申报待贵行确认利息:${ctx.origin}${LINK}`,
        },
      },
    ],
  });
  return items.map((item) => () => item);
}
