/** 资质审核 (zone staff), mounted at /admin/qualifications: the queue of claims and each decision. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { QualificationQueuePage } from "../../../web/pages/enterprises/admin-qualifications";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { listPendingQualifications, QUALIFICATION_NOT_FOUND, reviewQualification } from "./review-qualification";
import { IdParam, ReviewForm } from "./schemas";

const REVIEW_DONE: Record<string, string> = { verify: "资质已核实,已通知企业。", reject: "已驳回,已通知企业。" };

export function qualificationReviewPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));

  const queue = async (
    c: Context<AppEnv>,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = requestCtx(c, deps);
    const after = c.req.query("after");
    const queue = await listPendingQualifications(ctx, {
      after: after && /^[A-Za-z0-9_-]{1,200}$/.test(after) ? after : undefined,
    });
    return c.html(
      <QualificationQueuePage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        pending={queue.pending}
        paging={{ total: queue.total, nextCursor: queue.nextCursor, paged: !!after }}
        notice={notice}
      />,
      status,
    );
  };

  r.get("/", (c) => {
    const done = REVIEW_DONE[c.req.query("done") ?? ""];
    return queue(c, done ? { kind: "ok", message: done } : undefined);
  });

  r.post("/:id/:decision{verify|reject}", async (c) => {
    const id = IdParam.safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("not_found", QUALIFICATION_NOT_FOUND);
    const decision = c.req.param("decision") === "verify" ? "verify" : "reject";
    const form = await readForm(c, ReviewForm);
    refuseBadCharacters(form.raw, { note: "审核意见" });
    if (!form.ok) {
      const message = Object.values(form.errors.fields ?? {})[0] ?? "请检查审核意见。";
      return queue(c, { kind: "error", message }, 422);
    }
    try {
      await reviewQualification(actingCtx(c, deps), id.data, decision, form.data.note);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return queue(c, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
    }
    return c.redirect(`/admin/qualifications?done=${decision}`, 303);
  });

  return r;
}
