/**
 * Body limits for the claim's uploads, checked before the body is read: one file plus its multipart
 * envelope (the API and the claim page's 上传), and the claim form with one file per material kind.
 * The file itself is held to its limit by the materials feature, with the file's name in the message.
 */
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../lib/errors";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../materials/material-file";
import { MAX_CLAIM_FILES } from "./claim-materials";

const tooLarge = () => {
  throw new AppError(
    "payload_too_large",
    `上传的文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
    { file: `不超过 ${MATERIAL_LIMIT_LABEL}` },
  );
};

export const claimUploadLimit = bodyLimit({ maxSize: MAX_MATERIAL_BYTES + 64 * 1024, onError: tooLarge });

export const claimFormLimit = bodyLimit({
  maxSize: MAX_MATERIAL_BYTES * MAX_CLAIM_FILES + 256 * 1024,
  onError: tooLarge,
});
