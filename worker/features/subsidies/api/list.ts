/**
 * GET /applications: a member's own applications, or for zone staff the queue
 * of submitted ones with its filters and counts.
 */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { applicationNumber } from "../../../lib/application-number";
import { err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { STATUS_ZH } from "../../../../web/labels/subsidies";
import { ListSchema } from "./response-schemas";
import { listMyApplications, listQueue, QueueQuery } from "../list-applications";
import { denied, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function listEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/applications",
      tags: ["subsidies"],
      middleware: [g.memberOrStaff] as const,
      summary:
        "A member: its enterprise's applications (every status; the filters are for the staff queue). " +
        "Zone staff: the queue of submitted applications, filtered by status, stage, programme, " +
        "or enterprise name or application number (q, e.g. ZB-2026-000123), with counts per status and stage",
      request: { query: QueueQuery },
      responses: {
        200: json(ListSchema, "Applications, those due first (staff) or most recently changed first (member)"),
        ...denied,
        422: err("Invalid filter"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const title = await titles(c, deps);
      const item = ({ numberYear, numberSeq, ...a }: Awaited<ReturnType<typeof listMyApplications>>[number]) => ({
        ...a,
        number: applicationNumber(ctx.zone, "subsidy", { numberYear, numberSeq }),
        programme: title(a.programmeId),
        statusZh: STATUS_ZH[a.status],
        submittedAt: a.submittedAt === null ? null : new Date(a.submittedAt).toISOString(),
        updatedAt: new Date(a.updatedAt).toISOString(),
      });
      if (ctx.actor.role === "enterprise") {
        const rows = await listMyApplications(ctx);
        const counts = new Map<string, { status: (typeof rows)[number]["status"]; stage: string | null; n: number }>();
        for (const a of rows) {
          const key = `${a.status}/${a.stage ?? ""}`;
          counts.set(key, { status: a.status, stage: a.stage, n: (counts.get(key)?.n ?? 0) + 1 });
        }
        return c.json({ applications: rows.map(item), counts: [...counts.values()] }, 200);
      }
      const { rows, counts } = await listQueue(ctx, c.req.valid("query"));
      return c.json({ applications: rows.map(item), counts }, 200);
    },
  );
}
