/**
 * One application as its reader sees it: facts, the engine's explanation,
 * materials, the whole timeline, payments, and — in words — where it stands,
 * what is expected of whom, and by when. Objections are shown to staff only.
 */
import { and, asc, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import {
  enterprises,
  materials,
  subsidyEvents,
  subsidyObjections,
  subsidyPayments,
  type SubsidyApplicationRow,
} from "../../db/schema";
import type { Evaluation } from "../../engines/policy/evaluate";
import { formatMoney } from "../../lib/money";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { parseJson, readableApplication } from "./context";
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

export async function getApplication(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "actor">, id: string) {
  const { db, zone, actor } = ctx;
  const app = await readableApplication(ctx, id);
  const staff = actor.role === "zone_admin" || actor.role === "reviewer";
  const [enterprise, events, files, payments, objections] = await db.batch([
    db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, app.enterpriseId)),
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
  ]);
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
    paidFen: payments.reduce((s, p) => s + p.amountFen, 0),
    // Objectors' names and contacts are for the zone's staff, never the enterprise.
    objections: staff ? objections : [],
    openObjections: objections.filter((o) => o.status === "open").length,
  };
}
export type ApplicationDetail = Awaited<ReturnType<typeof getApplication>>;
