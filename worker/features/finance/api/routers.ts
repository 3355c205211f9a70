/**
 * The 金融超市 JSON API, one router per prefix: /api/v1/finance (the public
 * catalogue; a member's needs, consents and applications; loans for whoever
 * may read them), /api/v1/bank (a bank's staff: their products and the needs
 * that fit them) and /api/v1/admin/finance (zone staff: statistics). The
 * endpoints only translate HTTP: the rules are the services', shared with the
 * pages.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { requireMember } from "../../enterprises/member-guard";
import { applyForLoanEndpoint } from "./apply-for-loan";
import { bankNeedEndpoints } from "./bank-needs";
import { bankProductEndpoints } from "./bank-products";
import { catalogueEndpoints } from "./catalogue";
import { loanStepEndpoints } from "./loan-steps";
import { memberConsentEndpoints } from "./member-consents";
import { memberNeedEndpoints } from "./member-needs";
import { readLoanEndpoints } from "./read-loans";
import { statisticsEndpoint } from "./statistics";

/** Mounted at /api/v1/finance. */
export function financeApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  const member = requireMember(deps);
  const bank = requireRole(deps, "bank");
  const others = requireRole(deps, "bank", "zone_admin", "reviewer");
  // Reading loans: a member of an admitted enterprise, a bank's staff, or zone staff; anyone else is refused (audited).
  const reader = createMiddleware<AppEnv>((c, next) =>
    c.get("auth")?.user.role === "enterprise" ? member(c, next) : others(c, next),
  );
  catalogueEndpoints(r, deps);
  memberNeedEndpoints(r, deps, member);
  memberConsentEndpoints(r, deps, member);
  applyForLoanEndpoint(r, deps, member);
  readLoanEndpoints(r, deps, reader);
  loanStepEndpoints(r, deps, { bank, member });
  return r;
}

/** Mounted at /api/v1/bank (the banks feature serves other paths under it). */
export function bankFinanceApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "bank"));
  bankProductEndpoints(r, deps);
  bankNeedEndpoints(r, deps);
  return r;
}

/** Mounted at /api/v1/admin/finance. */
export function financeAdminApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin", "reviewer"));
  statisticsEndpoint(r, deps);
  return r;
}
