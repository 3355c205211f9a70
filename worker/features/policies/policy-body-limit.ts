/** Policy sets are a few hundred KB at most; anything larger is a mistake (API and admin pages alike). */
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../lib/errors";

const POLICY_BODY_LIMIT = 2 * 1024 * 1024;

export const policyBodyLimit = bodyLimit({
  maxSize: POLICY_BODY_LIMIT,
  onError: () => {
    throw new AppError("payload_too_large", "政策数据超过 2 MB,请检查上传的文件。");
  },
});
