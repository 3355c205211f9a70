/**
 * GET /admin/subsidies/export: every submitted application as CSV, or with ?format=xlsx an Excel
 * workbook of two sheets (申报, 拨付) streamed a chunk at a time; who took the zone's award data is audited.
 */
import type { AppDeps } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import { recordAudit } from "../../audit/audit";
import { applicationsCsv } from "../dashboard";
import { exportApplicationsXlsx } from "../export-xlsx";
import { programmeTitles, type StaffPages } from "./shared";

export function exportCsv(r: StaffPages, deps: AppDeps) {
  r.get("/export", async (c) => {
    const format = c.req.query("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") {
      throw new AppError("validation_failed", "导出格式只能是 csv 或 xlsx。", { format: "只能是 csv 或 xlsx" });
    }
    const ctx = actingCtx(c, deps);
    if (format === "xlsx") return exportApplicationsXlsx({ ctx });
    // Titles are read beside the rows (one round trip); the audit, which counts them, after.
    const csv = await applicationsCsv(
      ctx,
      programmeTitles(ctx).then((t) => t.policy?.compiled ?? null),
    );
    await recordAudit(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "subsidy.exported",
        target: null,
        result: "ok",
        ip: ctx.ip,
        detail: { rows: csv.split("\r\n").length - 2 },
      },
      ctx.now,
    );
    const date = shanghaiDate(ctx.now);
    const name = encodeURIComponent(`${ctx.zone.shortName.zh}政策兑现-${date}.csv`);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subsidies-${ctx.zone.slug}-${date}.csv"; filename*=UTF-8''${name}`,
      "Cache-Control": "no-store",
    });
  });
}
