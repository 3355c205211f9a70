/**
 * Stores an uploaded material: checks it (size before reading, type by magic
 * bytes, non-empty), puts the bytes in the blob store under `<zone slug>/<id>`,
 * then records the `materials` row with its audit entry in one batch.
 *
 * `prepareMaterial` does everything but the row, for a caller that must commit
 * the row in its own batch (an application and its licence together); it gets
 * `discard()` to remove the stored bytes if that batch fails.
 */
import { materials } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { ZoneConfig } from "../../../tenants/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import {
  formatBytes,
  MATERIAL_LIMIT_LABEL,
  MATERIAL_TYPES_LABEL,
  MAX_MATERIAL_BYTES,
  sanitiseFilename,
  sniffMaterialType,
  type MaterialContentType,
} from "./material-file";

export type MaterialRow = typeof materials.$inferSelect;

/** The request's database and clock, the zone (its slug names the blobs) and the blob store. */
type MaterialCtx = Pick<RequestCtx, "db" | "now"> & { zone: Pick<ZoneConfig, "slug">; blobs: BlobStore };

export interface MaterialUpload {
  ownerKind: MaterialRow["ownerKind"];
  ownerId: string;
  /** What the file is, e.g. "business_licence" or "qualification:gxjs". */
  kind: string;
  file: File;
  uploadedBy: string | null;
  /** The uploader as the audit log shows them (an email); defaults to the user id or "anonymous". */
  actor?: string;
  ip?: string | null;
  /** The form field the file came from, so a form can show the message beside it. */
  field?: string;
}

const KIND = /^[a-z0-9_:-]{1,60}$/;

function refuse(code: "validation_failed" | "payload_too_large", field: string, message: string): AppError {
  return new AppError(code, message, { [field]: message });
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks one file as the service will (size before reading, non-empty, type by
 * its bytes) and returns its bytes and real type. A caller that writes other
 * rows first (an application) calls this up front, so a refused file changes nothing.
 */
export async function checkMaterialFile(
  file: File,
  field = "file",
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: MaterialContentType }> {
  const shownName =
    (file.name.split(/[/\\]/).at(-1) ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").slice(0, 120) || "上传的文件";
  // Checked before the bytes are read, so an oversized upload costs no copy.
  if (file.size > MAX_MATERIAL_BYTES) {
    throw refuse(
      "payload_too_large",
      field,
      `文件「${shownName}」有 ${formatBytes(file.size)},超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
    );
  }
  if (file.size === 0) throw refuse("validation_failed", field, `文件「${shownName}」是空的(0 字节),请重新选择文件。`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffMaterialType(bytes);
  if (!contentType) {
    throw refuse(
      "validation_failed",
      field,
      `文件「${shownName}」不是 ${MATERIAL_TYPES_LABEL} 文件(按文件内容判断,不看扩展名)。` +
        `请上传 ${MATERIAL_TYPES_LABEL} 格式、不超过 ${MATERIAL_LIMIT_LABEL} 的文件。`,
    );
  }
  return { bytes, contentType };
}

export async function prepareMaterial(deps: MaterialCtx, input: MaterialUpload) {
  if (!KIND.test(input.kind))
    throw new Error(`material kind ${JSON.stringify(input.kind)}: lower-case letters, digits, _ : - only`);
  const { bytes, contentType } = await checkMaterialFile(input.file, input.field);
  const id = newId();
  // The zone prefix comes from the zone serving the request, never from input: one bucket serves every zone.
  const blobKey = `${deps.zone.slug}/${id}`;
  const row: MaterialRow = {
    id,
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    kind: input.kind,
    filename: sanitiseFilename(input.file.name, contentType),
    contentType,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    blobKey,
    uploadedBy: input.uploadedBy,
    createdAt: deps.now.getTime(),
  };
  await deps.blobs.put(blobKey, bytes, contentType);
  return {
    row,
    insert: deps.db.insert(materials).values(row),
    audit: auditInsert(
      deps.db,
      {
        actorId: input.uploadedBy,
        actor: input.actor ?? input.uploadedBy ?? "anonymous",
        action: "material.uploaded",
        target: `${input.ownerKind}:${input.ownerId}`,
        result: "ok",
        ip: input.ip ?? null,
        detail: { materialId: id, kind: input.kind, contentType, size: bytes.length },
      },
      deps.now,
    ),
    /** Removes the stored bytes; call it when the batch holding `insert` failed. */
    discard: () => deps.blobs.delete(blobKey),
  };
}

/** Checks and stores one file and records it (row + audit in one batch); returns the row. */
export async function saveMaterial(deps: MaterialCtx, input: MaterialUpload): Promise<MaterialRow> {
  const prepared = await prepareMaterial(deps, input);
  try {
    await deps.db.batch([prepared.insert, prepared.audit]);
  } catch (e) {
    // Best effort: the row never existed, so the bytes would only be an orphan.
    await prepared.discard().catch(() => {});
    throw e;
  }
  return prepared.row;
}
