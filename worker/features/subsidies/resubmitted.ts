/**
 * "Back in review after a correction and not yet passed on" — one definition for the 工作台's
 * 补正后重新提交 card (workbench/workbench-queries.ts) and the staff queue's 仅看退回后重新提交
 * filter (./list-applications.ts), so the card's count and the list its link opens agree.
 *
 * In review with a `resubmitted` event at or after `stage_entered_at`: submit-application.ts sets
 * stage_entered_at to the resubmission's time, so a later pass to another stage (a newer
 * stage_entered_at) takes the application off the list. The EXISTS probes the events' (application,
 * id) index once per row, so it narrows a list without changing which index orders it.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { subsidyApplications as sa, subsidyEvents as ev } from "../../db/schema";

export const resubmittedInReview: SQL = and(
  eq(sa.status, "in_review"),
  sql`exists (select 1 from ${ev} where ${ev.applicationId} = ${sa.id}
    and ${ev.action} = 'resubmitted' and ${ev.at} >= ${sa.stageEnteredAt})`,
)!;
