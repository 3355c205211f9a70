/**
 * Files sent with an application. All are checked (kind, size, type by their
 * bytes) before anything is written, then stored through the materials feature
 * with their rows committed in the same batch as the application, so a refused
 * file or a failed batch leaves no half-made application behind.
 */
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import {
  formatBytes,
  MATERIAL_LIMIT_LABEL,
  MATERIAL_TYPES_LABEL,
  MAX_MATERIAL_BYTES,
} from "../materials/material-file";
import { checkMaterialFile, prepareMaterial } from "../materials/save-material";
import { decodedLength, MAX_APPLICATION_FILES } from "./request-limits";
import { fileKey } from "./zone-checks";
import type { RequestCtx } from "../../middleware/request-ctx";

export interface Upload {
  kind: string;
  file: File;
}

/** For the form and the API description: what may be uploaded. */
export const UPLOAD_RULE = `${MATERIAL_TYPES_LABEL},每个文件不超过 ${MATERIAL_LIMIT_LABEL}`;

/** Refuses files of a kind the application does not carry, empty, too large or not PDF/JPG/PNG; names each. */
export async function assertUploads(uploads: readonly Upload[], allowed: ReadonlySet<string>): Promise<void> {
  if (uploads.length > MAX_APPLICATION_FILES)
    throw new AppError("validation_failed", `一次最多上传 ${MAX_APPLICATION_FILES} 个文件。`);
  const errors: Record<string, string> = {};
  let tooLarge = false;
  for (const { kind, file } of uploads) {
    const key = fileKey(kind);
    if (!allowed.has(kind)) {
      errors[key] = "这份材料与申报的资质不对应:请勾选对应的资质,或不要上传这份文件。";
      continue;
    }
    try {
      await checkMaterialFile(file, key);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      errors[key] = e.message;
      tooLarge ||= e.code === "payload_too_large";
    }
  }
  if (Object.keys(errors).length === 0) return;
  throw new AppError(tooLarge ? "payload_too_large" : "validation_failed", Object.values(errors).join(" "), errors);
}

/**
 * Puts each file in the blob store and returns the rows' inserts (with their audit
 * rows) for the caller's batch, and `discard` to remove the bytes if it fails.
 */
export async function prepareUploads(
  { db, zone, now, ip }: Pick<RequestCtx, "db" | "zone" | "now" | "ip">,
  blobs: BlobStore,
  applicationId: string,
  uploader: { id: string; email: string },
  uploads: readonly Upload[],
) {
  const prepared: Awaited<ReturnType<typeof prepareMaterial>>[] = [];
  try {
    for (const { kind, file } of uploads) {
      prepared.push(
        await prepareMaterial(
          { db, blobs, zone, now },
          {
            ownerKind: "application",
            ownerId: applicationId,
            kind,
            file,
            uploadedBy: uploader.id,
            actor: uploader.email,
            ip,
            field: fileKey(kind),
          },
        ),
      );
    }
  } catch (e) {
    await Promise.allSettled(prepared.map((p) => p.discard()));
    throw e;
  }
  return {
    writes: prepared.flatMap((p) => [p.insert, p.audit]),
    discard: () => Promise.allSettled(prepared.map((p) => p.discard())),
  };
}

/**
 * Base64 files from the JSON API as File objects, so both doors share one path.
 * A file over the per-file limit is refused by its decoded size, naming it,
 * before any of them is decoded.
 */
export function decodeUploads(
  items: readonly { kind: string; filename: string; contentType: string; base64: string }[],
): Upload[] {
  const tooLarge: Record<string, string> = {};
  for (const { kind, filename, base64 } of items) {
    const size = decodedLength(base64);
    if (size > MAX_MATERIAL_BYTES)
      tooLarge[fileKey(kind)] =
        `文件「${filename}」有 ${formatBytes(size)},超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`;
  }
  if (Object.keys(tooLarge).length)
    throw new AppError("payload_too_large", Object.values(tooLarge).join(" "), tooLarge);
  return items.map(({ kind, filename, contentType, base64 }) => {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    } catch {
      throw new AppError("validation_failed", `「${filename}」的 base64 内容无法解码。`, {
        [fileKey(kind)]: "文件内容无法解码",
      });
    }
    return { kind, file: new File([bytes], filename, { type: contentType }) };
  });
}
