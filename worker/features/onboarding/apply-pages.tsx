/**
 * 申请入驻 pages, mounted at /apply: the public form (multipart with files), the
 * script's doors to its kept files (./draft-upload-routes) and 申请进度 for the
 * applicant (./status-pages). Plain HTML forms checked by hono/csrf; success is
 * a 303 redirect, a refusal re-renders the form with the service's status and
 * message, keeping what was typed except passwords. 申请入驻 keeps its files
 * too: on the server, under the form's draft token (./draft-uploads).
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors } from "../../../web/components/form";
import { ApplyPage } from "../../../web/pages/onboarding/apply";
import type { AppDeps, AppEnv } from "../../env";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { type RequestCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { formFailure, pageGuard } from "../auth/page-forms";
import { takeOverSession } from "../auth/session-handover";
import { draftUploadRoutes } from "./draft-upload-routes";
import { draftTokenOr, keepDraftUpload, type KeptUpload, listDraftUploads, newDraftToken } from "./draft-uploads";
import { readApplicationForm, type ApplicationFormValues } from "./form-input";
import { isApplicant } from "./guard";
import { applicationBodyLimit, FORM_LIMIT_LABEL } from "./request-limits";
import { statusPages } from "./status-pages";
import { submitApplication } from "./submit-application";
import type { Upload } from "./uploads";
import { fileKey, LICENCE, LICENCE_MISSING } from "./zone-checks";

type ApplyState = {
  values?: ApplicationFormValues;
  errors?: FormErrors | undefined;
  draftToken: string;
  kept?: KeptUpload[];
};

/**
 * A form that comes back with errors keeps its files: those it carried are kept
 * on the server under its draft token (a refused one is said under its field)
 * and listed with the ones kept before, so the corrected form needs none again.
 */
async function keepChosen(ctx: RequestCtx, blobs: BlobStore, token: string, uploads: readonly Upload[]) {
  const fields: Record<string, string> = {};
  for (const u of uploads) {
    try {
      await keepDraftUpload(ctx, blobs, token, u.kind, u.file);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      fields[fileKey(u.kind)] = e.message;
    }
  }
  return { kept: await listDraftUploads(ctx, token), fields };
}

const withFields = (errors: FormErrors, fields: Record<string, string>): FormErrors => ({
  ...errors,
  fields: { ...fields, ...errors.fields },
});

export function applyPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone);
  r.use("/status", pageGuard(deps, "enterprise"));

  const applyPage = (c: Context<AppEnv>, state: ApplyState, status: ContentfulStatusCode = 200) => {
    // The form carries its own draft token: a shared cache must never hand it to another visitor.
    c.header("Cache-Control", "no-store");
    return c.html(
      <ApplyPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
        limitLabel={FORM_LIMIT_LABEL}
        kept={[]}
        {...state}
      />,
      status,
    );
  };

  r.get("/", (c) => {
    const user = c.get("auth")?.user;
    if (user && isApplicant(user)) return c.redirect("/apply/status", 303);
    return applyPage(c, { draftToken: newDraftToken() });
  });

  r.post("/", applicationBodyLimit, async (c) => {
    const form = await readApplicationForm(c, { account: true });
    const ctx = requestCtx(c, deps);
    const draftToken = draftTokenOr(form.values.text.draftToken);
    if (!form.ok) {
      const { kept, fields } = await keepChosen(ctx, deps.blobs, draftToken, form.uploads);
      // The summary names every missing thing at once: the licence too, not only after the fields pass.
      if (!kept.some((k) => k.kind === LICENCE)) fields[fileKey(LICENCE)] ??= LICENCE_MISSING;
      const errors = withFields(form.errors, fields);
      return applyPage(c, { values: form.values, errors, draftToken, kept }, form.status);
    }
    try {
      // Signed in as the applicant now; a session presented before (if any) ends.
      const result = await submitApplication(ctx, deps.blobs, form.data, form.uploads, {
        draft: { token: draftToken },
        previousSession: c.get("auth")?.session?.id,
      });
      await takeOverSession(c, ctx.auth, result.cookie, { previousEnded: result.previousEnded });
      return c.redirect("/apply/status?submitted=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      const { kept, fields } = await keepChosen(ctx, deps.blobs, draftToken, form.uploads);
      return applyPage(c, { values: form.values, errors: withFields(errors, fields), draftToken, kept }, status);
    }
  });

  r.route("/", draftUploadRoutes(deps));
  r.route("/", statusPages(deps));
  return r;
}
