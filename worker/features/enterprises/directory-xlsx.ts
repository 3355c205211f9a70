/** The directory as an Excel workbook (zone staff): every match of the filters, streamed a chunk at a time. */
import { shanghaiDate } from "../../lib/calendar";
import { xlsxResponse } from "../../lib/xlsx";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { recordAudit } from "../audit/audit";
import { DIRECTORY_COLUMNS, directoryRow } from "./enterprises-csv";
import { directoryChunks } from "./list-enterprises";
import type { DirectoryFilters } from "./schemas";

export async function exportDirectoryXlsx({
  ctx,
  filters,
  query,
}: {
  ctx: RequestCtx<Actor>;
  filters: DirectoryFilters;
  /** The request's query string, for the audit row (which filters were exported). */
  query: string;
}): Promise<Response> {
  const chunks = directoryChunks(ctx, filters);
  // The first chunk is read before the answer starts: a failure there is an ordinary error
  // answer, and its total is what the audit row records — before any row leaves the platform.
  const first = await chunks.next();
  await recordAudit(
    ctx.db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "enterprise.directory_exported",
      target: null,
      result: "ok",
      ip: ctx.ip,
      detail: { rows: first.done ? 0 : first.value.total, query, format: "xlsx" },
    },
    ctx.now,
  );
  const row = directoryRow(ctx.zone);
  async function* rows() {
    if (first.done) return;
    yield* first.value.enterprises.map(row);
    for await (const chunk of chunks) yield* chunk.enterprises.map(row);
  }
  return xlsxResponse({
    fileName: `${ctx.zone.shortName.zh}企业名录-${shanghaiDate(ctx.now)}`,
    sheets: [{ name: "企业名录", columns: DIRECTORY_COLUMNS, rows: rows() }],
  });
}
