/**
 * 公示: applications at the publicity stage are listed on the zone's public
 * page (enterprise, programme, amount: nothing personal) for the notice period.
 * Anyone may lodge an objection (异议) with contact details; an open objection
 * holds the application until a zone admin dismisses it (publicity goes on) or
 * upholds it (the application is rejected). When the period has ended with no
 * open objection, the application moves to the next stage by itself
 * (`advancePublicity`, run by the Workers cron and the Node timer).
 */
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { auditLog, subsidyApplications, subsidyObjections, type SubsidyApplicationRow, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { dueOnFor, nextStage } from "./context";
import { memberEmailsQuery } from "./notices";
import { transition } from "./transition";

const OBJECTIONS_PER_HOUR = 5;
/** The zone's 公示 stage. */
export const PUBLICITY = (zone: ZoneConfig) => zone.subsidy.stages.find((s) => s.kind === "publicity")!.key;

export const ObjectionInput = z.strictObject({
  name: textField({ label: "姓名或单位", max: 60 }).refine((s) => s.length >= 1, "请填写姓名或单位"),
  contact: textField({ label: "电话或邮箱", max: 100 }).refine((s) => s.length >= 5, "请留下电话或邮箱,便于核实"),
  content: textField({ label: "异议内容", max: 2000, multiline: true }).refine(
    (s) => s.length >= 10,
    "请具体说明异议内容(至少 10 个字)",
  ),
});

export async function lodgeObjection(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "ip" | "origin">,
  id: string,
  input: z.infer<typeof ObjectionInput>,
) {
  const { db, zone, now } = ctx;
  // One round trip of reads: the application, its members' addresses and this address's recent objections.
  const ofApp = db
    .select({ v: subsidyApplications.enterpriseId })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.id, id));
  // An objection holds an application, so one address may not hold many: a few per hour, counted in the database.
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  const [apps, members, counted] = await db.batch([
    db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).limit(1),
    memberEmailsQuery(db, sql`(${ofApp})`),
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "subsidy.objection"), eq(auditLog.ip, ctx.ip), gte(auditLog.at, since))),
  ]);
  const app = apps[0];
  // Only what is on the public page can be objected to; anything else does not exist for the public.
  if (app?.status !== "in_review" || app.stage !== PUBLICITY(zone))
    throw new AppError("not_found", "公示中没有这一项。");
  const today = shanghaiDate(now);
  if (app.publicityTo && today > app.publicityTo)
    throw new AppError("conflict", `公示期已于 ${app.publicityTo} 结束。`);
  if (Number(counted[0]?.n ?? 0) >= OBJECTIONS_PER_HOUR)
    throw new AppError("rate_limited", "同一网络一小时内提交的异议过多,请稍后再提交,或致电园区管委会。", undefined, {
      retryAfterSeconds: 3600,
    });
  const objectionId = newId();
  await transition(ctx, app, {
    set: {},
    event: { action: "objection", stage: app.stage, note: "收到公示异议,待园区管理员处理" },
    actor: { id: null, email: "public" },
    // The enterprise learns its application is held, not who objected or what they said.
    notice: {
      emails: members.map((m) => m.email),
      subject: "公示期间收到异议",
      lines: [
        "贵企业的申报在公示期间收到异议,园区正在核实;核实期间暂停进入下一环节。",
        "如需补充说明,可在申报页面给园区留言。",
      ],
    },
    // The zone admins decide objections: an unseen one would quietly hold the application.
    staffNotice: {
      kind: "objection_lodged",
      roles: ["zone_admin"],
      title: "公示期间收到异议",
      body: `一份公示中的申报收到异议(公示至 ${app.publicityTo ?? "—"}),处理前它不会进入下一环节,请核实后处理。`,
    },
    chained: [
      (d) =>
        onlyIfChanged(
          d,
          d
            .insert(subsidyObjections)
            .values({ id: objectionId, applicationId: id, lodgedAt: now.getTime(), status: "open", ...input }),
        ),
    ],
  });
  return { id: objectionId };
}

export const ResolveInput = z.strictObject({
  decision: z.enum(["dismiss", "uphold"]),
  resolution: textField({ label: "处理意见", max: 1000, multiline: true }).refine(
    (s) => s.length >= 1,
    "请写明处理意见",
  ),
});

export async function resolveObjection(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  objectionId: string,
  input: z.infer<typeof ResolveInput>,
  /** The programme's title, or (still reading) the titles of the policy in force, awaited beside the objection. */
  titles: string | Promise<(programmeId: string) => string>,
): Promise<SubsidyApplicationRow> {
  const { db, now, actor } = ctx;
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "公示异议由园区管理员处理。");
  // One round trip of reads: the objection, its application and the enterprise's members (found in SQL).
  const appOf = db
    .select({ v: subsidyObjections.applicationId })
    .from(subsidyObjections)
    .where(eq(subsidyObjections.id, objectionId));
  const enterpriseOf = db
    .select({ v: subsidyApplications.enterpriseId })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.id, sql`(${appOf})`));
  const [[objections, apps, members], title] = await Promise.all([
    db.batch([
      db.select().from(subsidyObjections).where(eq(subsidyObjections.id, objectionId)).limit(1),
      db
        .select()
        .from(subsidyApplications)
        .where(eq(subsidyApplications.id, sql`(${appOf})`))
        .limit(1),
      memberEmailsQuery(db, sql`(${enterpriseOf})`),
    ]),
    titles,
  ]);
  const objection = objections[0];
  const app = apps[0];
  if (!objection || !app) throw new AppError("not_found", "没有这条异议。");
  if (objection.status !== "open") throw new AppError("conflict", "这条异议已处理。");
  const programme = typeof title === "string" ? title : title(app.programmeId);
  const emails = members.map((m) => m.email);
  const resolve = (d: TenantDb) =>
    d
      .update(subsidyObjections)
      .set({
        status: input.decision === "uphold" ? "upheld" : "dismissed",
        resolvedBy: actor.id,
        resolvedAt: now.getTime(),
        resolution: input.resolution,
      })
      .where(and(eq(subsidyObjections.id, objectionId), eq(subsidyObjections.status, "open"), CHAINED));
  if (input.decision === "uphold") {
    // Only if this batch decided: this objection upheld by this admin at this moment (the chain's last link).
    const upheldHere = sql`exists (select 1 from ${subsidyObjections} where ${and(
      eq(subsidyObjections.id, objectionId),
      eq(subsidyObjections.status, "upheld"),
      eq(subsidyObjections.resolvedBy, actor.id),
      eq(subsidyObjections.resolvedAt, now.getTime()),
    )})`;
    return transition(ctx, app, {
      set: { status: "rejected", decidedAt: now.getTime(), dueOn: null },
      event: { action: "objection_upheld", stage: app.stage, note: input.resolution },
      actor,
      chained: [resolve],
      notice: {
        emails,
        subject: `${programme}:公示异议成立,申报未通过`,
        lines: [`“${programme}”公示期间收到的异议经核实成立,申报未通过。`, `处理意见:${input.resolution}`],
      },
      // Other objections to the same application are settled by this decision: a multi-row update,
      // so after the chain (only-if-changed.ts), in the same batch, guarded on this decision having been made.
      after: [
        (d) =>
          d
            .update(subsidyObjections)
            .set({
              status: "upheld",
              resolvedBy: actor.id,
              resolvedAt: now.getTime(),
              resolution: `随同异议处理:${input.resolution}`,
            })
            .where(and(eq(subsidyObjections.applicationId, app.id), eq(subsidyObjections.status, "open"), upheldHere)),
      ],
    });
  }
  return transition(ctx, app, {
    set: {},
    event: { action: "objection_dismissed", stage: app.stage, note: input.resolution },
    actor,
    chained: [resolve],
    notice: {
      emails,
      subject: `${programme}:公示异议经核实不成立`,
      lines: [`“${programme}”公示期间收到的异议经核实不成立,公示继续;公示期满后进入下一环节。`],
    },
  });
}

/** Applications whose notice period has ended with no open objection move on; returns how many. */
/** Applications moved past 公示 per scheduled run and zone: bounded work, whatever the backlog. */
export const PUBLICITY_PER_RUN = 200;

export async function advancePublicity(
  ctx: Pick<RequestCtx, "db" | "zone" | "now" | "origin"> & { ip: string | null },
  title: (programmeId: string) => string,
): Promise<number> {
  const { db, zone, now } = ctx;
  const today = shanghaiDate(now);
  const ofThisApplication = sql`${subsidyObjections.applicationId} = ${subsidyApplications.id}`;
  const openOne = sql`${ofThisApplication} and ${subsidyObjections.status} = 'open'`;
  const noOpenObjection = sql`not exists (select 1 from ${subsidyObjections} where ${openOne})`;
  // At most PUBLICITY_PER_RUN a run (the next run, a minute later, takes the rest: moved ones no
  // longer match), with every member's address for them in the same round trip.
  const dueQuery = db
    .select({ id: subsidyApplications.id })
    .from(subsidyApplications)
    .where(
      and(
        eq(subsidyApplications.status, "in_review"),
        eq(subsidyApplications.stage, PUBLICITY(zone)),
        lt(subsidyApplications.publicityTo, today),
        noOpenObjection,
      ),
    )
    .orderBy(subsidyApplications.id)
    .limit(PUBLICITY_PER_RUN);
  const [due, members]: [SubsidyApplicationRow[], { enterpriseId: string | null; email: string }[]] = await db.batch([
    db
      .select()
      .from(subsidyApplications)
      .where(inArray(subsidyApplications.id, dueQuery))
      .orderBy(subsidyApplications.id),
    db
      .select({ enterpriseId: users.enterpriseId, email: users.email })
      .from(users)
      .where(
        and(
          inArray(
            users.enterpriseId,
            db
              .select({ id: subsidyApplications.enterpriseId })
              .from(subsidyApplications)
              .where(inArray(subsidyApplications.id, dueQuery)),
          ),
          eq(users.role, "enterprise"),
          eq(users.status, "active"),
        ),
      ),
  ]);
  const emailsOf = (enterpriseId: string) => members.filter((m) => m.enterpriseId === enterpriseId).map((m) => m.email);
  let moved = 0;
  for (const app of due) {
    const next = nextStage(zone, app.stage!)!;
    try {
      await transition(ctx, app, {
        // The clock passed 公示, so whoever passed the stage before it did not pass the one before 拨付.
        set: { stage: next.key, stageEnteredAt: now.getTime(), dueOn: dueOnFor(zone, next, today), lastPassedBy: null },
        // The objection check is repeated in the write: one lodged a moment ago still holds it.
        guard: noOpenObjection,
        event: {
          action: "advanced",
          stage: app.stage,
          toStage: next.key,
          note: `公示期(${app.publicityFrom} 至 ${app.publicityTo})届满无异议`,
        },
        actor: { id: null, email: "system" },
        notice: {
          emails: emailsOf(app.enterpriseId),
          subject: `${title(app.programmeId)}:公示期满,进入${next.zh}`,
          lines: [`“${title(app.programmeId)}”公示期满无异议,进入${next.zh}。`],
        },
      });
      moved++;
    } catch (err) {
      // Moved by someone else, or an objection arrived.
      if (!(err instanceof AppError) || err.code !== "conflict") throw err;
    }
  }
  return moved;
}
