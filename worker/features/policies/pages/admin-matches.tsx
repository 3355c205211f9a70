/** Zone staff: which enterprises match a programme (GET /admin/policies/programmes/:id/matches). */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { requestCtx } from "../../../middleware/request-ctx";
import { AdminMatchesPage } from "../../../../web/pages/policy/admin-matches";
import { signedIn } from "../../auth/guard";
import { currentPolicyOf } from "../current-policy";
import { matchEnterprisesForProgramme } from "../match-programmes";
import { programmeParam, versionLine } from "./page-helpers";

/** Guarded by the assembling router (zone_admin and reviewer). */
export function adminMatchesPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/programmes/:id/matches", async (c) => {
    const ctx = requestCtx(c, deps);
    const read = currentPolicyOf(ctx);
    // Started together (one round trip); the programme is checked first, so a bad id reads as before.
    const matching = matchEnterprisesForProgramme(
      ctx,
      read.then((p) => p.policy),
      c.req.param("id"),
      shanghaiDate(ctx.now),
    );
    matching.catch(() => {});
    const { policy } = await read;
    const view = programmeParam(c, policy);
    const m = await matching;
    return c.html(
      <AdminMatchesPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        version={versionLine(policy)}
        programme={{
          id: view.id,
          title: view.title,
          citation: view.citation,
          documentTitle: view.document.title,
          amountSummary: view.amountSummary,
        }}
        counts={m.counts}
        rows={m.rows.map((row) => ({
          enterprise: row.enterprise,
          tier: row.fit.tier,
          result: row.fit.result,
          met: row.fit.met,
          missed: row.fit.missed,
          untold: row.fit.untold,
        }))}
      />,
    );
  });
  return r;
}
