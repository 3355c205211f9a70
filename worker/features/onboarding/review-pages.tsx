/** 入驻审核 (zone staff), mounted at /admin/onboarding: the queue, one application, and the decisions. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors } from "../../../web/components/form";
import { ReviewDetailPage, type ReviewDetailProps } from "../../../web/pages/onboarding/review-detail";
import { ReviewQueuePage } from "../../../web/pages/onboarding/review-queue";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { hasBadCharacters } from "../../lib/text";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { getApplication } from "./get-application";
import { listApplications } from "./list-applications";
import { smallFormLimit } from "./request-limits";
import { REVIEW_ACTIONS, REVIEW_DONE, reviewApplication, type ReviewAction } from "./review-application";
import { ApplicationIdParam, ListQuery, ReviewBody } from "./schemas";

const isReviewAction = (s: string): s is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(s);

function applicationIdParam(c: Context<AppEnv>): string {
  const parsed = ApplicationIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", "本园区没有这个入驻申请。");
  return parsed.data;
}

export function onboardingReviewPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));

  r.get("/", async (c) => {
    const ctx = requestCtx(c, deps);
    // An empty select or date means "any"; the rest is validated like the API's query.
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
    const parsed = ListQuery.safeParse(raw);
    let errors: FormErrors | undefined = parsed.success
      ? undefined
      : {
          message: "筛选条件有误,已显示全部申请。",
          fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        };
    const filters = parsed.success ? parsed.data : {};
    let list: Awaited<ReturnType<typeof listApplications>>;
    try {
      list = await listApplications(ctx, filters);
    } catch (e) {
      // A stale or edited 翻页 link: the same filters from the first page, with the reason.
      if (!(e instanceof AppError) || e.code !== "validation_failed") throw e;
      errors = { message: e.message, fields: e.fields };
      list = await listApplications(ctx, { ...filters, after: undefined, before: undefined });
    }
    return c.html(
      <ReviewQueuePage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
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
    const ctx = actingCtx(c, deps);
    const app = await getApplication(ctx, id, { userId: ctx.actor.id, applicantOnly: false });
    return c.html(
      <ReviewDetailPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        app={app}
        {...props}
      />,
      status,
    );
  };

  r.get("/:id", (c) => {
    const done = c.req.query("done") ?? "";
    return detailPage(
      c,
      applicationIdParam(c),
      isReviewAction(done) ? { notice: { kind: "ok", message: REVIEW_DONE[done] } } : {},
    );
  });

  r.post("/:id/:action", smallFormLimit, async (c) => {
    const action = c.req.param("action");
    if (!isReviewAction(action)) throw new AppError("not_found", "找不到这个页面或接口。");
    const id = applicationIdParam(c);
    const form = await readForm(c, ReviewBody);
    const comment = form.ok ? form.data.comment : (form.raw.comment ?? "");
    try {
      if (!form.ok) {
        const message = form.errors.fields?.comment ?? "意见有误。";
        throw new AppError(hasBadCharacters(comment, true) ? "bad_request" : "validation_failed", message, {
          comment: message,
        });
      }
      await reviewApplication(actingCtx(c, deps), id, action, comment);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      if (status === 422 || status === 400) {
        const failed = { action, comment, error: errors.fields?.comment ?? errors.message ?? "" };
        return detailPage(c, id, { failed }, status);
      }
      return detailPage(c, id, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
    return c.redirect(`/admin/onboarding/${id}?done=${action}`, 303);
  });

  return r;
}
