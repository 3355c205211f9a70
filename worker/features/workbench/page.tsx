/**
 * GET /admin: the 工作台, the zone staff's home (zone_admin and reviewer; staff land here after
 * signing in). Only "/" is guarded here: the router is mounted at /admin beside the other /admin/*
 * routers, which guard themselves. Anonymous visitors go to 登录, other roles get the 403 page.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { WorkbenchPage } from "../../../web/pages/workbench/workbench-page";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { getWorkbench } from "./get-workbench";

export function workbenchPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone, pageGuard(deps, "zone_admin", "reviewer"));
  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const wb = await getWorkbench(ctx);
    // What waits for this person: never a shared cache.
    c.header("Cache-Control", "private, no-store");
    return c.html(
      <WorkbenchPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        today={wb.today}
        sections={wb.sections}
      />,
    );
  });
  return r;
}
