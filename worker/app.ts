/**
 * createApp(deps): the whole application, independent of the runtime. The
 * Worker and Node entries differ only in how they build `deps`.
 *
 * Middleware order matters and is written out here once:
 *   request id → security headers (pages: CSP nonce; API: fixed set) →
 *   private responses (Cache-Control: private, no-store on whatever is someone's own;
 *   outside the rest so it also sees their refusals and failures) →
 *   site (Host → zone + its DB, 404 otherwise) → request guards (CSRF, JSON-only API)
 *   → session (cookie → user)
 *   → feature routers (each guards itself with requireZone) → 404 / error mapping.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "./env";
import { platformRoutes } from "./features/platform/routes";
import { policiesRoutes } from "./features/policies/routes";
import { zoneRoutes } from "./features/zone/routes";
import { validationHook } from "./lib/api-errors";
import { onError, onNotFound } from "./middleware/errors";
import { securityHeaders } from "./middleware/headers";
import { privateResponses } from "./middleware/private-responses";
import { assignRequestId } from "./middleware/request-id";
import { siteMiddleware } from "./middleware/site";
import { requestGuards } from "./middleware/request-guards";
import { adminUserRoutes } from "./features/auth/admin-routes";
import { authPages } from "./features/auth/pages";
import { authRoutes } from "./features/auth/routes";
import { sessionMiddleware } from "./features/auth/session-middleware";
import { devRoutes } from "./features/dev/routes";
import { onboardingRoutes } from "./features/onboarding/routes";
import { invitationRoutes } from "./features/invitations/routes";
import { bankRoutes } from "./features/banks/routes";
import { materialsRoutes } from "./features/materials/routes";
import { enterpriseRoutes } from "./features/enterprises/routes";
import { programmeApi } from "./features/policies/programme-api";
import { adminPolicyApi } from "./features/policies/admin-policy-api";
import { subsidyApi } from "./features/subsidies/api";
import { financeApi } from "./features/finance/api";
import { bankProductPages } from "./features/finance/bank-pages";
import { bankLoanPages } from "./features/finance/bank-loan-pages";
import { financeAdminPages } from "./features/finance/admin-pages";
import { financeCataloguePages } from "./features/finance/catalogue-pages";
import { financeMemberPages } from "./features/finance/member-pages";
import { policyPages } from "./features/policies/pages";
import { policyAdminPages } from "./features/policies/admin-pages";
import { subsidyStaffPages } from "./features/subsidies/staff-pages";
import { publicityPages } from "./features/subsidies/publicity-pages";
import { subsidyMemberPages } from "./features/subsidies/member-pages";

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(assignRequestId);
  app.use(securityHeaders);
  app.use(privateResponses);
  app.use(siteMiddleware(deps));
  app.use(requestGuards(deps));
  app.use(sessionMiddleware(deps));

  app.route("/", platformRoutes(deps));
  app.route("/", zoneRoutes);
  app.route("/", policiesRoutes);
  app.route("/", authRoutes(deps));
  app.route("/", adminUserRoutes(deps));
  app.route("/", authPages(deps));
  app.route("/", onboardingRoutes(deps));
  app.route("/", invitationRoutes(deps));
  app.route("/", bankRoutes(deps));
  app.route("/", materialsRoutes(deps));
  app.route("/", enterpriseRoutes(deps));
  app.route("/", programmeApi(deps));
  app.route("/", adminPolicyApi(deps));
  app.route("/", subsidyStaffPages(deps));
  app.route("/", publicityPages(deps));
  app.route("/", subsidyMemberPages(deps));
  app.route("/", subsidyApi(deps));
  app.route("/", financeApi(deps));
  app.route("/", bankProductPages(deps));
  app.route("/", bankLoanPages(deps));
  app.route("/", financeAdminPages(deps));
  app.route("/", financeCataloguePages(deps));
  app.route("/", financeMemberPages(deps));
  app.route("/", policyPages(deps));
  app.route("/", policyAdminPages(deps));
  // The outbox viewer exists only where DEV_TOOLS=1 (local development), never in production.
  if (deps.config.DEV_TOOLS === "1") app.route("/", devRoutes());

  // The OpenAPI document is public and identical on every host (zone or platform).
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "园区通 yuanqu API",
      version: "1",
      description: "Each zone is served on its own subdomain; every path below is relative to that zone's origin.",
    },
  });

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
