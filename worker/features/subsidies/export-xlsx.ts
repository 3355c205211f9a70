/**
 * 政策兑现 as an Excel workbook (zone staff): the applications (every submitted one, or the queue's
 * filters) and, for the whole export, the payments — each a sheet streamed a chunk at a time.
 */
import { count } from "drizzle-orm";
import { subsidyPayments } from "../../db/schema";
import { shanghaiDate } from "../../lib/calendar";
import { type XlsxSheet, xlsxResponse } from "../../lib/xlsx";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { recordAudit } from "../audit/audit";
import {
  APPLICATION_COLUMNS,
  type ApplicationFilter,
  applicationChunkQuery,
  applicationCountQuery,
  applicationRow,
  laterApplicationChunks,
  laterPaymentChunks,
  PAYMENT_COLUMNS,
  paymentChunkQuery,
  paymentRow,
} from "./export-tables";
import { programmeTitles } from "./staff-pages/shared";

/**
 * The titles, the first chunks and the counts are one round trip, read before the answer starts
 * (a failure is an ordinary error answer) and audited before any row is sent. With `filter` (the
 * queue's, from the API) the workbook holds the matching applications only; without, it is the
 * whole export: every submitted application and every payment.
 */
export async function exportApplicationsXlsx({
  ctx,
  filter,
  query,
}: {
  ctx: RequestCtx<Actor>;
  filter?: ApplicationFilter;
  /** The request's query string, for the audit row. */
  query?: string;
}): Promise<Response> {
  const { db } = ctx;
  const whole = filter === undefined;
  const [titles, applications, payments, [submitted], [paid]] = await Promise.all([
    programmeTitles(ctx),
    applicationChunkQuery(db, null, filter),
    whole ? paymentChunkQuery(db, null) : Promise.resolve([]),
    applicationCountQuery(db, filter),
    whole ? db.select({ n: count() }).from(subsidyPayments) : Promise.resolve([{ n: 0 }]),
  ]);
  await recordAudit(
    db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "subsidy.exported",
      target: null,
      result: "ok",
      ip: ctx.ip,
      detail: { rows: submitted?.n ?? 0, payments: paid?.n ?? 0, format: "xlsx", query: query ?? null },
    },
    ctx.now,
  );
  const compiled = titles.policy?.compiled;
  const title = (id: string) => compiled?.programmes.get(id)?.title.zh ?? "";
  const application = applicationRow(ctx.zone, title);
  const payment = paymentRow(ctx.zone, title);
  async function* applicationRows() {
    yield* applications.map(application);
    for await (const chunk of laterApplicationChunks(db, applications, filter)) yield* chunk.map(application);
  }
  async function* paymentRows() {
    yield* payments.map(payment);
    for await (const chunk of laterPaymentChunks(db, payments)) yield* chunk.map(payment);
  }
  const sheets: XlsxSheet[] = [{ name: "申报", columns: APPLICATION_COLUMNS, rows: applicationRows() }];
  if (whole) sheets.push({ name: "拨付", columns: PAYMENT_COLUMNS, rows: paymentRows() });
  return xlsxResponse({ fileName: `${ctx.zone.shortName.zh}政策兑现-${shanghaiDate(ctx.now)}`, sheets });
}
