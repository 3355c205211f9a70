/**
 * 政策匹配 (GET /policies/match) for an enterprise member: every programme ranked
 * by fit with the enterprise's verified records, each linked to the calculator.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { requestCtx } from "../../../middleware/request-ctx";
import { latestFiguresYear } from "../../../engines/policy/prefill";
import { rankProgrammesForEnterprise } from "../../../engines/policy/rank";
import { PolicyMatchPage } from "../../../../web/pages/policy/match";
import { signedIn } from "../../auth/guard";
import { memberOf } from "../../enterprises/member-guard";
import { closedDocumentLines } from "../closed-documents";
import { currentPolicyOf } from "../current-policy";
import { documentStatuses } from "../document-status";
import { loadEnterpriseProfiles, withInProgress } from "../enterprise-profiles";
import { pendingItems } from "../match-pending";
import { viewOf } from "../search-programmes";
import { profileCalculatorHref, versionLine } from "./page-helpers";

/** Guarded by the assembling router (a member's page: anonymous visitors are sent to 登录). */
export function matchPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/match", async (c) => {
    const ctx = requestCtx(c, deps);
    const today = shanghaiDate(ctx.now);
    // The policy and the profile do not depend on each other: one round trip for both. The profile
    // is needed twice (ranking and the calculator links), so it is read once here.
    const [{ policy }, [e]] = await Promise.all([
      currentPolicyOf(ctx),
      loadEnterpriseProfiles(ctx, today, memberOf(c).enterpriseId),
    ]);
    if (!e) throw new AppError("not_found", "找不到你所属的企业,请联系园区管理员。");
    const rows = rankProgrammesForEnterprise(policy.compiled, e.profile, e.history, today).map((f) => {
      const view = viewOf(policy.compiled, f.programme.id)!;
      const pending = pendingItems(f.programme, f.result);
      // The engine's "effective" condition (its document's period, decision 0013) gives the badge.
      const closed = f.result.conditions.some((x) => x.id === "effective" && x.result === "fail")
        ? today < f.programme.effectiveFrom
          ? ("尚未施行" as const)
          : ("已到期" as const)
        : undefined;
      return {
        programme: {
          id: view.id,
          title: view.title,
          citation: view.citation,
          documentId: view.document.id,
          documentTitle: view.document.title,
          amountSummary: view.amountSummary,
          closed,
        },
        result: withInProgress(e, f.result),
        tier: f.tier,
        met: f.met,
        missed: f.missed,
        // Counted as listed: an unknown condition and the fact it waits for are one thing to supply.
        untold: pending.length,
        pending,
        calculatorHref: profileCalculatorHref(view.id),
      };
    });
    // A plan out of its period says so once, above the tiers, instead of only as 16 reasons under 暂不符合.
    const closedDocuments = closedDocumentLines(
      documentStatuses(ctx.zone, policy, today),
      rows.filter((row) => row.programme.closed).map((row) => row.programme.documentId),
    );
    // The enterprise's own figures: not for shared caches.
    c.header("Cache-Control", "private, no-store");
    return c.html(
      <PolicyMatchPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        version={versionLine(policy)}
        enterpriseName={e.name}
        figuresYear={latestFiguresYear(e.profile)}
        rows={rows}
        closedDocuments={closedDocuments}
      />,
    );
  });
  return r;
}
