/**
 * One way to move an application: a conditional UPDATE on the revision the
 * actor read (plus any guard the transition needs), with its timeline event,
 * audit row and notices chained on it in the same batch (../../db/only-if-changed).
 * A concurrent change that got there first makes the UPDATE match nothing, the
 * whole batch writes nothing, and the caller gets a 409.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { TenantDb } from "../../db/open";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import {
  subsidyApplications,
  subsidyEvents,
  users,
  type NoticeKind,
  type Role,
  type SubsidyApplicationRow,
} from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import type { RequestCtx } from "../../middleware/request-ctx";
import { noticeInserts } from "./notices";
import { noticeStatements, type NoticeGroup } from "../notices/write-notices";
import { memberKindOf } from "../notices/kinds";

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
  /** To the enterprise's members: mail as before, and the first line in their 消息中心. */
  notice?: { emails: readonly string[]; subject: string; lines: string[] } | undefined;
  /** To zone staff of these roles: the 消息中心, and mail or SMS as each chose (../notices). */
  staffNotice?: { kind: NoticeKind; roles: readonly Role[]; title: string; body: string } | undefined;
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
  const number = applicationNumber(zone, "subsidy", app);
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
          number,
        })
      : []),
  ];
  const groups: NoticeGroup[] = [];
  if (t.notice)
    groups.push({
      recipients: and(eq(users.role, "enterprise"), eq(users.enterpriseId, app.enterpriseId))!,
      kind: memberKindOf(t.event.action),
      title: t.notice.subject,
      body: t.notice.lines[0] ?? t.notice.subject,
      link: `/subsidies/applications/${app.id}`,
    });
  if (t.staffNotice) {
    const link = `/admin/subsidies/applications/${app.id}`;
    const s = t.staffNotice;
    groups.push({
      recipients: inArray(users.role, [...s.roles]),
      kind: s.kind,
      title: s.title,
      body: s.body,
      link,
      deliver: {
        subject: `【${zone.shortName.zh}】${s.title}`,
        mail: `${number ? `申报编号:${number}\n\n` : ""}${s.body}\n\n${ctx.origin}${link}\n\n${zone.shortName.zh}`,
        sms: `【${zone.shortName.zh}】${s.title}。详见 ${ctx.origin}${link}`,
      },
    });
  }
  // Right after the chain's last single-row link: written only if the transition was.
  const told = noticeStatements(db, { groups, now, guard: CHAINED });
  const after = (t.after ?? []).map((f) => f(db));
  const [rows] = (await db.batch([update, ...chain, ...told, ...after])) as unknown as [SubsidyApplicationRow[]];
  const row = rows[0];
  if (!row) throw new AppError("conflict", t.conflict ?? "这份申报刚被他人处理过,请刷新后再操作。");
  return row;
}
