/** 申请进度 (GET/POST /apply/status): the applicant's status and timeline, and correcting a returned application. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { StatusPage, type StatusPageProps } from "../../../web/pages/onboarding/status";
import type { AppDeps, AppEnv } from "../../env";
import { actingCtx } from "../../middleware/request-ctx";
import { signedIn } from "../auth/guard";
import { formFailure } from "../auth/page-forms";
import { readApplicationForm } from "./form-input";
import { findOwnApplication } from "./get-application";
import { applicationBodyLimit, FORM_LIMIT_LABEL } from "./request-limits";
import { resubmitApplication } from "./resubmit-application";

export function statusPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, props: Partial<StatusPageProps> = {}, status: ContentfulStatusCode = 200) => {
    const ctx = actingCtx(c, deps);
    const app = await findOwnApplication(ctx, ctx.actor.id);
    return c.html(
      <StatusPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        app={app}
        limitLabel={FORM_LIMIT_LABEL}
        {...props}
      />,
      status,
    );
  };

  r.get("/status", (c) => {
    const notice =
      c.req.query("submitted") === "1"
        ? "入驻申请已提交,请等待园区审核。审核结果会发送到您的登录邮箱。"
        : c.req.query("resubmitted") === "1"
          ? "已重新提交,请等待园区审核。"
          : undefined;
    return page(c, notice ? { notice } : {});
  });

  r.post("/status", applicationBodyLimit, async (c) => {
    const form = await readApplicationForm(c, { account: false });
    if (!form.ok) return page(c, { values: form.values, errors: form.errors }, form.status);
    try {
      await resubmitApplication(actingCtx(c, deps), deps.blobs, form.data, form.uploads);
      return c.redirect("/apply/status?resubmitted=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return page(c, { values: form.values, errors }, status);
    }
  });

  return r;
}
