/** GET/POST /api/v1/platform/tenants and GET /api/v1/platform/tenants/{slug}. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { zoneOrigin, type AppDeps, type AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { createZone } from "../create-zone";
import { findZone } from "../find-zone";
import { platformCtx } from "../platform-ctx";
import { readZoneStats } from "../read-zone-stats";
import { CreateTenantBody, ProvisionOutcome, SlugParam, TenantDetail, tenantJson, TenantList } from "../schemas";

const unauthenticated = err("No operator session");

export function tenantEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const origin = (slug: string) => zoneOrigin(deps.config, slug);

  r.openapi(
    createRoute({
      method: "get",
      path: "/tenants",
      operationId: "listTenants",
      tags: ["platform"],
      summary: "Every zone in the control plane (operator only)",
      responses: { 200: json(TenantList, "Zones in slug order"), 401: unauthenticated },
    }),
    async (c) => {
      const tenants = await deps.directory.list();
      return c.json({ tenants: tenants.map((t) => tenantJson(t, origin(t.slug))) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/tenants",
      operationId: "createTenant",
      tags: ["platform"],
      summary: "Create a zone, or continue one left provisioning (operator only)",
      request: body(CreateTenantBody),
      responses: {
        201: json(ProvisionOutcome, "The zone serves on its subdomain"),
        401: unauthenticated,
        409: err("The slug belongs to another zone"),
        422: err("Invalid input"),
        503: err("A step failed; the zone stays provisioning and the same request continues it"),
      },
    }),
    async (c) => {
      const result = await createZone({ ctx: await platformCtx(c, deps), input: c.req.valid("json") });
      return c.json({ ...result, tenant: tenantJson(result.tenant, origin(result.tenant.slug)) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/tenants/{slug}",
      operationId: "getTenant",
      tags: ["platform"],
      summary: "One zone, with figures from its own database (operator only)",
      request: { params: SlugParam },
      responses: { 200: json(TenantDetail, "The zone"), 401: unauthenticated, 404: err("No such zone") },
    }),
    async (c) => {
      const tenant = await findZone({ deps, slug: c.req.valid("param").slug });
      const stats = await readZoneStats({ deps, tenant });
      return c.json({ ...tenantJson(tenant, origin(tenant.slug)), stats }, 200);
    },
  );
}
