/**
 * 政策兑现's exports as tables defined once: the submitted applications and the recorded payments,
 * each a list of columns and typed rows (amounts in fen, moments in epoch ms) that the CSV
 * (lib/xlsx/csv-values.ts) and the Excel workbook (lib/xlsx) write alike. The workbook's rows
 * are read in keyset chunks of 500 (a round trip each), so memory stays bounded at any size.
 */
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import type { TenantDb } from "../../db/open";
import { enterprises, subsidyApplications, subsidyPayments } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import type { XlsxColumn } from "../../lib/xlsx";

export const EXPORT_CHUNK = 500;

export const APPLICATION_COLUMNS: XlsxColumn[] = [
  { header: "申报编号", format: "text", width: 16 },
  { header: "企业名称", format: "text", width: 30 },
  { header: "统一社会信用代码", format: "text", width: 22 },
  { header: "项目编号", format: "text", width: 16 },
  { header: "项目名称", format: "text", width: 30 },
  { header: "状态", format: "text", width: 10 },
  { header: "环节", format: "text", width: 12 },
  { header: "测算金额(元)", format: "yuan" },
  { header: "核定金额(元)", format: "yuan" },
  { header: "申报年度", format: "integer" },
  { header: "政策版本", format: "integer" },
  { header: "提交时间(北京时间)", format: "datetime", width: 20 },
];

export const PAYMENT_COLUMNS: XlsxColumn[] = [
  { header: "凭证号", format: "text", width: 20 },
  { header: "申报编号", format: "text", width: 16 },
  { header: "企业名称", format: "text", width: 30 },
  { header: "统一社会信用代码", format: "text", width: 22 },
  { header: "项目编号", format: "text", width: 16 },
  { header: "项目名称", format: "text", width: 30 },
  { header: "拨付金额(元)", format: "yuan" },
  { header: "拨付日期", format: "date" },
  { header: "登记时间(北京时间)", format: "datetime", width: 20 },
];

/** Programme id → its title in the policy in force ("" when the programme is no longer in it). */
export type ProgrammeTitle = (programmeId: string) => string;

const applicationSelect = { a: subsidyApplications, enterprise: enterprises.name, uscc: enterprises.uscc };
type ApplicationExportRow = Awaited<ReturnType<typeof applicationChunkQuery>>[number];

/** Submission order; a submitted application without a time (none should be) sorts first. */
const submittedKey = sql<number>`coalesce(${subsidyApplications.submittedAt}, 0)`;

/** Which applications an export holds: by default every submitted (non-draft) one, or the queue's filters. */
export type ApplicationFilter = SQL[];
const SUBMITTED: ApplicationFilter = [sql`${subsidyApplications.status} <> 'draft'`];

/** One chunk of the applications `filter` selects after `after`, in submission order. */
export function applicationChunkQuery(
  db: TenantDb,
  after: { submitted: number; id: string } | null,
  filter: ApplicationFilter = SUBMITTED,
) {
  return db
    .select(applicationSelect)
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(
      and(
        ...filter,
        after ? sql`(${submittedKey}, ${subsidyApplications.id}) > (${after.submitted}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(submittedKey), asc(subsidyApplications.id))
    .limit(EXPORT_CHUNK);
}

/** How many applications `filter` selects (the audit records it). */
export function applicationCountQuery(db: TenantDb, filter: ApplicationFilter = SUBMITTED) {
  return db
    .select({ n: count() })
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(and(...filter));
}

export function applicationRow(zone: ZoneConfig, title: ProgrammeTitle) {
  return ({ a, enterprise, uscc }: ApplicationExportRow): unknown[] => [
    applicationNumber(zone, "subsidy", a),
    enterprise,
    uscc,
    a.programmeId,
    title(a.programmeId),
    STATUS_ZH[a.status],
    zone.subsidy.stages.find((s) => s.key === a.stage)?.zh ?? null,
    a.requestedFen,
    a.amountFen,
    a.awardYear,
    a.policyVersion,
    a.submittedAt,
  ];
}

/** The rest of the applications after a first chunk, one chunk (round trip) at a time. */
export async function* laterApplicationChunks(
  db: TenantDb,
  previous: ApplicationExportRow[],
  filter: ApplicationFilter = SUBMITTED,
) {
  let chunk = previous;
  while (chunk.length === EXPORT_CHUNK) {
    const last = chunk[chunk.length - 1]!.a;
    chunk = await applicationChunkQuery(db, { submitted: last.submittedAt ?? 0, id: last.id }, filter);
    yield chunk;
  }
}

const paymentSelect = {
  p: subsidyPayments,
  numberYear: subsidyApplications.numberYear,
  numberSeq: subsidyApplications.numberSeq,
  enterprise: enterprises.name,
  uscc: enterprises.uscc,
};
type PaymentExportRow = Awaited<ReturnType<typeof paymentChunkQuery>>[number];

/** One chunk of recorded payments after `after`, in the order they were paid. */
export function paymentChunkQuery(db: TenantDb, after: { paidOn: string; id: string } | null) {
  return db
    .select(paymentSelect)
    .from(subsidyPayments)
    .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyPayments.applicationId))
    .leftJoin(enterprises, eq(enterprises.id, subsidyPayments.enterpriseId))
    .where(after ? sql`(${subsidyPayments.paidOn}, ${subsidyPayments.id}) > (${after.paidOn}, ${after.id})` : undefined)
    .orderBy(asc(subsidyPayments.paidOn), asc(subsidyPayments.id))
    .limit(EXPORT_CHUNK);
}

export function paymentRow(zone: ZoneConfig, title: ProgrammeTitle) {
  return ({ p, numberYear, numberSeq, enterprise, uscc }: PaymentExportRow): unknown[] => [
    p.voucherNo,
    applicationNumber(zone, "subsidy", { numberYear, numberSeq }),
    enterprise,
    uscc,
    p.programmeId,
    title(p.programmeId),
    p.amountFen,
    p.paidOn,
    p.recordedAt,
  ];
}

export async function* laterPaymentChunks(db: TenantDb, previous: PaymentExportRow[]) {
  let chunk = previous;
  while (chunk.length === EXPORT_CHUNK) {
    const last = chunk[chunk.length - 1]!.p;
    chunk = await paymentChunkQuery(db, { paidOn: last.paidOn, id: last.id });
    yield chunk;
  }
}
