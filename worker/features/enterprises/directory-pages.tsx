/**
 * Staff pages (zone_admin and reviewer) mounted at /admin/enterprises: the
 * directory and one enterprise's read-only overview. Suspending or reactivating
 * an enterprise is for the zone admin only.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EnterpriseDetailPage } from "../../../web/pages/enterprises/admin-detail";
import { DirectoryPage } from "../../../web/pages/enterprises/admin-directory";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole, signedIn } from "../auth/guard";
import { formFailure, pageGuard } from "../auth/page-forms";
import { directoryFilters } from "./directory-filters";
import { getEnterpriseOverview, NOT_FOUND_MESSAGE } from "./get-enterprise-overview";
import { listEnterprises } from "./list-enterprises";
import { IdParam } from "./schemas";
import { setEnterpriseStatus } from "./set-enterprise-status";

const STATUS_DONE: Record<string, string> = {
  suspend: "企业已暂停,其成员的登录已全部退出。",
  reactivate: "企业已恢复正常。",
};

function enterpriseIdParam(c: Context<AppEnv>): string {
  const parsed = IdParam.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  return parsed.data;
}

export function enterpriseStaffPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));

  r.get("/", async (c) => {
    const ctx = requestCtx(c, deps);
    const filters = directoryFilters(c);
    const result = await listEnterprises(ctx, filters, { pendingQualifications: true });
    return c.html(
      <DirectoryPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        filters={filters}
        result={result}
        pendingQualifications={result.pendingQualifications}
      />,
    );
  });

  const detail = async (
    c: Context<AppEnv>,
    id: string,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = requestCtx(c, deps);
    const overview = await getEnterpriseOverview(ctx, id, { historyLimit: 100 });
    return c.html(
      <EnterpriseDetailPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        overview={overview}
        notice={notice}
      />,
      status,
    );
  };

  r.get("/:id", (c) => {
    const done = STATUS_DONE[c.req.query("done") ?? ""];
    return detail(c, enterpriseIdParam(c), done ? { kind: "ok", message: done } : undefined);
  });

  r.post("/:id/:action{suspend|reactivate}", requireRole(deps, "zone_admin"), async (c) => {
    const id = enterpriseIdParam(c);
    const action = c.req.param("action");
    try {
      await setEnterpriseStatus(actingCtx(c, deps), id, action === "suspend" ? "suspended" : "active");
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return detail(c, id, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
    }
    return c.redirect(`/admin/enterprises/${id}?done=${action}`, 303);
  });

  return r;
}
