/**
 * The 年度报表 staff pages, mounted at /admin/reports: the windows (and opening one), one year's
 * completion, and its actions — 催报 and 截止收集 — as form posts answered with a 303 back to the
 * list, or the list redrawn with the refusal in Chinese. Zone admins act; reviewers read.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { CompletionPage, completionQuery } from "../../../web/pages/yearly-reports/completion-page";
import { WindowsPage } from "../../../web/pages/yearly-reports/windows-page";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { refuseBadCharacters } from "../../lib/form-text";
import { missingFields } from "../../lib/yearly-report";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole, signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { chaseReport } from "./chase-report";
import { getReportCompletion, listReportWindows } from "./get-report-completion";
import { closeReportWindow } from "./close-report-window";
import { openReportWindow } from "./open-report-window";
import { ChaseForm, CompletionQuery, OpenWindowForm, YearPath, type CompletionFilter } from "./schemas";

const DONE: Record<string, string> = {
  opened: "年度报表已开启,企业会在“我的企业”页看到填报提示。",
  closed: "已截止收集。企业不再收到提示和提醒,已填的数据保留。",
};

/** A bad filter in the address falls back to the whole list rather than an error page. */
const filterOf = (c: Context<AppEnv>): CompletionFilter => {
  const parsed = CompletionQuery.safeParse({
    status: c.req.query("status") || undefined,
    q: c.req.query("q") ?? "",
    page: c.req.query("page") || undefined,
  });
  return parsed.success ? parsed.data : { status: "all", q: "", page: 1 };
};

const yearOf = (c: Context<AppEnv>) => {
  const y = YearPath.safeParse({ year: c.req.param("year") });
  if (!y.success) throw new AppError("not_found", "没有这个年度的报表。");
  return y.data.year;
};

export function yearlyReportPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"), async (c, next) => {
    // What this person may do and the enterprises' filing: never a shared cache.
    c.header("Cache-Control", "private, no-store");
    await next();
  });
  const adminOnly = requireRole(deps, "zone_admin");
  r.use("*", (c, next) => (c.req.method === "GET" ? next() : adminOnly(c, next)));
  const canManage = (c: Context<AppEnv>) => signedIn(c).user.role === "zone_admin";

  const windowsPage = async (
    c: Context<AppEnv>,
    values: FormValues = {},
    errors?: FormErrors,
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const windows = await listReportWindows({ ctx });
    return c.html(
      <WindowsPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        windows={windows}
        canManage={canManage(c)}
        values={values}
        errors={errors}
        notice={DONE[c.req.query("done") ?? ""]}
      />,
      status,
    );
  };

  const completionPage = async (
    c: Context<AppEnv>,
    year: number,
    filter: CompletionFilter,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const done = await getReportCompletion({ ctx, year, ...filter });
    return c.html(
      <CompletionPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        window={done.window}
        filter={filter}
        total={done.total}
        pageSize={done.pageSize}
        rows={done.rows.map((e) => ({ ...e, missing: e.status === "unfiled" ? [] : missingFields(e.figures) }))}
        canManage={canManage(c)}
        notice={notice}
      />,
      status,
    );
  };

  r.get("/", (c) => windowsPage(c));

  r.post("/", async (c) => {
    const form = await readForm(c, OpenWindowForm);
    refuseBadCharacters(form.raw);
    if (!form.ok) return windowsPage(c, form.raw, form.errors, 422);
    try {
      const w = await openReportWindow({ ctx: actingCtx(c, deps), ...form.data });
      return c.redirect(`/admin/reports/${w.year}?done=opened`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return windowsPage(c, form.raw, errors, status);
    }
  });

  r.get("/:year", (c) => {
    const done = c.req.query("done");
    const n = Number(c.req.query("n"));
    const notice =
      done === "chased" && Number.isInteger(n) && n > 0
        ? { kind: "ok" as const, message: `已催报 ${n} 家企业:成员会在消息中心看到提醒,并收到邮件。` }
        : done && DONE[done]
          ? { kind: "ok" as const, message: DONE[done]! }
          : undefined;
    return completionPage(c, yearOf(c), filterOf(c), notice);
  });

  r.post("/:year/chase", async (c) => {
    const year = yearOf(c);
    const form = await readForm(c, ChaseForm);
    const kept = CompletionQuery.safeParse({
      status: form.raw.status || undefined,
      q: form.raw.q ?? "",
      page: form.raw.page || undefined,
    });
    const filter: CompletionFilter = kept.success ? kept.data : { status: "all", q: "", page: 1 };
    // A mangled form must never turn one enterprise's 催报 into everyone's.
    if (!form.ok)
      return completionPage(c, year, filter, { kind: "error", message: "所选企业不对,请刷新后重试。" }, 422);
    const one = form.data.enterpriseId || undefined;
    try {
      const { chased } = await chaseReport({ ctx: actingCtx(c, deps), year, enterpriseIds: one ? [one] : undefined });
      const back = completionQuery(filter);
      return c.redirect(`/admin/reports/${year}${back || "?"}${back ? "&" : ""}done=chased&n=${chased}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 && !one) throw e;
      return completionPage(c, year, filter, { kind: "error", message: errors.message ?? "催报没有完成。" }, status);
    }
  });

  r.post("/:year/close", async (c) => {
    const year = yearOf(c);
    await closeReportWindow({ ctx: actingCtx(c, deps), year }).catch((e) => {
      // Already closed (a second click, another admin): the list says so rather than an error page.
      if (e instanceof AppError && e.code === "conflict") return null;
      throw e;
    });
    return c.redirect(`/admin/reports/${year}?done=closed`, 303);
  });

  return r;
}
