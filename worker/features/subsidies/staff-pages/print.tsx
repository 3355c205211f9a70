/**
 * GET /admin/subsidies/applications/:id/print — the 申报书 of any application of the zone, for
 * the zone's staff (the router's guard: zone_admin, reviewer) to print, seal and file.
 */
import type { AppDeps } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { PrintApplicationPage } from "../../../../web/pages/subsidies/print-application";
import { signedIn } from "../../auth/guard";
import { getPrintableApplication } from "../printable-application";
import { idParam, NOT_FOUND, type StaffPages } from "./shared";

export function printPage(r: StaffPages, deps: AppDeps) {
  r.get("/applications/:id/print", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = idParam(c, NOT_FOUND);
    const printable = await getPrintableApplication(ctx, id);
    return c.html(
      <PrintApplicationPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        audience="staff"
        backHref={`/admin/subsidies/applications/${id}`}
        {...printable}
        printedAt={ctx.now}
      />,
    );
  });
}
