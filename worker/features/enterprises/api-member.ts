/**
 * The member's enterprise as JSON, mounted at /api/v1/enterprise: the profile
 * with its yearly figures and qualifications, and saving one year's figures.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { filingStatus, missingFields } from "../../lib/yearly-report";
import { body, err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { getEnterpriseOverview, type EnterpriseOverview } from "./get-enterprise-overview";
import { memberOf, requireMember } from "./member-guard";
import { saveYearlyFigures } from "./save-yearly-figures";
import { EnterpriseDocument, FiguresBody, YearlyFigures, YearParam } from "./schemas";

const denied = { 401: err("No session"), 403: err("Not allowed for this account") };

const figuresJson = (f: EnterpriseOverview["figures"][number]) => ({
  year: f.year,
  revenueFen: f.revenueFen,
  rdExpenseFen: f.rdExpenseFen,
  rdSuperDeductionFen: f.rdSuperDeductionFen,
  taxPaidFen: f.taxPaidFen,
  employees: f.employees,
  rdStaff: f.rdStaff,
  exportsFen: f.exportsFen,
  inventionPatentsFiled: f.inventionPatentsFiled,
  inventionPatentsGranted: f.inventionPatentsGranted,
  validInventionPatents: f.validInventionPatents,
  updatedAt: new Date(f.updatedAt).toISOString(),
});

function documentJson(o: EnterpriseOverview) {
  const { createdAt: _c, updatedAt: _u, ...enterprise } = o.enterprise;
  return {
    enterprise,
    figures: o.figures.map(figuresJson),
    qualifications: o.qualifications.map((q) => ({
      id: q.id,
      code: q.code,
      name: q.name,
      certificateNo: q.certificateNo,
      issuedOn: q.issuedOn,
      validUntil: q.validUntil,
      status: q.status,
      expired: q.expired,
      reviewNote: q.reviewNote,
    })),
    openReports: o.openReports.map((w) => {
      const row = o.figures.find((f) => f.year === w.year);
      return { ...w, status: filingStatus(row), missing: row ? missingFields(row) : [] };
    }),
  };
}

export function enterpriseApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireMember(deps));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getOwnEnterprise",
      tags: ["enterprise"],
      summary: "My enterprise: profile, yearly figures, qualifications",
      responses: { 200: json(EnterpriseDocument, "The member's own enterprise"), ...denied },
    }),
    async (c) => {
      const overview = await getEnterpriseOverview(requestCtx(c, deps), memberOf(c).enterpriseId, { historyLimit: 0 });
      return c.json(documentJson(overview), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/figures/{year}",
      operationId: "updateEnterpriseFigures",
      tags: ["enterprise"],
      summary: "Add or replace one year's figures (amounts in fen); the previous values are kept in the history",
      request: { params: YearParam, ...body(FiguresBody) },
      responses: {
        200: json(
          z.object({
            figures: YearlyFigures,
            warnings: z
              .array(z.string())
              .openapi({ description: "Worth a second look, but saved (e.g. R&D expense above revenue)" }),
          }),
          "Saved",
        ),
        422: err("Year outside 2000..this year, a negative amount, or R&D staff above employees"),
        ...denied,
      },
    }),
    async (c) => {
      const { enterpriseId } = memberOf(c);
      const { year } = c.req.valid("param");
      const ctx = actingCtx(c, deps);
      const { warnings, figures } = await saveYearlyFigures(ctx, enterpriseId, year, c.req.valid("json"));
      return c.json({ figures: figuresJson(figures), warnings }, 200);
    },
  );

  return r;
}
