/**
 * The 申请入驻 page's script's doors to its kept files (./draft-uploads):
 *   POST /apply/uploads         multipart { draftToken, kind, file } → 201 { upload }
 *   POST /apply/uploads/delete  form { draftToken, id }               → 200 { ok }
 * (mounted under /apply, so the paths below are relative to it).
 * Page routes (hono/csrf checks the Origin of these form posts) answering JSON,
 * since only the script calls them; refusals are `{ error: { code, message } }`
 * with the status the materials feature gives (413 too large, 422 not PDF/JPG/PNG,
 * 429 too many from one address).
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { readFormBody } from "../../lib/form-body";
import { requestCtx } from "../../middleware/request-ctx";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../materials/material-file";
import { keepDraftUpload, removeDraftUpload } from "./draft-uploads";

const failure = (c: Context<AppEnv>, e: unknown) => {
  if (!(e instanceof AppError)) throw e;
  return c.json({ error: { code: e.code, message: e.message } }, e.status as ContentfulStatusCode);
};

export function draftUploadRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const limit = bodyLimit({
    maxSize: MAX_MATERIAL_BYTES + 64 * 1024,
    onError: (c) =>
      c.json(
        {
          error: {
            code: "payload_too_large",
            message: `文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
          },
        },
        413,
      ),
  });

  r.post("/uploads", limit, async (c) => {
    const body = await readFormBody(c);
    const { draftToken, kind, file } = body;
    try {
      if (typeof draftToken !== "string" || typeof kind !== "string")
        throw new AppError("validation_failed", "表单已失效,请刷新页面后重新选择文件。");
      if (!(file instanceof File) || (file.size === 0 && file.name === ""))
        throw new AppError("validation_failed", "请选择要上传的文件。");
      const upload = await keepDraftUpload(requestCtx(c, deps), deps.blobs, draftToken, kind, file);
      return c.json({ upload }, 201);
    } catch (e) {
      return failure(c, e);
    }
  });

  // Two short fields; anything larger is not this form.
  const small = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => c.json({ error: { code: "payload_too_large", message: "请求太大,请刷新页面后重试。" } }, 413),
  });

  r.post("/uploads/delete", small, async (c) => {
    const { draftToken, id } = await readFormBody(c);
    try {
      if (typeof draftToken !== "string" || typeof id !== "string" || !/^[a-z2-7]{26}$/.test(id))
        throw new AppError("not_found", "找不到这个文件,它可能已被删除或已过期。");
      await removeDraftUpload(requestCtx(c, deps), deps.blobs, draftToken, id);
      return c.json({ ok: true as const }, 200);
    } catch (e) {
      return failure(c, e);
    }
  });

  return r;
}
