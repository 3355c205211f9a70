/**
 * API shapes of subsidy applications in answers, and the rows → JSON they describe: times as
 * ISO strings, the JSON columns (facts, form values, the engine's result) parsed, money in
 * integer fen, and nothing internal (idempotency key, who passed last).
 */
import { z } from "@hono/zod-openapi";
import { SUBSIDY_STATUSES, type SubsidyApplicationRow } from "../../../db/schema";
import type { Evaluation } from "../../../engines/policy/evaluate";
import type { ZoneConfig } from "../../../../tenants/schema";
import { applicationNumber } from "../../../lib/application-number";
import { EvaluationSchema } from "../../policies/programme-schemas";
import { parseJson } from "../context";
import type { ApplicationDetail } from "../get-application";
import { STATUS_ZH } from "../../../../web/labels/subsidies";
import { materialKind } from "../submit-application";

const iso = z.string().openapi({ description: "ISO 8601 time (UTC)", example: "2026-06-01T02:00:00.000Z" });
const day = z.string().openapi({ description: "YYYY-MM-DD, Asia/Shanghai", example: "2026-06-09" });
const fen = z.number().int().openapi({ description: "Integer fen (1 元 = 100 分)" });
const isoOf = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : isoOf(ms));

export const SubsidyApplicationSchema = z
  .object({
    id: z.string(),
    number: z
      .string()
      .nullable()
      .openapi({
        description:
          "The application number people read and search (ZB-2026-000123: the zone's letters, the year of " +
          "creation, the sequence); null only for rows written outside the app",
        example: "ZB-2026-000123",
      }),
    programmeId: z.string(),
    programme: z.string().openapi({
      description:
        'The programme\'s title in the policy in force ("已调整的扶持项目" when it has left it; never its id)',
    }),
    enterpriseId: z.string(),
    status: z.enum(SUBSIDY_STATUSES),
    statusZh: z.string(),
    stage: z.string().nullable().openapi({
      description: "The zone's stage key (e.g. first-review, second-review, publicity, payment); null for a draft",
    }),
    facts: z.record(z.string(), z.unknown()),
    formValues: z.record(z.string(), z.string()),
    projectCode: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    evaluation: EvaluationSchema.nullable().openapi({
      description: "The engine's result at submission, with its explanation",
    }),
    requestedFen: fen.nullable(),
    amountFen: fen.nullable().openapi({ description: "The amount as it stands after review; what is awarded" }),
    rangeMinFen: fen.nullable(),
    rangeMaxFen: fen.nullable(),
    awardYear: z.number().int().nullable(),
    revision: z.number().int().openapi({ description: "Bumped by every change; send it back with a save or review" }),
    createdAt: iso,
    updatedAt: iso,
    submittedAt: iso.nullable(),
    stageEnteredAt: iso.nullable(),
    decidedAt: iso.nullable(),
    dueOn: day.nullable(),
    publicityFrom: day.nullable(),
    publicityTo: day.nullable(),
    loanId: z.string().nullable().openapi({
      description: "贴息: the 金融超市 loan the application was started from (its facts come from it); else null",
    }),
    interestConfirmation: z
      .object({ paidFen: fen, by: z.string(), at: iso, note: z.string().nullable() })
      .nullable()
      .openapi({ description: "贴息: the interest paid as the lending bank confirmed it; null until it does" }),
  })
  .openapi("SubsidyApplication");

export function applicationJson(
  a: SubsidyApplicationRow,
  title: (programmeId: string) => string,
  zone: Pick<ZoneConfig, "slug" | "code">,
): z.infer<typeof SubsidyApplicationSchema> {
  return {
    id: a.id,
    number: applicationNumber(zone, "subsidy", a),
    programmeId: a.programmeId,
    programme: title(a.programmeId),
    enterpriseId: a.enterpriseId,
    status: a.status,
    statusZh: STATUS_ZH[a.status],
    stage: a.stage,
    facts: parseJson<Record<string, unknown>>(a.facts, {}),
    formValues: parseJson<Record<string, string>>(a.formValues, {}),
    projectCode: a.projectCode,
    policyVersion: a.policyVersion,
    evaluation: parseJson<(Evaluation & { policyVersion: number }) | null>(a.evaluation, null),
    requestedFen: a.requestedFen,
    amountFen: a.amountFen,
    rangeMinFen: a.rangeMinFen,
    rangeMaxFen: a.rangeMaxFen,
    awardYear: a.awardYear,
    revision: a.revision,
    createdAt: isoOf(a.createdAt),
    updatedAt: isoOf(a.updatedAt),
    submittedAt: isoOrNull(a.submittedAt),
    stageEnteredAt: isoOrNull(a.stageEnteredAt),
    decidedAt: isoOrNull(a.decidedAt),
    dueOn: a.dueOn,
    publicityFrom: a.publicityFrom,
    publicityTo: a.publicityTo,
    loanId: a.loanId,
    interestConfirmation:
      a.interestConfirmedFen !== null && a.interestConfirmedAt !== null
        ? {
            paidFen: a.interestConfirmedFen,
            by: a.interestConfirmedBy ?? "",
            at: isoOf(a.interestConfirmedAt),
            note: a.interestConfirmNote,
          }
        : null,
  };
}

export const MaterialSchema = z
  .object({
    id: z.string(),
    materialId: z.string().openapi({ description: "The programme's material id" }),
    filename: z.string(),
    size: z.number().int(),
    uploadedAt: iso,
    url: z.string().openapi({ example: "/materials/k2v7m4q9x3a5b6c7d8e2f3g4h5" }),
  })
  .openapi("SubsidyMaterial");

export function materialJson(m: {
  id: string;
  kind: string;
  filename: string;
  size: number;
  createdAt: number;
}): z.infer<typeof MaterialSchema> {
  const prefix = materialKind("");
  return {
    id: m.id,
    materialId: m.kind.startsWith(prefix) ? m.kind.slice(prefix.length) : m.kind,
    filename: m.filename,
    size: m.size,
    uploadedAt: isoOf(m.createdAt),
    url: `/materials/${m.id}`,
  };
}

export const DetailSchema = z
  .object({
    application: SubsidyApplicationSchema,
    enterprise: z.object({ id: z.string(), name: z.string() }),
    standing: z
      .object({ label: z.string(), expected: z.string(), by: day.nullable() })
      .openapi({ description: "Where it stands, what is expected of whom, by when" }),
    events: z.array(
      z.object({
        id: z.number().int(),
        at: iso,
        actor: z.string().openapi({ description: 'An email, "system" (the clock) or "public" (an objection)' }),
        action: z.string(),
        stage: z.string().nullable(),
        toStage: z.string().nullable(),
        amountFen: fen.nullable(),
        note: z.string().nullable(),
      }),
    ),
    materials: z.array(MaterialSchema),
    payments: z.array(
      z.object({ id: z.string(), amountFen: fen, paidOn: day, voucherNo: z.string(), recordedAt: iso }),
    ),
    paidFen: fen,
    objections: z
      .array(
        z.object({
          id: z.string(),
          lodgedAt: iso,
          name: z.string(),
          contact: z.string(),
          content: z.string(),
          status: z.enum(["open", "dismissed", "upheld"]),
          resolvedAt: iso.nullable(),
          resolution: z.string().nullable(),
        }),
      )
      .openapi({ description: "Zone staff only (empty for the enterprise)" }),
    openObjections: z.number().int(),
  })
  .openapi("SubsidyApplicationDetail");

export function detailJson(
  d: ApplicationDetail,
  title: (programmeId: string) => string,
  zone: Pick<ZoneConfig, "slug" | "code">,
): z.infer<typeof DetailSchema> {
  return {
    application: applicationJson(d.application, title, zone),
    enterprise: d.enterprise,
    standing: d.standing,
    events: d.events.map((e) => ({
      id: e.id,
      at: isoOf(e.at),
      actor: e.actor,
      action: e.action,
      stage: e.stage,
      toStage: e.toStage,
      amountFen: e.amountFen,
      note: e.note,
    })),
    materials: d.materials.map(materialJson),
    payments: d.payments.map((p) => ({
      id: p.id,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      voucherNo: p.voucherNo,
      recordedAt: isoOf(p.recordedAt),
    })),
    paidFen: d.paidFen,
    objections: d.objections.map((o) => ({
      id: o.id,
      lodgedAt: isoOf(o.lodgedAt),
      name: o.name,
      contact: o.contact,
      content: o.content,
      status: o.status,
      resolvedAt: isoOrNull(o.resolvedAt),
      resolution: o.resolution,
    })),
    openObjections: d.openObjections,
  };
}

const ListItemSchema = z
  .object({
    id: z.string(),
    number: z.string().nullable().openapi({ example: "ZB-2026-000123" }),
    programmeId: z.string(),
    programme: z.string(),
    enterpriseId: z.string(),
    enterprise: z.string(),
    status: z.enum(SUBSIDY_STATUSES),
    statusZh: z.string(),
    stage: z.string().nullable(),
    amountFen: fen.nullable(),
    requestedFen: fen.nullable(),
    submittedAt: iso.nullable(),
    updatedAt: iso,
    dueOn: day.nullable(),
    revision: z.number().int(),
    hasOpenObjection: z
      .boolean()
      .optional()
      .openapi({ description: "Staff queue: an objection lodged during 公示 is waiting for the zone admin" }),
  })
  .openapi("SubsidyApplicationListItem");

export const ListSchema = z.object({
  applications: z.array(ListItemSchema),
  counts: z
    .array(z.object({ status: z.enum(SUBSIDY_STATUSES), stage: z.string().nullable(), n: z.number().int() }))
    .openapi({
      description:
        "Per status and stage (staff: the zone's submitted applications, whatever the filters; a member: its own)",
    }),
  total: z.number().int().openapi({ description: "How many applications the filters match, on every page" }),
  nextCursor: z
    .string()
    .nullable()
    .openapi({ description: "Pass as ?after= for the next page; null on the last page" }),
});

export const PublicitySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable().openapi({ example: "ZB-2026-000123" }),
      enterprise: z.string(),
      programmeId: z.string(),
      programme: z.string(),
      amountFen: fen.nullable(),
      from: day.nullable(),
      to: day.nullable(),
    }),
  ),
  total: z.number().int().openapi({ description: "Items on notice, every page" }),
  nextCursor: z.string().nullable().openapi({ description: "Pass as ?after= for the next page; null on the last" }),
});

export const DashboardSchema = z
  .object({
    year: z.number().int(),
    programmes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        byStatus: z.array(
          z.object({
            status: z.enum(SUBSIDY_STATUSES),
            statusZh: z.string(),
            stage: z.string().nullable(),
            stageZh: z.string(),
            n: z.number().int(),
            amountFen: fen,
          }),
        ),
        budgetFen: fen.nullable(),
        awardedThisYearFen: fen,
        paidFen: fen,
      }),
    ),
    stages: z.array(
      z.object({
        key: z.string(),
        zh: z.string(),
        waiting: z.number().int(),
        averageDays: z.number().nullable(),
        completed: z.number().int(),
      }),
    ),
  })
  .openapi("SubsidyDashboard");
