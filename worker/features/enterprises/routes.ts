/**
 * The enterprise JSON API (members: their own enterprise; staff: the directory)
 * and, mounted on the same router, the member and staff pages. One router so
 * app.ts mounts the feature with one line.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { requestCtx } from "../../middleware/request-ctx";
import { staffPages } from "./admin-pages";
import { getEnterpriseOverview, type EnterpriseOverview } from "./get-enterprise-overview";
import { listEnterprises } from "./list-enterprises";
import { memberOf, requireMember, requireStaff } from "./member-guard";
import { memberPages } from "./pages";
import { saveYearlyFigures } from "./save-yearly-figures";
import { DirectoryPage, DirectoryQuery, EnterpriseDocument, FiguresBody, YearlyFigures, YearParam } from "./schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const denied = { 401: json(ErrorEnvelope, "No session"), 403: json(ErrorEnvelope, "Not allowed for this account") };

const figuresJson = (f: EnterpriseOverview["figures"][number]) => ({
  year: f.year,
  revenueFen: f.revenueFen,
  rdExpenseFen: f.rdExpenseFen,
  rdSuperDeductionFen: f.rdSuperDeductionFen,
  taxPaidFen: f.taxPaidFen,
  employees: f.employees,
  rdStaff: f.rdStaff,
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
  };
}

export function enterpriseRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/enterprise", requireZone, requireMember(deps));
  r.use("/api/v1/enterprise/*", requireZone, requireMember(deps));
  r.use("/api/v1/admin/enterprises", requireZone, requireStaff(deps));

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/enterprise",
      tags: ["enterprise"],
      summary: "My enterprise: profile, yearly figures, qualifications",
      responses: { 200: json(EnterpriseDocument, "The member's own enterprise"), ...denied },
    }),
    async (c) => {
      const { zone, db } = zoneOf(c);
      return c.json(
        documentJson(
          await getEnterpriseOverview({ db, zone, now: deps.now() }, memberOf(c).enterpriseId, { historyLimit: 0 }),
        ),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/enterprise/figures/{year}",
      tags: ["enterprise"],
      summary: "Add or replace one year's figures (amounts in fen); the previous values are kept in the history",
      request: {
        params: YearParam,
        body: { required: true, content: { "application/json": { schema: FiguresBody } } },
      },
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
        422: json(ErrorEnvelope, "Year outside 2000..this year, a negative amount, or R&D staff above employees"),
        ...denied,
      },
    }),
    async (c) => {
      const { enterpriseId, actor } = memberOf(c);
      const { year } = c.req.valid("param");
      const ctx = { ...requestCtx(c, deps), actor };
      const { warnings } = await saveYearlyFigures(ctx, enterpriseId, year, c.req.valid("json"));
      const { figures } = await getEnterpriseOverview(ctx, enterpriseId, { historyLimit: 0 });
      return c.json({ figures: figuresJson(figures.find((f) => f.year === year)!), warnings }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/enterprises",
      tags: ["admin"],
      summary:
        "The zone's enterprise directory (zone staff): search by name/USCC, filter by industry, verified qualification, status",
      request: { query: DirectoryQuery },
      responses: {
        200: json(DirectoryPage, "One page of enterprises"),
        422: json(ErrorEnvelope, "A filter is invalid"),
        ...denied,
      },
    }),
    async (c) => {
      const result = await listEnterprises({ db: zoneOf(c).db }, c.req.valid("query"));
      return c.json(
        { ...result, enterprises: result.enterprises.map(({ createdAt: _c, updatedAt: _u, ...e }) => e) },
        200,
      );
    },
  );

  r.route("/", memberPages(deps));
  r.route("/", staffPages(deps));
  return r;
}
