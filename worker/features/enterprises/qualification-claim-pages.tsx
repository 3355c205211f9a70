/** 申报资质 (GET /enterprise/qualifications/new, POST /enterprise/qualifications): a claim with its certificate. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { QualificationFormPage } from "../../../web/pages/enterprises/edit-forms";
import type { AppDeps, AppEnv } from "../../env";
import { readFormBody } from "../../lib/form-body";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { CERTIFICATE_RULE, claimQualification } from "./claim-qualification";
import { memberOf } from "./member-guard";
import { qualificationForm } from "./schemas";

export function qualificationClaimPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, values: FormValues, errors?: FormErrors, status: ContentfulStatusCode = 200) =>
    c.html(
      <QualificationFormPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        values={values}
        errors={errors}
        certificateRule={CERTIFICATE_RULE}
      />,
      status,
    );

  r.get("/qualifications/new", (c) => page(c, { code: c.req.query("code") ?? "" }));

  r.post("/qualifications", async (c) => {
    const ctx = actingCtx(c, deps);
    const form = await readForm(c, qualificationForm(ctx.zone));
    refuseBadCharacters(form.raw, { certificateNo: "证书编号", issuedOn: "发证日期", validUntil: "有效期至" });
    if (!form.ok) return page(c, form.raw, form.errors, 422);
    // readForm keeps text fields; the certificate comes from the same (cached) multipart body.
    // An empty file input is no file.
    const sent = (await readFormBody(c)).certificate;
    const file = sent instanceof File && (sent.size > 0 || sent.name !== "") ? sent : null;
    try {
      await claimQualification(ctx, deps.blobs, memberOf(c).enterpriseId, form.data, file);
      return c.redirect("/enterprise?done=qualification", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return page(c, form.raw, errors, status);
    }
  });

  return r;
}
