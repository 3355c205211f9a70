/** A submitted application as the enterprise sees it, labelled as the version it was submitted under wrote it. */
import type { Context } from "hono";
import type { AppEnv } from "../../../env";
import type { Actor, RequestCtx } from "../../../middleware/request-ctx";
import { RETIRED_PROGRAMME } from "../../../../web/labels/subsidies";
import { StatusPage } from "../../../../web/pages/subsidies/member-status";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import type { LoadedPolicy } from "../../policies/current-policy";
import { viewOf } from "../../policies/search-programmes";
import type { ApplicationDetail } from "../get-application";
import { materialKind } from "../submit-application";
import { nonce } from "./shared";

export async function statusPage(
  c: Context<AppEnv>,
  ctx: RequestCtx<Actor>,
  policy: LoadedPolicy,
  detail: ApplicationDetail,
  notice?: Notice,
  comment?: { value: string; error: string },
  status: 200 | 409 | 422 = 200,
) {
  const app = detail.application;
  // Labels as the version it was submitted under wrote them (read in the application's batch).
  const compiled =
    app.policyVersion !== null && app.policyVersion !== policy.version.id
      ? (detail.ownVersion ?? policy.compiled)
      : policy.compiled;
  const view = viewOf(compiled, app.programmeId) ?? viewOf(policy.compiled, app.programmeId);
  const materialNames = Object.fromEntries((view?.materials ?? []).map((m) => [materialKind(m.id), m.name]));
  return c.html(
    <StatusPage
      zone={ctx.zone}
      nonce={nonce(c)}
      user={signedIn(c).user}
      detail={detail}
      title={view?.title ?? RETIRED_PROGRAMME}
      facts={view?.facts ?? null}
      materialNames={materialNames}
      notice={notice}
      comment={comment}
    />,
    status,
  );
}
