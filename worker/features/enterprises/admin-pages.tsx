/**
 * Staff pages (zone_admin and reviewer): the enterprise directory with its CSV
 * export, one enterprise's read-only overview, and the qualification review
 * queue. Suspending or reactivating an enterprise is for the zone admin only.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { EnterpriseDetailPage } from "../../../web/pages/enterprises/admin-detail";
import { DirectoryPage } from "../../../web/pages/enterprises/admin-directory";
import { QualificationQueuePage } from "../../../web/pages/enterprises/admin-qualifications";
import { recordAudit } from "../audit/audit";
import { requireRole, signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { csvDisposition, enterprisesCsv } from "./enterprises-csv";
import { getEnterpriseOverview, NOT_FOUND_MESSAGE } from "./get-enterprise-overview";
import { listEnterprises } from "./list-enterprises";
import { actorOf } from "./member-guard";
import { listPendingQualifications, QUALIFICATION_NOT_FOUND, reviewQualification } from "./review-qualification";
import { DirectoryQuery, IdParam, ReviewForm } from "./schemas";
import { setEnterpriseStatus } from "./set-enterprise-status";

/** Query strings are input too: a bad filter is a 422 that says which one. */
export function directoryFilters(c: Context<AppEnv>) {
  refuseBadCharacters(c.req.query(), { q: "搜索词" });
  const parsed = DirectoryQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("validation_failed", `查询条件有误:${issue.message}`, {
      [String(issue.path[0] ?? "_")]: issue.message,
    });
  }
  return parsed.data;
}

function idParam(c: Context<AppEnv>, message: string): string {
  const parsed = IdParam.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", message);
  return parsed.data;
}

const STATUS_DONE: Record<string, string> = {
  suspend: "企业已暂停,其成员的登录已全部退出。",
  reactivate: "企业已恢复正常。",
};
const REVIEW_DONE: Record<string, string> = { verify: "资质已核实,已通知企业。", reject: "已驳回,已通知企业。" };

export function staffPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const staff = pageGuard(deps, "zone_admin", "reviewer");
  for (const path of [
    "/admin/enterprises",
    "/admin/enterprises.csv",
    "/admin/enterprises/*",
    "/admin/qualifications",
    "/admin/qualifications/*",
  ])
    r.use(path, requireZone, staff);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/admin/enterprises", async (c) => {
    const { zone, db } = zoneOf(c);
    const filters = directoryFilters(c);
    const [result, pending] = await Promise.all([
      listEnterprises({ db }, filters),
      listPendingQualifications({ db, zone }),
    ]);
    return c.html(
      <DirectoryPage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        filters={filters}
        result={result}
        pendingQualifications={pending.length}
      />,
    );
  });

  r.get("/admin/enterprises.csv", async (c) => {
    const { zone, db } = zoneOf(c);
    const result = await listEnterprises({ db }, directoryFilters(c), "all");
    const ctx = requestCtx(c, deps);
    const { user } = signedIn(c);
    // An export takes the zone's contact data off the platform: who took what is audited.
    await recordAudit(
      db,
      {
        actorId: user.id,
        actor: user.email,
        action: "enterprise.directory_exported",
        target: null,
        result: "ok",
        ip: ctx.ip,
        detail: { rows: result.total, query: new URL(c.req.url).search },
      },
      ctx.now,
    );
    return c.body(enterprisesCsv(zone, result.enterprises), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": csvDisposition(zone, ctx.now),
      "Cache-Control": "no-store",
    });
  });

  const detail = async (
    c: Context<AppEnv>,
    id: string,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const overview = await getEnterpriseOverview({ db, zone, now: deps.now() }, id, { historyLimit: 100 });
    return c.html(
      <EnterpriseDetailPage zone={zone} nonce={nonce(c)} user={signedIn(c).user} overview={overview} notice={notice} />,
      status,
    );
  };

  r.get("/admin/enterprises/:id", (c) => {
    const done = STATUS_DONE[c.req.query("done") ?? ""];
    return detail(c, idParam(c, NOT_FOUND_MESSAGE), done ? { kind: "ok", message: done } : undefined);
  });

  r.post("/admin/enterprises/:id/:action{suspend|reactivate}", requireRole(deps, "zone_admin"), async (c) => {
    const id = idParam(c, NOT_FOUND_MESSAGE);
    const action = c.req.param("action");
    try {
      await setEnterpriseStatus(
        { ...requestCtx(c, deps), actor: actorOf(c) },
        id,
        action === "suspend" ? "suspended" : "active",
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return detail(c, id, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
    }
    return c.redirect(`/admin/enterprises/${id}?done=${action}`, 303);
  });

  const queue = async (
    c: Context<AppEnv>,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    return c.html(
      <QualificationQueuePage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        pending={await listPendingQualifications({ db, zone })}
        notice={notice}
      />,
      status,
    );
  };

  r.get("/admin/qualifications", (c) => {
    const done = REVIEW_DONE[c.req.query("done") ?? ""];
    return queue(c, done ? { kind: "ok", message: done } : undefined);
  });

  r.post("/admin/qualifications/:id/:decision{verify|reject}", async (c) => {
    const id = idParam(c, QUALIFICATION_NOT_FOUND);
    const decision = c.req.param("decision") === "verify" ? "verify" : "reject";
    const form = await readForm(c, ReviewForm);
    refuseBadCharacters(form.raw, { note: "审核意见" });
    if (!form.ok)
      return queue(
        c,
        { kind: "error", message: Object.values(form.errors.fields ?? {})[0] ?? "请检查审核意见。" },
        422,
      );
    try {
      await reviewQualification({ ...requestCtx(c, deps), actor: actorOf(c) }, id, decision, form.data.note);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return queue(c, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
    }
    return c.redirect(`/admin/qualifications?done=${decision}`, 303);
  });

  return r;
}
