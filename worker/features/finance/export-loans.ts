/**
 * The 金融超市's loan applications as an Excel workbook, for whoever reads the list (readerScope:
 * zone staff every one, a bank its own, a member its enterprise's), with the list's search; newest
 * first, read in keyset chunks of 500 on the time index and streamed, so memory stays bounded.
 */
import { and, desc, sql, type SQL } from "drizzle-orm";
import { LOAN_STATUS_ZH } from "../../../web/labels/finance";
import { loanApplications } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { shanghaiDate } from "../../lib/calendar";
import { type XlsxColumn, xlsxResponse } from "../../lib/xlsx";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { recordAudit } from "../audit/audit";
import { countLoans, isOverdue, loanRows, loanSearch, readerScope } from "./list-loans";

const CHUNK = 500;

export const LOAN_COLUMNS: XlsxColumn[] = [
  { header: "申请编号", format: "text", width: 20 },
  { header: "企业名称", format: "text", width: 30 },
  { header: "银行", format: "text", width: 20 },
  { header: "产品", format: "text", width: 24 },
  { header: "申请金额(万元)", format: "wan" },
  { header: "期限(月)", format: "integer" },
  { header: "状态", format: "text", width: 10 },
  { header: "批准金额(万元)", format: "wan" },
  { header: "批准年利率", format: "percent" },
  { header: "批准期限(月)", format: "integer" },
  { header: "放款金额(万元)", format: "wan" },
  { header: "放款日期", format: "date" },
  { header: "提交时间(北京时间)", format: "datetime", width: 20 },
  { header: "受理期限", format: "date" },
  { header: "审批期限", format: "date" },
  { header: "是否超时", format: "text", width: 10 },
  { header: "未获批原因", format: "text", width: 30 },
];

type Ctx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor" | "ip">;

function chunkQuery(ctx: Ctx, where: SQL | undefined, after: { submitted: number; id: string } | null) {
  const keyset = after
    ? sql`(${loanApplications.submittedAt}, ${loanApplications.id}) < (${after.submitted}, ${after.id})`
    : undefined;
  return loanRows(ctx.db, and(where, keyset))
    .orderBy(desc(loanApplications.submittedAt), desc(loanApplications.id))
    .limit(CHUNK);
}
type LoanExportRow = Awaited<ReturnType<typeof chunkQuery>>[number];

function loanRow(ctx: Ctx) {
  const today = shanghaiDate(ctx.now);
  return ({ application: a, enterprise, bankName, productName }: LoanExportRow): unknown[] => [
    applicationNumber(ctx.zone, "loan", a),
    enterprise,
    bankName,
    productName,
    a.amountFen,
    a.termMonths,
    LOAN_STATUS_ZH[a.status],
    a.approvedAmountFen,
    a.approvedRateBp === null ? null : a.approvedRateBp / 100, // basis points → per cent
    a.approvedTermMonths,
    a.disbursedAmountFen,
    a.disbursedOn,
    a.submittedAt,
    a.acceptDueOn,
    a.decideDueOn,
    isOverdue(a, today) ? "已超时" : null,
    a.declineReason,
  ];
}

export async function exportLoansXlsx({ ctx, q }: { ctx: Ctx; q: string | undefined }): Promise<Response> {
  const where = and(readerScope(ctx.actor), loanSearch(ctx, q));
  // The first chunk and the count are one round trip before the answer starts; the count is audited.
  const [first, [counted]] = await ctx.db.batch([chunkQuery(ctx, where, null), countLoans(ctx.db, where, !!q?.trim())]);
  await recordAudit(
    ctx.db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "finance.loans_exported",
      target: null,
      result: "ok",
      ip: ctx.ip,
      detail: { rows: counted?.total ?? 0, q: q ?? null, format: "xlsx" },
    },
    ctx.now,
  );
  const row = loanRow(ctx);
  async function* rows() {
    let chunk = first;
    yield* chunk.map(row);
    while (chunk.length === CHUNK) {
      const last = chunk[chunk.length - 1]!.application;
      chunk = await chunkQuery(ctx, where, { submitted: last.submittedAt, id: last.id });
      yield* chunk.map(row);
    }
  }
  const whose = ctx.actor.role === "bank" ? "本行" : ctx.actor.role === "enterprise" ? "本企业" : "";
  return xlsxResponse({
    fileName: `${ctx.zone.shortName.zh}金融超市${whose}贷款申请-${shanghaiDate(ctx.now)}`,
    sheets: [{ name: "贷款申请", columns: LOAN_COLUMNS, rows: rows() }],
  });
}
