/**
 * How big a 申请入驻 may be, checked before anything is parsed: an anonymous
 * request must not make the isolate (128 MB on Workers) hold a hundred
 * megabytes of base64. hono/body-limit trusts a Content-Length (the runtime
 * never delivers more bytes than it declares) and counts a body sent without
 * one as it streams, refusing at the first byte over.
 *
 * The numbers: each file ≤ 10 MB (the materials feature's MAX_MATERIAL_BYTES);
 * at most MAX_APPLICATION_FILES files (the licence and one certificate per
 * claimed qualification need far fewer); the whole request ≤ 25 MB, which also
 * caps the files' total (less through JSON, where base64 adds a third).
 */
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../lib/errors";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../materials/material-file";

const APPLICATION_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const APPLICATION_BODY_LIMIT_LABEL = "25 MB";
export const MAX_APPLICATION_FILES = 10;
/** The base64 length of a file of exactly MAX_MATERIAL_BYTES: 4 characters per 3 bytes, padded. */
export const MAX_BASE64_CHARS = Math.ceil(MAX_MATERIAL_BYTES / 3) * 4;

/** The bytes a base64 string decodes to, known without decoding it. */
export const decodedLength = (base64: string) =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0);

const APPLICATION_TOO_LARGE =
  `申请材料合计不能超过 ${APPLICATION_BODY_LIMIT_LABEL}` +
  `(每个文件不超过 ${MATERIAL_LIMIT_LABEL},最多 ${MAX_APPLICATION_FILES} 个文件)。请压缩或分页扫描后重新提交。`;

/** As the forms state it: "每个文件不超过 10 MB(合计不超过 25 MB)". */
export const FORM_LIMIT_LABEL = `${MATERIAL_LIMIT_LABEL}(合计不超过 ${APPLICATION_BODY_LIMIT_LABEL})`;

/**
 * For 申请入驻 and its correction (API and page form): refused with 413 and the
 * limit, JSON under /api, a page otherwise.
 */
export const applicationBodyLimit = bodyLimit({
  maxSize: APPLICATION_BODY_LIMIT_BYTES,
  onError: () => {
    throw new AppError("payload_too_large", APPLICATION_TOO_LARGE);
  },
});

/** For the small forms beside it (deleting a kept file, a reviewer's decision): text only. */
export const smallFormLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new AppError("payload_too_large", "提交的内容太长(超过 64 KB),请删减后再提交。");
  },
});
