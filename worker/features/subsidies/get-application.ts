/**
 * One application as its reader sees it: facts, the engine's explanation,
 * materials, the whole timeline, payments, and — in words — where it stands,
 * what is expected of whom, and by when. Objections are shown to staff only.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import {
  enterprises,
  materials,
  subsidyEvents,
  subsidyObjections,
  subsidyApplications,
  subsidyPayments,
  users,
  type SubsidyApplicationRow,
} from "../../db/schema";
import type { Evaluation } from "../../engines/policy/evaluate";
import { formatMoney } from "../../lib/money";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { currentPolicyQuery, policyFromRow, policyVersionsQuery } from "../policies/current-policy";
import { loanOfApplicationQuery, loanSummary } from "./application-loan";
import { canRead, NOT_FOUND, parseJson } from "./context";
import { STATUS_ZH } from "../../../web/labels/subsidies";

/** Where an application stands, said for the enterprise: what happens next, who acts, by when. */
export function standing(
  zone: ZoneConfig,
  app: SubsidyApplicationRow,
): { label: string; expected: string; by: string | null } {
  const stage = zone.subsidy.stages.find((s) => s.key === app.stage);
  switch (app.status) {
    case "draft":
      return { label: "草稿", expected: "填写完整并上传材料后提交", by: null };
    case "returned":
      return { label: `退回补正(${stage?.zh ?? ""})`, expected: "按退回意见修改后重新提交", by: app.dueOn };
    case "in_review":
      if (stage?.kind === "publicity")
        return { label: "公示中", expected: `公示期满无异议后进入下一环节`, by: app.publicityTo };
      return { label: `${stage?.zh ?? "审核"}中`, expected: `园区${stage?.zh ?? "审核"}`, by: app.dueOn };
    case "awarded":
      return {
        label: "已批准,待拨付",
        expected: `园区拨付${app.amountFen !== null ? formatMoney(app.amountFen) : ""}`,
        by: null,
      };
    case "paid":
      return { label: "已拨付", expected: "无", by: null };
    case "rejected":
      return { label: "未通过", expected: "无", by: null };
    case "withdrawn":
      return { label: "已撤回", expected: "无", by: null };
  }
}

/**
 * The application with everything its pages show — its row, enterprise, timeline, materials, payments
 * (with who recorded them), objections, the policy in force and the version it was computed with, the
 * loan a 贴息 application was started from — in
 * one batch: what depends on the row is read through it in SQL (`... where id = (select ... where
 * id = ?)`), not after it. Whether the actor may read it is decided on the answer; a refusal shows
 * nothing of what was read.
 */
export async function getApplication(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "actor" | "now">, id: string) {
  const { db, zone, actor } = ctx;
  const ofApp = <T extends keyof typeof subsidyApplications.$inferSelect>(column: T) =>
    db.select({ v: subsidyApplications[column] }).from(subsidyApplications).where(eq(subsidyApplications.id, id));
  const [appRows, enterprise, events, files, payments, objections, recorders, current, own, loans] = await db.batch([
    db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).limit(1),
    db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, sql`(${ofApp("enterpriseId")})`)),
    db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, id)).orderBy(asc(subsidyEvents.id)),
    db
      .select({
        id: materials.id,
        kind: materials.kind,
        filename: materials.filename,
        size: materials.size,
        createdAt: materials.createdAt,
      })
      .from(materials)
      .where(and(eq(materials.ownerKind, "subsidy_application"), eq(materials.ownerId, id)))
      .orderBy(asc(materials.createdAt)),
    db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id)).orderBy(asc(subsidyPayments.paidOn)),
    db
      .select()
      .from(subsidyObjections)
      .where(eq(subsidyObjections.applicationId, id))
      .orderBy(asc(subsidyObjections.lodgedAt)),
    db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(
          users.id,
          db
            .select({ v: subsidyPayments.recordedBy })
            .from(subsidyPayments)
            .where(eq(subsidyPayments.applicationId, id)),
        ),
      ),
    currentPolicyQuery(db, zone, shanghaiDate(ctx.now)),
    policyVersionsQuery(db, zone, ofApp("policyVersion")),
    // 贴息: the loan it was started from (none for any other application).
    loanOfApplicationQuery(db, id),
  ]);
  const app = appRows[0];
  if (!app || !canRead(actor, app)) throw new AppError("not_found", NOT_FOUND);
  const staff = actor.role === "zone_admin" || actor.role === "reviewer";
  const [policy, ownVersion] = await Promise.all([policyFromRow(ctx, current[0]), policyFromRow(ctx, own[0])]);
  return {
    application: app,
    enterprise: enterprise[0] ?? { id: app.enterpriseId, name: "" },
    status: STATUS_ZH[app.status],
    standing: standing(zone, app),
    facts: parseJson<Record<string, unknown>>(app.facts, {}),
    formValues: parseJson<Record<string, string>>(app.formValues, {}),
    evaluation: parseJson<(Evaluation & { policyVersion: number }) | null>(app.evaluation, null),
    events,
    materials: files,
    payments,
    /** Who recorded each payment: user id → email. */
    recorders: Object.fromEntries(recorders.map((r) => [r.id, r.email])),
    paidFen: payments.reduce((s, p) => s + p.amountFen, 0),
    // Objectors' names and contacts are for the zone's staff, never the enterprise.
    objections: staff ? objections : [],
    openObjections: objections.filter((o) => o.status === "open").length,
    /** The policy in force today, and the version the application was computed with (either may be null). */
    policy,
    ownVersion: ownVersion?.compiled ?? null,
    /** 贴息: the loan the application was started from, as the pages name it; null for any other. */
    loan: app.loanId !== null && loans[0] ? loanSummary(zone, loans[0]) : null,
    /** …and as its record reads (the draft form's read-only facts). */
    loanSource: app.loanId !== null ? (loans[0] ?? null) : null,
  };
}
export type ApplicationDetail = Awaited<ReturnType<typeof getApplication>>;
