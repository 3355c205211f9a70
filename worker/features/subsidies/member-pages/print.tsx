/**
 * GET /subsidies/applications/:id/print — the 申报书 of one of the member's own enterprise's
 * applications, to print, sign and seal. Another enterprise's application is a 404 (getApplication
 * decides), as it is on the application's page.
 */
import type { AppDeps } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { PrintApplicationPage } from "../../../../web/pages/subsidies/print-application";
import { signedIn } from "../../auth/guard";
import { getPrintableApplication } from "../printable-application";
import { idParam, type MemberPages, nonce, pageOf } from "./shared";

export function printPage(r: MemberPages, deps: AppDeps) {
  r.get("/applications/:id/print", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = idParam(c);
    const printable = await getPrintableApplication(ctx, id);
    return c.html(
      <PrintApplicationPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        audience="enterprise"
        backHref={pageOf(id)}
        {...printable}
        printedAt={ctx.now}
      />,
    );
  });
}
