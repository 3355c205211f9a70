/**
 * The staff's application page and what they do on it: review (通过 / 退回补正
 * / 驳回, and at 拨付 the zone admin's 批准拨付), payments and objection
 * decisions (zone admin only). Plain forms; success is a 303 back to the
 * application with a notice, a refusal re-renders the page with the service's
 * message under the form it concerns and its 4xx, having changed nothing.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../env";
import { subsidyObjections, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { parseAmount } from "../../lib/amount-input";
import { refuseBadCharacters } from "../../lib/form-text";
import { MAX_FEN } from "../../lib/money";
import { zoneOf } from "../../middleware/zone";
import { StaffApplicationPage } from "../../../web/pages/subsidies/staff-application";
import type { FailedForm, StaffActions } from "../../../web/pages/subsidies/staff-actions";
import type { Notice } from "../../../web/pages/subsidies/shared";
import { requireRole, signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { actingCtx } from "../auth/acting-ctx";
import { shanghaiDate } from "../../lib/calendar";
import { loadCurrentPolicy, loadPolicyVersion } from "../policies/current-policy";
import { nextStage, type SubsidyActor, type SubsidyCtx } from "./context";
import { titleFrom } from "./programme-title";
import { CommentInput, commentOnApplication } from "./comment-application";
import { getApplication, type ApplicationDetail } from "./get-application";
import { resolveObjection, ResolveInput } from "./publicity";
import { PaymentInput, recordPayment } from "./record-payment";
import { reviewApplication, ReviewInput } from "./review-application";

/** newId(): 26 characters of lower-case base32; anything else is a page that does not exist. */
const ID = /^[a-z2-7]{26}$/;
export function idParam(c: Context<AppEnv>, message: string): string {
  const id = c.req.param("id") ?? "";
  if (!ID.test(id)) throw new AppError("not_found", message);
  return id;
}

export function staffCtx(c: Context<AppEnv>, deps: AppDeps): SubsidyCtx & { actor: SubsidyActor } {
  return actingCtx(c, deps);
}

/** Programme titles of the policy in force, for notices and lists (./programme-title.ts: never an id). */
export async function programmeTitles(ctx: Pick<SubsidyCtx, "db" | "zone" | "now">) {
  const policy = await loadCurrentPolicy(ctx, shanghaiDate(ctx.now));
  return { policy, title: titleFrom(policy?.compiled) };
}

/** What this staff member may do on this application now, from the zone's stages and roles. */
function staffActions(ctx: SubsidyCtx & { actor: SubsidyActor }, d: ApplicationDetail): StaffActions {
  const { zone, actor } = ctx;
  const app = d.application;
  const stage = zone.subsidy.stages.find((s) => s.key === app.stage);
  const out: StaffActions = { review: null, pay: null, resolve: actor.role === "zone_admin", note: null };
  const roleZh = (roles: readonly string[]) =>
    roles.map((r) => (r === "zone_admin" ? "园区管理员" : "审核员")).join("或");
  if (app.status === "in_review" && stage) {
    if (stage.kind === "publicity")
      out.note = `公示期间由系统按期推进:公示期满且没有待处理的异议,自动进入${nextStage(zone, stage.key)?.zh ?? "下一环节"}。`;
    else if (!(stage.roles as string[]).includes(actor.role))
      out.note = `${stage.zh}环节由${roleZh(stage.roles)}办理。`;
    else
      out.review = {
        stageZh: stage.zh,
        nextZh: nextStage(zone, stage.key)?.zh ?? null,
        payment: stage.kind === "payment",
        passBlocked:
          app.lastPassedBy === actor.id ? "上一环节由你通过,本环节须由另一位工作人员通过;你仍可退回补正或驳回。" : null,
      };
  }
  if (app.status === "awarded") {
    if (actor.role === "zone_admin") out.pay = { remainingFen: Math.max(0, (app.amountFen ?? 0) - d.paidFen) };
    else out.note = "已批准拨付,拨付由园区管理员登记。";
  }
  return out;
}

export async function applicationPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  opts: { notice?: Notice; failed?: FailedForm } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = staffCtx(c, deps);
  const detail = await getApplication(ctx, id);
  const app = detail.application;
  const compiled =
    app.policyVersion !== null
      ? await loadPolicyVersion(ctx, app.policyVersion)
      : (await programmeTitles(ctx)).policy?.compiled;
  const p = compiled?.programmes.get(app.programmeId);
  const recorderIds = [...new Set(detail.payments.map((x) => x.recordedBy))];
  const recorders = recorderIds.length
    ? await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, recorderIds))
    : [];
  return c.html(
    <StaffApplicationPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      detail={detail}
      programme={p ? { title: p.title.zh, facts: p.facts, materials: p.materials } : null}
      recorders={Object.fromEntries(recorders.map((r) => [r.id, r.email]))}
      actions={staffActions(ctx, detail)}
      today={shanghaiDate(ctx.now)}
      notice={opts.notice}
      failed={opts.failed}
    />,
    status,
  );
}

export const DONE: Record<string, string> = {
  pass: "已通过,已通知企业。",
  return: "已退回补正,已通知企业。",
  reject: "已驳回,已通知企业。",
  award: "已批准拨付,已通知企业。",
  paid: "拨付已登记,已通知企业。",
  dismiss: "异议已处理:不成立,公示继续。",
  uphold: "异议已处理:成立,申报不予通过,已通知企业。",
  comment: "意见已发送,已通知企业。",
};

const NOT_FOUND = "没有这份申报。";
const Text = z.object({}).catchall(z.string());
const STAFF_LABELS: Record<string, string> = {
  reason: "意见",
  resolution: "处理意见",
  voucherNo: "凭证号",
  text: "内容",
  amount: "金额",
  paidOn: "拨付日期",
};

/** A form's amount as fen (元, or as typed: "10万", "1.2亿"); empty is "not given". */
function amountField(
  raw: Record<string, string>,
  name: string,
): { ok: true; fen: number | undefined } | { ok: false; message: string } {
  const text = (raw[name] ?? "").trim();
  if (text === "") return { ok: true, fen: undefined };
  const parsed = parseAmount(text, { unit: "元", maxFen: MAX_FEN });
  return parsed.ok ? { ok: true, fen: parsed.fen } : { ok: false, message: parsed.message };
}

const invalid = (message: string, fields: Record<string, string>) => new AppError("validation_failed", message, fields);

export function staffActionRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const adminOnly = requireRole(deps, "zone_admin");

  /** Runs `act`; a refusal the person can act on re-renders the application with it. */
  const attempt = async (
    c: Context<AppEnv>,
    id: string,
    form: FailedForm["form"],
    raw: Record<string, string>,
    act: () => Promise<string>,
  ) => {
    try {
      const done = await act();
      return c.redirect(`/admin/subsidies/applications/${id}?done=${done}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 401) throw e;
      return applicationPage(c, deps, id, { failed: { form, values: raw, errors } }, status);
    }
  };

  r.post("/admin/subsidies/applications/:id/review", async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    const action = raw.action === "pass" || raw.action === "return" || raw.action === "reject" ? raw.action : "pass";
    return attempt(c, id, action, raw, async () => {
      if (raw.action !== action) throw invalid("请选择通过、退回补正或驳回。", {});
      const amount = action === "pass" ? amountField(raw, "amount") : { ok: true as const, fen: undefined };
      if (!amount.ok) throw invalid(amount.message, { amount: amount.message });
      const input = ReviewInput.safeParse({
        action,
        amountFen: amount.fen,
        reason: raw.reason?.trim() || undefined,
        revision: raw.revision ? Number(raw.revision) : undefined,
      });
      if (!input.success)
        throw invalid("请按提示修改后再提交。", {
          [String(input.error.issues[0]?.path[0] ?? "reason")]: input.error.issues[0]?.message ?? "有误",
        });
      const ctx = staffCtx(c, deps);
      const row = await reviewApplication(ctx, id, input.data, (await programmeTitles(ctx)).title);
      return row.status === "awarded" ? "award" : action;
    });
  });

  r.post("/admin/subsidies/applications/:id/payments", adminOnly, async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, id, "payment", raw, async () => {
      const amount = amountField(raw, "amount");
      if (!amount.ok) throw invalid(amount.message, { amount: amount.message });
      const input = PaymentInput.safeParse({
        amountFen: amount.fen,
        paidOn: (raw.paidOn ?? "").trim(),
        voucherNo: raw.voucherNo ?? "",
      });
      if (!input.success) {
        const fields = Object.fromEntries(
          input.error.issues.map((i) => [
            i.path[0] === "amountFen" ? "amount" : String(i.path[0]),
            i.code === "invalid_type" ? "请填写这一项" : i.message,
          ]),
        );
        throw invalid("请按提示修改后再登记。", fields);
      }
      const ctx = staffCtx(c, deps);
      const { title } = await programmeTitles(ctx);
      const app = (await getApplication(ctx, id)).application;
      await recordPayment(ctx, id, input.data, title(app.programmeId));
      return "paid";
    });
  });

  r.post("/admin/subsidies/applications/:id/comments", async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, id, "comment", raw, async () => {
      const input = CommentInput.safeParse({ text: raw.text ?? "" });
      if (!input.success) throw invalid("请填写意见内容。", { text: input.error.issues[0]?.message ?? "有误" });
      const ctx = staffCtx(c, deps);
      const { title } = await programmeTitles(ctx);
      await commentOnApplication(ctx, id, input.data, title((await getApplication(ctx, id)).application.programmeId));
      return "comment";
    });
  });

  r.post("/admin/subsidies/objections/:id/resolve", adminOnly, async (c) => {
    const objectionId = idParam(c, "没有这条异议。");
    const ctx = staffCtx(c, deps);
    const [objection] = await zoneOf(c)
      .db.select({ applicationId: subsidyObjections.applicationId })
      .from(subsidyObjections)
      .where(eq(subsidyObjections.id, objectionId))
      .limit(1);
    if (!objection) throw new AppError("not_found", "没有这条异议。");
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, objection.applicationId, `resolve:${objectionId}`, raw, async () => {
      const input = ResolveInput.safeParse({ decision: raw.decision, resolution: raw.resolution ?? "" });
      if (!input.success) {
        const fields = Object.fromEntries(
          input.error.issues.map((i) => [
            String(i.path[0]),
            i.path[0] === "decision" ? "请选择异议是否成立" : i.message,
          ]),
        );
        throw invalid("请选择处理结果并写明处理意见。", fields);
      }
      const { title } = await programmeTitles(ctx);
      const app = (await getApplication(ctx, objection.applicationId)).application;
      await resolveObjection(ctx, objectionId, input.data, title(app.programmeId));
      return input.data.decision;
    });
  });

  return r;
}
