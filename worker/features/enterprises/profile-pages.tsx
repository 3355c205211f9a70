/** 联系信息 (GET/POST /enterprise/profile): what the enterprise may change about itself. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { ProfileFormPage } from "../../../web/pages/enterprises/edit-forms";
import type { AppDeps, AppEnv } from "../../env";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { getEnterpriseOverview } from "./get-enterprise-overview";
import { memberOf } from "./member-guard";
import { profileForm } from "./schemas";
import { updateProfile } from "./update-profile";

/** The fields' names as the form shows them, for the control-character refusal. */
const PROFILE_LABELS: Record<string, string> = {
  address: "地址",
  contactName: "联系人",
  contactMobile: "联系人手机号码",
  contactEmail: "联系邮箱",
  employees: "员工人数",
  industry: "重点产业",
  industryClass: "行业代码",
};

export function profilePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, values: FormValues, errors?: FormErrors, status: ContentfulStatusCode = 200) =>
    c.html(
      <ProfileFormPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        values={values}
        errors={errors}
      />,
      status,
    );

  r.get("/profile", async (c) => {
    const { enterprise: e } = await getEnterpriseOverview(requestCtx(c, deps), memberOf(c).enterpriseId, {
      historyLimit: 0,
    });
    const s = (v: string | number | null) => (v === null ? "" : String(v));
    return page(c, {
      address: s(e.address),
      contactName: s(e.contactName),
      contactMobile: s(e.contactMobile),
      contactEmail: s(e.contactEmail),
      employees: s(e.employees),
      industry: s(e.industry),
      industryClass: s(e.industryClass),
    });
  });

  r.post("/profile", async (c) => {
    const ctx = actingCtx(c, deps);
    const form = await readForm(c, profileForm(ctx.zone));
    refuseBadCharacters(form.raw, PROFILE_LABELS);
    if (!form.ok) return page(c, form.raw, form.errors, 422);
    try {
      const { changed } = await updateProfile(ctx, memberOf(c).enterpriseId, form.data);
      return c.redirect(`/enterprise?done=${changed.length ? "profile" : "unchanged"}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return page(c, form.raw, errors, status);
    }
  });

  return r;
}
