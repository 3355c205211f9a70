/**
 * The staff's application page (GET /admin/subsidies/applications/:id) with
 * what this staff member may do on it now, and `attempt`, which the action
 * forms (./review.ts and its siblings) post through: success is a 303 back to
 * the application with a notice, a refusal re-renders the page with the
 * service's message under the form it concerns and its 4xx, having changed nothing.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { actingCtx, type Actor, type RequestCtx } from "../../../middleware/request-ctx";
import type { FailedForm, StaffActions } from "../../../../web/pages/subsidies/staff-actions";
import { StaffApplicationPage } from "../../../../web/pages/subsidies/staff-application";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { nextStage } from "../context";
import { removedStageNotes } from "../removed-stage";
import { type ApplicationDetail, getApplication } from "../get-application";
import { DONE, idParam, NOT_FOUND, type StaffPages } from "./shared";

const roleZh = (roles: readonly string[]) =>
  roles.map((r) => (r === "zone_admin" ? "园区管理员" : "审核员")).join("或");

/**
 * What this staff member may do on this application now, from the zone's stages and roles;
 * `removedNote` when it sits in a stage the zone removed (only a zone admin can move it on).
 */
function staffActions(
  { zone, actor }: Pick<RequestCtx<Actor>, "zone" | "actor">,
  d: ApplicationDetail,
  removedNote: string | undefined,
): StaffActions {
  const app = d.application;
  const stage = zone.subsidy.stages.find((s) => s.key === app.stage);
  const out: StaffActions = { review: null, pay: null, resolve: actor.role === "zone_admin", note: null };
  if (removedNote) {
    out.note = `${removedNote}${actor.role === "zone_admin" ? "。" : "(由园区管理员移动)。"}`;
    if (actor.role === "zone_admin") out.move = { stages: zone.subsidy.stages.map((s) => ({ key: s.key, zh: s.zh })) };
  }
  if (app.status === "in_review" && stage) {
    if (stage.kind === "publicity")
      out.note =
        "公示期间由系统按期推进:公示期满且没有待处理的异议," +
        `自动进入${nextStage(zone, stage.key)?.zh ?? "下一环节"}。`;
    else if (!(stage.roles as string[]).includes(actor.role))
      out.note = `${stage.zh}环节由${roleZh(stage.roles)}办理。`;
    else
      out.review = {
        stageZh: stage.zh,
        nextZh: nextStage(zone, stage.key)?.zh ?? null,
        payment: stage.kind === "payment",
        passBlocked:
          app.loanId !== null && app.interestConfirmedAt === null
            ? "放款银行还没有确认已付利息,确认后才能通过;你仍可退回补正或驳回。"
            : app.lastPassedBy === actor.id
              ? "上一环节由你通过,本环节须由另一位工作人员通过;你仍可退回补正或驳回。"
              : null,
      };
  }
  if (app.status === "awarded") {
    if (actor.role === "zone_admin") out.pay = { remainingFen: Math.max(0, (app.amountFen ?? 0) - d.paidFen) };
    else out.note = "已批准拨付,拨付由园区管理员登记。";
  }
  return out;
}

async function renderApplication(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  opts: { notice?: Notice; failed?: FailedForm } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  // One round trip: the application, its versions and its payments' recorders come in one batch.
  const detail = await getApplication(ctx, id);
  const app = detail.application;
  const compiled = app.policyVersion !== null ? detail.ownVersion : detail.policy?.compiled;
  const p = compiled?.programmes.get(app.programmeId);
  return c.html(
    <StaffApplicationPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      detail={detail}
      programme={p ? { title: p.title.zh, facts: p.facts, materials: p.materials } : null}
      recorders={detail.recorders}
      actions={staffActions(ctx, detail, (await removedStageNotes(ctx, [app])).get(app.id))}
      today={shanghaiDate(ctx.now)}
      notice={opts.notice}
      failed={opts.failed}
    />,
    status,
  );
}

/** Runs `act`; a refusal the person can act on re-renders the application with it. */
export async function attempt(
  c: Context<AppEnv>,
  deps: AppDeps,
  /** The application, or how to find it when the action's own read is what names it (an objection's). */
  id: string | (() => Promise<string>),
  form: FailedForm["form"],
  raw: Record<string, string>,
  act: () => Promise<string>,
) {
  const idOf = async () => (typeof id === "string" ? id : id());
  try {
    const done = await act();
    return c.redirect(`/admin/subsidies/applications/${await idOf()}?done=${done}`, 303);
  } catch (e) {
    const { status, errors } = formFailure(e, c);
    if (status === 404 || status === 401) throw e;
    return renderApplication(c, deps, await idOf(), { failed: { form, values: raw, errors } }, status);
  }
}

export function applicationPage(r: StaffPages, deps: AppDeps) {
  r.get("/applications/:id", (c) => {
    const done = c.req.query("done");
    const notice = done && DONE[done] ? { notice: { kind: "ok" as const, message: DONE[done]! } } : {};
    return renderApplication(c, deps, idParam(c, NOT_FOUND), notice);
  });
}
