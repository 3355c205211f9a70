/**
 * createApp(deps): the whole application, independent of the runtime. The
 * Worker and Node entries differ only in how they build `deps`.
 *
 * Middleware order matters and is written out here once:
 *   request id → security headers (pages: CSP nonce; API: fixed set) →
 *   private responses (Cache-Control: private, no-store on whatever is someone's own;
 *   outside the rest so it also sees their refusals and failures) →
 *   site (Host → zone through the control plane + its DB; 404 unknown, 503 suspended; a database
 *   behind the code → 503 naming the migrate command) →
 *   request guards (CSRF, JSON-only API)
 *   → session (cookie → user, and the zone's state, in one round trip)
 *   → page cache (anonymous public pages keyed by their data versions; middleware/page-cache.ts)
 *   → feature routers (each guards itself with requireZone) → 404 / error mapping.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { type AppDeps, type AppEnv, platformOrigin } from "./env";
import { platformRoutes } from "./features/platform/routes";
import { operatorAuthApi } from "./features/operator/api/operator-auth-api";
import { platformApi } from "./features/operator/api/platform-api";
import { operatorConsolePages } from "./features/operator/pages/console-pages";
import { operatorLoginPage, operatorLogoutPage } from "./features/operator/pages/login-pages";
import { documentsApi } from "./features/policies/api/documents";
import { zoneApi } from "./features/zone/api";
import { zoneHomePage } from "./features/zone/home-page";
import { validationHook } from "./lib/api-errors";
import { documentOf, finalizeDocument } from "./lib/openapi-document";
import { onError, onNotFound } from "./middleware/errors";
import { securityHeaders } from "./middleware/headers";
import { privateResponses } from "./middleware/private-responses";
import { assignRequestId } from "./middleware/request-id";
import { siteMiddleware } from "./middleware/site";
import { schemaCheck } from "./middleware/schema-check";
import { requestGuards } from "./middleware/request-guards";
import { adminUsersApi } from "./features/auth/api/admin-users-api";
import { staffInvitationsApi } from "./features/staff/staff-endpoints";
import { authApi } from "./features/auth/api/auth-api";
import { meApi } from "./features/auth/api/me-api";
import { accountPages } from "./features/auth/pages/account-pages";
import { adminStaffInvitationPages, adminUserPages } from "./features/auth/pages/admin-user-pages";
import { forgotPasswordPage } from "./features/auth/pages/forgot-password-page";
import { loginPage, logoutPage } from "./features/auth/pages/login-page";
import { resetPasswordPage } from "./features/auth/pages/reset-password-page";
import { sessionMiddleware } from "./middleware/session";
import { pageCache } from "./middleware/page-cache";
import { devRoutes } from "./features/dev/routes";
import { onboardingApi } from "./features/onboarding/api";
import { applyPages } from "./features/onboarding/apply-pages";
import { onboardingReviewPages } from "./features/onboarding/review-pages";
import { invitationsApi } from "./features/invitations/api";
import { invitePage } from "./features/invitations/invite-page";
import { adminBanksApi } from "./features/banks/api/admin-banks-api";
import { adminBankPages } from "./features/banks/pages/admin-bank-pages";
import { myBankPage } from "./features/banks/pages/my-bank-page";
import { zoneSettingsPages } from "./features/zone-settings/pages/settings-pages";
import { materialsRoutes } from "./features/materials/routes";
import { enterpriseApi } from "./features/enterprises/api-member";
import { enterpriseDirectoryApi } from "./features/enterprises/api-directory";
import { enterpriseMemberPages } from "./features/enterprises/member-pages";
import { enterpriseStaffPages } from "./features/enterprises/directory-pages";
import { enterpriseDirectoryCsv } from "./features/enterprises/directory-csv";
import { qualificationReviewPages } from "./features/enterprises/qualification-review-pages";
import { policyApi } from "./features/policies/api/policy-api";
import { adminPolicyApi } from "./features/policies/api/admin-policy-api";
import { subsidyAdminApi, subsidyApi } from "./features/subsidies/api/routes";
import { bankInterestApi } from "./features/subsidies/api/bank-interest";
import { bankInterestPages } from "./features/subsidies/bank-interest-pages";
import { bankFinanceApi, financeAdminApi, financeApi } from "./features/finance/api/routers";
import { bankFinancePages } from "./features/finance/pages/bank-router";
import { riskClaimsAdminApi, riskPoolsAdminApi } from "./features/risk-pool/api/admin";
import { riskPoolBankApi } from "./features/risk-pool/api/bank";
import { riskPoolAdminPages } from "./features/risk-pool/pages/admin-pages";
import { riskPoolBankPages } from "./features/risk-pool/pages/bank-pages";
import { financeAdminPages } from "./features/finance/pages/admin";
import { financeCataloguePages } from "./features/finance/pages/catalogue";
import { financeConsentPages } from "./features/finance/pages/member-consents";
import { financeLoanPages } from "./features/finance/pages/member-loans";
import { financeNeedPages } from "./features/finance/pages/member-needs";
import { policyPages } from "./features/policies/pages/policy-pages";
import { ADMIN_POLICY_MOVES, movedPages, POLICY_MOVES } from "./features/policies/pages/moved-pages";
import { policyAdminPages } from "./features/policies/pages/admin-pages";
import { subsidyStaffPages } from "./features/subsidies/staff-pages/routes";
import { statisticsApi } from "./features/statistics/api";
import { statisticsPages } from "./features/statistics/page";
import { publicityPages } from "./features/subsidies/publicity-pages";
import { subsidyMemberPages } from "./features/subsidies/member-pages/routes";
import { zoneSettingsApi } from "./features/zone-settings/api";
import { brandingRoutes } from "./features/zone-settings/logo-route";
import { adminJobsApi } from "./features/jobs/api/admin-jobs-api";
import { noticesApi } from "./features/notices/api";
import { noticePages, noticePreferencePages } from "./features/notices/pages";
import { adminJobPages } from "./features/jobs/pages";
import { workbenchApi } from "./features/workbench/api";
import { workbenchPage } from "./features/workbench/page";
import { yearlyReportsApi } from "./features/yearly-reports/api";
import { yearlyReportPages } from "./features/yearly-reports/pages";
import { indicatorPages, newIndicatorPage } from "./features/indicators/pages";
import { indicatorsApi } from "./features/indicators/api";
import { apiTokensApi } from "./features/api-tokens/api";
import { apiTokenPages } from "./features/api-tokens/pages";

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(assignRequestId);
  app.use(securityHeaders);
  app.use(privateResponses);
  // Before the site: a database behind the code answers 503 with the command to run, not a 500.
  // The schema check runs inside the site middleware, around the one host resolution.
  app.use(siteMiddleware(deps, schemaCheck(deps)));
  app.use(requestGuards(deps));
  app.use(sessionMiddleware(deps));
  // Anonymous visitors' public pages from the cache, keyed by the data versions they show.
  app.use(pageCache(deps));

  app.route("/", platformRoutes(deps));
  // The operator console and platform API (bare root host only). Sign-in shares the zones' paths:
  // these handlers answer on the root host and pass every other host on to the zones' routers below.
  app.route("/api/v1/auth", operatorAuthApi(deps));
  app.route("/login", operatorLoginPage(deps));
  app.route("/logout", operatorLogoutPage(deps));
  app.route("/console", operatorConsolePages(deps));
  app.route("/api/v1/platform", platformApi(deps));
  app.route("/api/v1/zone", zoneApi());
  app.route("/", zoneHomePage(deps));
  app.route("/api/v1/policies", documentsApi(deps));
  app.route("/api/v1/auth", authApi(deps));
  app.route("/api/v1/me", meApi(deps));
  app.route("/api/v1/admin/users", adminUsersApi(deps));
  app.route("/api/v1/admin/staff-invitations", staffInvitationsApi(deps));
  app.route("/login", loginPage(deps));
  app.route("/logout", logoutPage(deps));
  app.route("/forgot-password", forgotPasswordPage(deps));
  app.route("/reset-password", resetPasswordPage(deps));
  app.route("/account", accountPages(deps));
  app.route("/admin", workbenchPage(deps));
  app.route("/api/v1/admin/workbench", workbenchApi(deps));
  app.route("/admin/statistics", statisticsPages(deps));
  app.route("/api/v1/admin/statistics", statisticsApi(deps));
  app.route("/admin/indicators", indicatorPages(deps));
  app.route("/admin/new-indicator", newIndicatorPage(deps));
  app.route("/api/v1/admin/indicators", indicatorsApi(deps));
  app.route("/admin/users", adminUserPages(deps));
  app.route("/admin/staff-invitations", adminStaffInvitationPages(deps));
  app.route("/api/v1/onboarding", onboardingApi(deps));
  app.route("/apply", applyPages(deps));
  app.route("/admin/onboarding", onboardingReviewPages(deps));
  app.route("/invite", invitePage(deps));
  app.route("/api/v1/invitations", invitationsApi(deps));
  app.route("/api/v1/admin/banks", adminBanksApi(deps));
  app.route("/admin/banks", adminBankPages(deps));
  app.route("/admin/settings", zoneSettingsPages(deps));
  app.route("/bank", myBankPage(deps));
  app.route("/materials", materialsRoutes(deps));
  app.route("/api/v1/enterprise", enterpriseApi(deps));
  app.route("/api/v1/admin/enterprises", enterpriseDirectoryApi(deps));
  app.route("/enterprise", enterpriseMemberPages(deps));
  app.route("/admin/enterprises", enterpriseStaffPages(deps));
  app.route("/admin/enterprises.csv", enterpriseDirectoryCsv(deps));
  app.route("/admin/qualifications", qualificationReviewPages(deps));
  app.route("/api/v1/policy", policyApi(deps));
  app.route("/api/v1/admin/policy", adminPolicyApi(deps));
  app.route("/admin/subsidies", subsidyStaffPages(deps));
  app.route("/publicity", publicityPages(deps));
  app.route("/subsidies", subsidyMemberPages(deps));
  app.route("/api/v1/subsidies", subsidyApi(deps));
  app.route("/api/v1/admin/subsidies", subsidyAdminApi(deps));
  app.route("/api/v1/bank/interest-confirmations", bankInterestApi(deps));
  app.route("/api/v1/finance", financeApi(deps));
  app.route("/api/v1/bank", bankFinanceApi(deps));
  app.route("/api/v1/admin/finance", financeAdminApi(deps));
  app.route("/api/v1/admin/risk-pools", riskPoolsAdminApi(deps));
  app.route("/api/v1/admin/risk-claims", riskClaimsAdminApi(deps));
  app.route("/api/v1/bank/risk-pool", riskPoolBankApi(deps));
  app.route("/api/v1/admin/zone/settings", zoneSettingsApi(deps));
  app.route("/branding", brandingRoutes(deps));
  app.route("/api/v1/admin/jobs", adminJobsApi(deps));
  app.route("/api/v1/notices", noticesApi(deps));
  app.route("/notices", noticePages(deps));
  app.route("/account/notices", noticePreferencePages(deps));
  app.route("/account/tokens", apiTokenPages(deps));
  app.route("/api/v1/tokens", apiTokensApi(deps));
  app.route("/admin/jobs", adminJobPages(deps));
  app.route("/admin/reports", yearlyReportPages(deps));
  app.route("/api/v1/admin/reports", yearlyReportsApi(deps));
  app.route("/bank", bankFinancePages(deps));
  app.route("/bank/interest-confirmations", bankInterestPages(deps));
  app.route("/admin/finance", financeAdminPages(deps));
  app.route("/admin/risk-pool", riskPoolAdminPages(deps));
  app.route("/bank/risk-pool", riskPoolBankPages(deps));
  app.route("/finance", financeCataloguePages(deps));
  app.route("/finance/needs", financeNeedPages(deps));
  app.route("/finance/loans", financeLoanPages(deps));
  app.route("/finance/consents", financeConsentPages(deps));
  app.route("/policies", policyPages(deps));
  app.route("/admin/policies", policyAdminPages(deps));
  app.route("/policy", movedPages(POLICY_MOVES));
  app.route("/admin/policy", movedPages(ADMIN_POLICY_MOVES));
  // The outbox viewer exists only where DEV_TOOLS=1 (local development), never in production.
  if (deps.config.DEV_TOOLS === "1") app.route("/dev", devRoutes());

  // The OpenAPI document is public on every host (zone or platform); its `servers` names the host's own origin.
  const openApiDocument = documentOf(app);
  app.get("/api/openapi.json", (c) => {
    const site = c.get("site");
    const origin = site.kind === "zone" ? site.origin : platformOrigin(deps.config);
    return c.json(finalizeDocument(openApiDocument(), { origin }));
  });

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
