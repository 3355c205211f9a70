/**
 * The onboarding pages: 申请入驻 (public, multipart with files), 申请进度 (the
 * applicant: status, timeline, correction of a returned application) and
 * 入驻审核 (zone staff: queue, detail, decisions). Plain HTML forms checked by
 * hono/csrf; success is a 303 redirect, a refusal re-renders the form with the
 * service's status and message, keeping what was typed except passwords. 申请入驻
 * keeps its files too: on the server, under the form's draft token (./draft-uploads).
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { ApplyPage } from "../../../web/pages/onboarding/apply";
import { ReviewDetailPage, type ReviewDetailProps } from "../../../web/pages/onboarding/review-detail";
import { ReviewQueuePage } from "../../../web/pages/onboarding/review-queue";
import { StatusPage, type StatusPageProps } from "../../../web/pages/onboarding/status";
import { signedIn } from "../auth/guard";
import { takeOverSession } from "../auth/session-handover";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { MATERIAL_LIMIT_LABEL } from "../materials/save-material";
import { readApplicationForm, type ApplicationFormValues } from "./form-input";
import { findOwnApplication, getApplication } from "./get-application";
import { isApplicant } from "./guard";
import { listApplications } from "./list-applications";
import { resubmitApplication } from "./resubmit-application";
import { REVIEW_ACTIONS, reviewApplication, type ReviewAction } from "./review-application";
import { onboardingCtx, REVIEW_DONE } from "./context";
import { APPLICATION_BODY_LIMIT_LABEL, applicationBodyLimit, smallFormLimit } from "./request-limits";
import { hasBadCharacters } from "../../lib/text";
import { ApplicationIdParam, ListQuery, ReviewBody } from "./schemas";
import { submitApplication } from "./submit-application";
import { draftUploadRoutes } from "./draft-upload-routes";
import { draftTokenOr, keepDraftUpload, listDraftUploads, newDraftToken, type KeptUpload } from "./draft-uploads";
import type { Upload } from "./uploads";
import { fileKey, LICENCE, LICENCE_MISSING } from "./zone-checks";

const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
/** As the forms state it: "每个文件不超过 10 MB(合计不超过 25 MB)". */
const LIMIT_LABEL = `${MATERIAL_LIMIT_LABEL}(合计不超过 ${APPLICATION_BODY_LIMIT_LABEL})`;
const isReviewAction = (s: string): s is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(s);

function applicationIdParam(c: Context<AppEnv>): string {
  const parsed = ApplicationIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", "本园区没有这个入驻申请。");
  return parsed.data;
}

export function onboardingPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  for (const path of ["/apply", "/apply/*", "/admin/onboarding", "/admin/onboarding/*"]) r.use(path, requireZone);
  r.use("/apply/status", pageGuard(deps, "enterprise"));
  r.use("/admin/onboarding", pageGuard(deps, "zone_admin", "reviewer"));
  r.use("/admin/onboarding/*", pageGuard(deps, "zone_admin", "reviewer"));

  // ── 申请入驻 ────────────────────────────────────────────────────────────────
  type ApplyState = {
    values?: ApplicationFormValues;
    errors?: FormErrors | undefined;
    draftToken: string;
    kept?: KeptUpload[];
  };
  const applyPage = (c: Context<AppEnv>, state: ApplyState, status: ContentfulStatusCode = 200) => {
    // The form carries its own draft token: a shared cache must never hand it to another visitor.
    c.header("Cache-Control", "no-store");
    return c.html(
      <ApplyPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={c.get("auth")?.user}
        limitLabel={LIMIT_LABEL}
        kept={[]}
        {...state}
      />,
      status,
    );
  };

  r.get("/apply", (c) => {
    const user = c.get("auth")?.user;
    if (user && isApplicant(user)) return c.redirect("/apply/status", 303);
    return applyPage(c, { draftToken: newDraftToken() });
  });

  /**
   * A form that comes back with errors keeps its files: those it carried are kept
   * on the server under its draft token (a refused one is said under its field)
   * and listed with the ones kept before, so the corrected form needs none again.
   */
  const keepChosen = async (ctx: ReturnType<typeof onboardingCtx>, token: string, uploads: readonly Upload[]) => {
    const fields: Record<string, string> = {};
    for (const u of uploads) {
      try {
        await keepDraftUpload(ctx, token, u.kind, u.file);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        fields[fileKey(u.kind)] = e.message;
      }
    }
    return { kept: await listDraftUploads(ctx, token), fields };
  };
  const withFields = (errors: FormErrors, fields: Record<string, string>): FormErrors => ({
    ...errors,
    fields: { ...fields, ...errors.fields },
  });

  r.post("/apply", applicationBodyLimit, async (c) => {
    const form = await readApplicationForm(c, { account: true });
    const ctx = onboardingCtx(c, deps);
    const draftToken = draftTokenOr(form.values.text.draftToken);
    if (!form.ok) {
      const { kept, fields } = await keepChosen(ctx, draftToken, form.uploads);
      // The summary names every missing thing at once: the licence too, not only after the fields pass.
      if (!kept.some((k) => k.kind === LICENCE)) fields[fileKey(LICENCE)] ??= LICENCE_MISSING;
      return applyPage(
        c,
        { values: form.values, errors: withFields(form.errors, fields), draftToken, kept },
        form.status,
      );
    }
    try {
      const result = await submitApplication(ctx, form.data, form.uploads, {
        token: draftToken,
        kept: await listDraftUploads(ctx, draftToken),
      });
      // Signed in as the applicant now; a session presented before (if any) ends.
      await takeOverSession(c, ctx.auth, result.cookie);
      return c.redirect("/apply/status?submitted=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      const { kept, fields } = await keepChosen(ctx, draftToken, form.uploads);
      return applyPage(c, { values: form.values, errors: withFields(errors, fields), draftToken, kept }, status);
    }
  });
  r.route("/", draftUploadRoutes(deps));

  // ── 申请进度 (the applicant) ────────────────────────────────────────────────
  const statusPage = async (
    c: Context<AppEnv>,
    props: Partial<StatusPageProps> = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const { user } = signedIn(c);
    const app = await findOwnApplication({ db }, user.id);
    return c.html(
      <StatusPage zone={zone} nonce={nonce(c)} user={user} app={app} limitLabel={LIMIT_LABEL} {...props} />,
      status,
    );
  };

  r.get("/apply/status", (c) => {
    const notice =
      c.req.query("submitted") === "1"
        ? "入驻申请已提交,请等待园区审核。审核结果会发送到您的登录邮箱。"
        : c.req.query("resubmitted") === "1"
          ? "已重新提交,请等待园区审核。"
          : undefined;
    return statusPage(c, notice ? { notice } : {});
  });

  r.post("/apply/status", applicationBodyLimit, async (c) => {
    const form = await readApplicationForm(c, { account: false });
    if (!form.ok) return statusPage(c, { values: form.values, errors: form.errors }, form.status);
    const { user } = signedIn(c);
    try {
      await resubmitApplication(onboardingCtx(c, deps), { id: user.id, email: user.email }, form.data, form.uploads);
      return c.redirect("/apply/status?resubmitted=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return statusPage(c, { values: form.values, errors }, status);
    }
  });

  // ── 入驻审核 (zone staff) ───────────────────────────────────────────────────
  r.get("/admin/onboarding", async (c) => {
    const { zone, db } = zoneOf(c);
    // An empty select or date means "any"; the rest is validated like the API's query.
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
    const parsed = ListQuery.safeParse(raw);
    const errors: FormErrors | undefined = parsed.success
      ? undefined
      : {
          message: "筛选条件有误,已显示全部申请。",
          fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        };
    const list = await listApplications({ db }, parsed.success ? parsed.data : {});
    return c.html(
      <ReviewQueuePage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        list={list}
        filters={raw}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  });

  const detailPage = async (
    c: Context<AppEnv>,
    id: string,
    props: Pick<ReviewDetailProps, "notice" | "failed"> = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const { user } = signedIn(c);
    const app = await getApplication({ db }, id, { userId: user.id, applicantOnly: false });
    return c.html(<ReviewDetailPage zone={zone} nonce={nonce(c)} user={user} app={app} {...props} />, status);
  };

  r.get("/admin/onboarding/:id", (c) => {
    const done = c.req.query("done") ?? "";
    return detailPage(
      c,
      applicationIdParam(c),
      isReviewAction(done) ? { notice: { kind: "ok", message: REVIEW_DONE[done] } } : {},
    );
  });

  r.post("/admin/onboarding/:id/:action", smallFormLimit, async (c) => {
    const action = c.req.param("action");
    if (!isReviewAction(action)) throw new AppError("not_found", "找不到这个页面或接口。");
    const id = applicationIdParam(c);
    const form = await readForm(c, ReviewBody);
    const comment = form.ok ? form.data.comment : (form.raw.comment ?? "");
    const { user } = signedIn(c);
    try {
      if (!form.ok) {
        const message = form.errors.fields?.comment ?? "意见有误。";
        throw new AppError(hasBadCharacters(comment, true) ? "bad_request" : "validation_failed", message, {
          comment: message,
        });
      }
      await reviewApplication(
        { ...requestCtx(c, deps), actor: { id: user.id, email: user.email } },
        id,
        action,
        comment,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      if (status === 422 || status === 400)
        return detailPage(
          c,
          id,
          { failed: { action, comment, error: errors.fields?.comment ?? errors.message ?? "" } },
          status,
        );
      return detailPage(c, id, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
    return c.redirect(`/admin/onboarding/${id}?done=${action}`, 303);
  });

  return r;
}
