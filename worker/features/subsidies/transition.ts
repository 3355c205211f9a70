/**
 * One way to move an application: a conditional UPDATE on the revision the
 * actor read (plus any guard the transition needs), with its timeline event,
 * audit row and notices chained on it in the same batch (../../db/only-if-changed).
 * A concurrent change that got there first makes the UPDATE match nothing, the
 * whole batch writes nothing, and the caller gets a 409.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { TenantDb } from "../../db/open";
import { onlyIfChanged } from "../../db/only-if-changed";
import { subsidyApplications, subsidyEvents, type SubsidyApplicationRow } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import type { RequestCtx } from "../../middleware/request-ctx";
import { noticeInserts } from "./notices";

interface Transition {
  set: Partial<typeof subsidyApplications.$inferInsert>;
  /** Extra conditions the write needs to hold at the moment it happens (budget, award history). */
  guard?: SQL | undefined;
  event: {
    action: string;
    stage?: string | null;
    toStage?: string | null;
    amountFen?: number | null;
    note?: string | null;
  };
  actor: { id: string | null; email: string };
  notice?: { emails: readonly string[]; subject: string; lines: string[] } | undefined;
  /**
   * Other writes of the same decision (an objection's resolution, a payment row):
   * single-row inserts or CHAINED updates.
   */
  chained?: ((db: TenantDb) => BatchItem<"sqlite">)[];
  /**
   * Statements after the chain, in the same batch: multi-row writes that must not break the
   * chain, each carrying its own guard (e.g. the application now at revision + 1).
   */
  after?: ((db: TenantDb) => BatchItem<"sqlite">)[];
  conflict?: string;
}

export async function transition(
  // ip: null when no request is behind it (the scheduled 公示 step).
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "origin"> & { ip: string | null },
  app: SubsidyApplicationRow,
  t: Transition,
): Promise<SubsidyApplicationRow> {
  const { db, zone, now } = ctx;
  const at = now.getTime();
  const update = db
    .update(subsidyApplications)
    .set({ ...t.set, updatedAt: at, revision: sql`${subsidyApplications.revision} + 1` })
    .where(and(eq(subsidyApplications.id, app.id), eq(subsidyApplications.revision, app.revision), t.guard))
    .returning();
  const chain: BatchItem<"sqlite">[] = [
    onlyIfChanged(
      db,
      db
        .insert(subsidyEvents)
        .values({ applicationId: app.id, at, actorId: t.actor.id, actor: t.actor.email, ...t.event }),
    ),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: t.actor.id,
          actor: t.actor.email,
          action: `subsidy.${t.event.action}`,
          target: app.id,
          result: "ok",
          ip: ctx.ip,
          detail: {
            programme: app.programmeId,
            ...(t.event.amountFen != null ? { amountFen: t.event.amountFen } : {}),
          },
        },
        now,
      ),
    ),
    ...(t.chained ?? []).map((f) => f(db)),
    ...(t.notice
      ? noticeInserts(db, zone, now, t.notice.emails, {
          ...t.notice,
          link: `${ctx.origin}/subsidies/applications/${app.id}`,
          kind: `subsidy_${t.event.action}`,
          number: applicationNumber(zone, "subsidy", app),
        })
      : []),
  ];
  const after = (t.after ?? []).map((f) => f(db));
  const [rows] = (await db.batch([update, ...chain, ...after])) as unknown as [SubsidyApplicationRow[]];
  const row = rows[0];
  if (!row) throw new AppError("conflict", t.conflict ?? "这份申报刚被他人处理过,请刷新后再操作。");
  return row;
}
