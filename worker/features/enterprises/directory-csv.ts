/** The directory's CSV export (zone staff), mounted at /admin/enterprises.csv: the same filters, every match. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { recordAudit } from "../audit/audit";
import { pageGuard } from "../auth/page-forms";
import { directoryFilters } from "./directory-filters";
import { csvDisposition, enterprisesCsv } from "./enterprises-csv";
import { type DirectoryEntry, directoryChunks } from "./list-enterprises";

export function enterpriseDirectoryCsv(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));

  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    // Chunk by chunk (a round trip each), not one read of the whole zone; the whole file is
    // built before it is sent, so a failure midway is an error page, never a truncated export.
    const entries: DirectoryEntry[] = [];
    let total: number | undefined;
    for await (const chunk of directoryChunks(ctx, directoryFilters(c))) {
      total ??= chunk.total;
      entries.push(...chunk.enterprises);
    }
    // An export takes the zone's contact data off the platform: who took what is audited.
    await recordAudit(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "enterprise.directory_exported",
        target: null,
        result: "ok",
        ip: ctx.ip,
        detail: { rows: total ?? 0, query: new URL(c.req.url).search },
      },
      ctx.now,
    );
    return c.body(enterprisesCsv(ctx.zone, entries), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": csvDisposition(ctx.zone, ctx.now),
      "Cache-Control": "no-store",
    });
  });

  return r;
}
