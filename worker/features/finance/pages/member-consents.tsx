/**
 * 数据授权 for an enterprise's members, mounted at /finance/consents: which
 * banks may see its financial data; grant or revoke, per bank (plain forms,
 * each a 303 back to the list with a notice).
 */
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import { ConsentsPage } from "../../../../web/pages/finance/member-consents";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { grantConsent, revokeConsent } from "../consents";
import { consentChoices } from "../member-reads";
import { pathId } from "./ids";
import { formOf, guardMemberPages, ok } from "./member-forms";

const CONSENT_DONE: Record<string, Notice> = {
  granted: ok("已授权。"),
  revoked: ok("已撤回授权,这家机构不再能查看本企业的财务信息。"),
};

export function financeConsentPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  guardMemberPages(r, deps);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const { consents, others } = await consentChoices(ctx);
    return c.html(
      <ConsentsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        consents={consents}
        others={others}
        notice={CONSENT_DONE[c.req.query("done") ?? ""]}
      />,
    );
  });

  r.post("/:bankId", async (c) => {
    const bankId = pathId(c, "bankId", "本园区没有这家金融机构。");
    const action = (await formOf(c)).one("action");
    if (action === "grant") await grantConsent(actingCtx(c, deps), bankId);
    else if (action === "revoke") await revokeConsent(actingCtx(c, deps), bankId);
    else throw new AppError("bad_request", "请在数据授权页面点“授权”或“撤回”。");
    return c.redirect(`/finance/consents?done=${action === "grant" ? "granted" : "revoked"}`, 303);
  });

  return r;
}
