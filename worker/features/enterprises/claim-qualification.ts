/**
 * The enterprise claims a qualification, or updates one it holds (a renewed
 * certificate). Either way it is a zone-verified fact, so the claim is a new
 * `pending_review` row: the verified row, if any, stays as it was until staff
 * verify the new one. A newer claim for the same code replaces an older claim
 * still waiting (that one becomes `withdrawn`).
 *
 * The certificate file (required when the zone's type has `certificate: true`)
 * is stored through the materials feature and its row written in the claim's
 * batch. Its kind is `certificate:<code>:<qualification id>`: exact, so the
 * claim's page finds its own file by kind rather than guessing by time; the
 * material id is also kept in the history row's `after`.
 */
import { and, desc, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { enterpriseQualifications } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import { checkMaterialFile, prepareMaterial } from "../materials/save-material";
import { MATERIAL_LIMIT_LABEL, MATERIAL_TYPES_LABEL } from "../materials/material-file";
import { historyInsert } from "./history";
import type { QualificationClaim } from "./schemas";
import { addYears, dateRangeMessage } from "../../lib/date-range";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** The material kind of a claim's certificate: one claim, one file. */
export const certificateKind = (code: string, qualificationId: string) => `certificate:${code}:${qualificationId}`;

export const CERTIFICATE_RULE = `${MATERIAL_TYPES_LABEL},不超过 ${MATERIAL_LIMIT_LABEL}`;

function checkClaim(zone: ZoneConfig, claim: QualificationClaim, today: string, file: File | null) {
  const type = zone.qualifications.find((q) => q.code === claim.code);
  if (!type) throw new AppError("validation_failed", "本园区没有这项资质。", { code: "请从列表中选择资质" });
  const fields: Record<string, string> = {};
  if (type.certificate) {
    if (!claim.certificateNo) fields.certificateNo = `${type.zh}须填写证书编号`;
    if (!claim.issuedOn) fields.issuedOn = "请填写发证日期";
    if (!claim.validUntil) fields.validUntil = "请填写证书有效期至";
    if (!file) fields.certificate = `请上传${type.zh}证书(${CERTIFICATE_RULE})`;
  }
  if (claim.issuedOn && claim.issuedOn > today) fields.issuedOn ??= "发证日期不能晚于今天";
  if (claim.issuedOn && claim.validUntil && claim.validUntil <= claim.issuedOn)
    fields.validUntil ??= "有效期至应晚于发证日期";
  if (claim.validUntil && claim.validUntil < today) fields.validUntil ??= "证书已过有效期,请申报有效的证书";
  // Plausible certificates: none in force was issued more than 20 years ago, none runs beyond 10 years from now
  // (高新技术企业 and 专精特新 run three years); a year typed as 1024 or 2099 is a slip, not a certificate.
  const [issuedFrom, validTo] = [addYears(today, -20), addYears(today, 10)];
  if (claim.issuedOn && claim.issuedOn < issuedFrom)
    fields.issuedOn ??= dateRangeMessage("发证日期", issuedFrom, today);
  if (claim.validUntil && claim.validUntil > validTo)
    fields.validUntil ??= dateRangeMessage("有效期至", today, validTo);
  if (Object.keys(fields).length) throw new AppError("validation_failed", "请按提示补全资质信息。", fields);
  return type;
}

/** `blobs`: where the certificate's bytes go (the runtime's store, not part of the request). */
export async function claimQualification(
  { db, zone, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  blobs: BlobStore,
  enterpriseId: string,
  claim: QualificationClaim,
  file: File | null = null,
): Promise<{ id: string; materialId: string | null }> {
  const type = checkClaim(zone, claim, shanghaiDate(now), file);
  // Checked before anything is stored: a refused file changes nothing.
  if (file) await checkMaterialFile(file, "certificate");
  const current = await db
    .select()
    .from(enterpriseQualifications)
    .where(and(eq(enterpriseQualifications.enterpriseId, enterpriseId), eq(enterpriseQualifications.code, claim.code)))
    .orderBy(desc(enterpriseQualifications.createdAt));
  const verified = current.find((q) => q.status === "verified");
  const waiting = current.filter((q) => q.status === "pending_review");
  const id = newId();
  const facts = {
    code: claim.code,
    certificateNo: claim.certificateNo,
    issuedOn: claim.issuedOn,
    validUntil: claim.validUntil,
  };
  const material = file
    ? await prepareMaterial(
        { db, blobs, zone, now },
        {
          ownerKind: "enterprise",
          ownerId: enterpriseId,
          kind: certificateKind(claim.code, id),
          file,
          uploadedBy: actor.id,
          actor: actor.email,
          ip,
          field: "certificate",
        },
      )
    : null;
  const before = verified
    ? {
        id: verified.id,
        certificateNo: verified.certificateNo,
        issuedOn: verified.issuedOn,
        validUntil: verified.validUntil,
        status: verified.status,
      }
    : null;
  try {
    await db.batch([
      db
        .insert(enterpriseQualifications)
        .values({ id, enterpriseId, ...facts, status: "pending_review", createdAt: now.getTime() }),
      ...waiting.map((q) =>
        db
          .update(enterpriseQualifications)
          .set({ status: "withdrawn", reviewNote: "被企业新的申报替代" })
          .where(and(eq(enterpriseQualifications.id, q.id), eq(enterpriseQualifications.status, "pending_review"))),
      ),
      historyInsert(
        db,
        {
          enterpriseId,
          actor,
          subject: `qualification:${id}`,
          before,
          after: { ...facts, status: "pending_review", certificateMaterialId: material?.row.id ?? null },
        },
        now,
      ),
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: "enterprise.qualification_claimed",
          target: enterpriseId,
          result: "ok",
          ip,
          detail: { qualification: id, code: type.code, replacesPending: waiting.length },
        },
        now,
      ),
      ...(material ? [material.insert, material.audit] : []),
    ]);
  } catch (e) {
    // The row never existed, so the stored bytes would only be an orphan.
    await material?.discard().catch(() => {});
    throw e;
  }
  return { id, materialId: material?.row.id ?? null };
}
