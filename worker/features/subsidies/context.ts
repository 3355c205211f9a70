/**
 * What every subsidy service needs, and the rules shared by all of them: the
 * zone's stages and calendar, the application as its reader may see it (404
 * otherwise: another enterprise's application does not exist for you), and the
 * enterprise's awards as an approval counts them (award-history.ts has the
 * history every other evaluation reads).
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SubsidyStage, ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { subsidyApplications, type SubsidyApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { lastOfWorkingDays } from "../../lib/working-days";
import { calendarOf, nextDay } from "../../lib/calendar";
import type { Award } from "../../engines/policy/format/programme";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { loadAwardHistory } from "./award-history";
import { memberEmailsQuery } from "./notices";

export const NOT_FOUND = "没有这份申报。";

export const firstStage = (zone: ZoneConfig): SubsidyStage => zone.subsidy.stages[0]!;

export function stageOf(zone: ZoneConfig, key: string | null): SubsidyStage {
  const s = zone.subsidy.stages.find((x) => x.key === key);
  if (!s)
    throw new AppError(
      "conflict",
      key === null
        ? "这份申报不在审核环节中。"
        : `该申报所在的环节「${key}」已从审核流程中删除,请联系园区管理员将其移至现有环节。`,
    );
  return s;
}

export function nextStage(zone: ZoneConfig, key: string): SubsidyStage | null {
  const stages = zone.subsidy.stages;
  return stages[stages.findIndex((s) => s.key === key) + 1] ?? null;
}

/** The day a stage entered today is due: its working days counted from the next working day. */
export function dueOnFor(zone: ZoneConfig, stage: SubsidyStage, today: string): string {
  return lastOfWorkingDays(nextDay(today), stage.dueWorkingDays, calendarOf(zone));
}

/** An application the actor may see: staff see all of the zone's; members their enterprise's; nobody else any. */
export async function readableApplication(
  { db, actor }: Pick<RequestCtx<Actor>, "db" | "actor">,
  id: string,
): Promise<SubsidyApplicationRow> {
  const [row] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).limit(1);
  if (!row || !canRead(actor, row)) throw new AppError("not_found", NOT_FOUND);
  return row;
}

/**
 * The application and the addresses its notices go to (its enterprise's active members), in one
 * round trip: the members are found through the application in SQL, not after it. Extra reads an
 * action needs (`also`) join the same batch.
 */
export async function readableWithMembers<E extends BatchItem<"sqlite">[]>(
  { db, actor }: Pick<RequestCtx<Actor>, "db" | "actor">,
  id: string,
  ...also: E
): Promise<{ app: SubsidyApplicationRow; emails: string[]; also: { [K in keyof E]: Awaited<E[K]> } }> {
  const ofApp = db
    .select({ v: subsidyApplications.enterpriseId })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.id, id));
  const [rows, members, ...rest] = await db.batch([
    db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).limit(1),
    memberEmailsQuery(db, sql`(${ofApp})`),
    ...also,
  ]);
  const row = rows[0];
  if (!row || !canRead(actor, row)) throw new AppError("not_found", NOT_FOUND);
  return {
    app: row,
    emails: members.map((m) => m.email),
    also: rest as unknown as { [K in keyof E]: Awaited<E[K]> },
  };
}

export function canRead(
  actor: Pick<Actor, "role" | "enterpriseId">,
  row: Pick<SubsidyApplicationRow, "enterpriseId">,
): boolean {
  if (actor.role === "zone_admin" || actor.role === "reviewer") return true;
  return actor.role === "enterprise" && actor.enterpriseId !== null && actor.enterpriseId === row.enterpriseId;
}

/** Awards only (awarded or paid), other than `except`: what an approval's guarded write counts (approve-award.ts). */
export async function awardHistory(db: TenantDb, enterpriseId: string, except?: string): Promise<Award[]> {
  return (await loadAwardHistory(db, enterpriseId, except)).awards;
}

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
