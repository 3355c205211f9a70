/**
 * 政策兑现 for the zone's staff (zone_admin and reviewer): the queue per stage
 * with filters and counts, one application with its actions (./staff-actions.tsx),
 * the dashboard, and the CSV export. Anonymous visitors go to 登录, other roles
 * get the 403 page; every page is private to the person who asked for it.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { DashboardPage } from "../../../web/pages/subsidies/staff-dashboard";
import { QueuePage } from "../../../web/pages/subsidies/staff-queue";
import { recordAudit } from "../audit/audit";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { shanghaiDate } from "../../lib/calendar";
import { applicationsCsv, subsidyDashboard } from "./dashboard";
import { listQueue, QueueQuery } from "./list-applications";
import { applicationPage, DONE, idParam, programmeTitles, staffActionRoutes, staffCtx } from "./staff-actions";

/** Applications, objectors' contacts and payments: for this person only, never a shared cache. */
const privatePage = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", "private, no-store");
  await next();
});

const FILTER_NAMES: Record<string, string> = {
  status: "状态",
  stage: "环节",
  programme: "扶持项目",
  q: "企业名称或申报编号",
};

export function subsidyStaffPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  for (const path of ["/admin/subsidies", "/admin/subsidies/*"])
    r.use(path, requireZone, pageGuard(deps, "zone_admin", "reviewer"), privatePage);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/admin/subsidies", async (c) => {
    const ctx = staffCtx(c, deps);
    // An empty select means "any"; the rest is checked like the API's query.
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const raw = Object.fromEntries(
      Object.entries(c.req.query()).filter(([k, v]) => v.trim() !== "" && k in FILTER_NAMES),
    );
    const parsed = QueueQuery.safeParse(raw);
    const errors: FormErrors | undefined = parsed.success
      ? undefined
      : {
          message: `筛选条件有误(${[...new Set(parsed.error.issues.map((i) => FILTER_NAMES[String(i.path[0])] ?? String(i.path[0])))].join("、")}),已显示全部申报。`,
          fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        };
    const [queue, { policy, title }] = await Promise.all([
      listQueue(ctx, parsed.success ? parsed.data : {}),
      programmeTitles(ctx),
    ]);
    const done = c.req.query("done");
    return c.html(
      <QueuePage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        rows={queue.rows.map((row) => ({ ...row, programme: title(row.programmeId) }))}
        counts={queue.counts}
        filters={parsed.success ? parsed.data : {}}
        programmes={(policy?.compiled.list ?? []).map((p) => ({ id: p.id, title: p.title.zh }))}
        today={shanghaiDate(ctx.now)}
        errors={errors}
        notice={done && DONE[done] ? { kind: "ok", message: DONE[done]! } : undefined}
      />,
      errors ? 422 : 200,
    );
  });

  r.get("/admin/subsidies/applications/:id", (c) => {
    const done = c.req.query("done");
    return applicationPage(
      c,
      deps,
      idParam(c, "没有这份申报。"),
      done && DONE[done] ? { notice: { kind: "ok", message: DONE[done]! } } : {},
    );
  });

  r.route("/", staffActionRoutes(deps));

  r.get("/admin/subsidies/dashboard", async (c) => {
    const ctx = staffCtx(c, deps);
    const thisYear = Number(shanghaiDate(ctx.now).slice(0, 4));
    const asked = c.req.query("year");
    const year = asked === undefined || asked === "" ? thisYear : Number(asked);
    if (!Number.isInteger(year) || year < 2000 || year > thisYear + 1)
      throw new AppError("validation_failed", `年度须为 2000 至 ${thisYear + 1} 之间的年份。`, { year: "年度有误" });
    const { policy } = await programmeTitles(ctx);
    const dashboard = await subsidyDashboard(ctx, policy?.compiled ?? null, year);
    const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
    if (!years.includes(year)) years.push(year);
    return c.html(
      <DashboardPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} dashboard={dashboard} years={years} />,
    );
  });

  r.get("/admin/subsidies/export", async (c) => {
    const ctx = staffCtx(c, deps);
    const { policy } = await programmeTitles(ctx);
    const csv = await applicationsCsv(ctx, policy?.compiled ?? null);
    // Taking the zone's award data off the platform: who took it is audited.
    await recordAudit(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "subsidy.exported",
        target: null,
        result: "ok",
        ip: ctx.ip,
        detail: { rows: csv.split("\r\n").length - 2 },
      },
      ctx.now,
    );
    const date = shanghaiDate(ctx.now);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subsidies-${ctx.zone.slug}-${date}.csv"; filename*=UTF-8''${encodeURIComponent(`${ctx.zone.shortName.zh}政策兑现-${date}.csv`)}`,
      "Cache-Control": "no-store",
    });
  });

  return r;
}
