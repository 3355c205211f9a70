/**
 * 园区设置's logo forms (on the settings router, /admin/settings/logo): upload (multipart,
 * one file) and remove. Success redirects to the page; a refusal re-renders it with the
 * message beside the file input (413 too large, 422 not PNG/JPEG/WebP or SVG, 409 stale).
 */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { formFailure } from "../../auth/page-forms";
import { logoTooLarge, MAX_LOGO_BYTES } from "../logo-file";
import { removeZoneLogo, setZoneLogo } from "../set-zone-logo";
import { settingsPage } from "./render-settings";
import { formVersion, STALE_FORM } from "./section-forms";

const SAVED = "/admin/settings?saved=1#s-logo";

function refused(c: Context<AppEnv>, deps: AppDeps, e: unknown) {
  if (e instanceof AppError && e.code === "precondition_failed")
    return settingsPage(
      c,
      deps,
      { failed: { section: "logo", errors: { message: `${e.message}${STALE_FORM}` } } },
      409,
    );
  const { status, errors } = formFailure(e, c);
  return settingsPage(c, deps, { failed: { section: "logo", errors } }, status);
}

export function logoPages(r: Hono<AppEnv>, deps: AppDeps) {
  // The file plus its multipart envelope; the file itself is held to 256 KB by logo-file.ts.
  const limit = bodyLimit({ maxSize: MAX_LOGO_BYTES + 16 * 1024, onError: (c) => refused(c, deps, logoTooLarge()) });

  r.post("/logo", limit, async (c) => {
    const body = await readFormBody(c);
    const file = body.logo;
    try {
      // An empty file input is no file.
      if (!(file instanceof File) || (file.size === 0 && file.name === ""))
        throw new AppError("validation_failed", "请先选择徽标图片,再点“上传徽标”。", { logo: "请选择图片文件" });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await setZoneLogo({ ...actingCtx(c, deps), blobs: deps.blobs }, { bytes, expectedVersion: formVersion(body) });
    } catch (e) {
      return refused(c, deps, e);
    }
    return c.redirect(SAVED, 303);
  });

  r.post("/logo/remove", async (c) => {
    try {
      await removeZoneLogo(actingCtx(c, deps), { expectedVersion: formVersion(await readFormBody(c)) });
    } catch (e) {
      return refused(c, deps, e);
    }
    return c.redirect(SAVED, 303);
  });
}
