/** Suspend, resume, custom hostnames and the first admin's link, under /api/v1/platform/tenants/{slug}. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { zoneOrigin, type AppDeps, type AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { addZoneHostname } from "../add-zone-hostname";
import { issueZoneAdminLink } from "../issue-zone-admin-link";
import { platformCtx } from "../platform-ctx";
import { removeZoneHostname } from "../remove-zone-hostname";
import { AdminLink, AdminLinkBody, HostnameBody, HostnameParam, SlugParam, Tenant, tenantJson } from "../schemas";
import { setZoneStatus } from "../set-zone-status";

const unauthenticated = err("No operator session");

export function tenantActionEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const origin = (slug: string) => zoneOrigin(deps.config, slug);

  for (const [action, status, operationId] of [
    ["suspend", "suspended", "suspendTenant"],
    ["resume", "active", "resumeTenant"],
  ] as const) {
    r.openapi(
      createRoute({
        method: "post",
        path: `/tenants/{slug}/${action}`,
        operationId,
        tags: ["platform"],
        summary:
          action === "suspend"
            ? "Suspend a zone: its pages and API answer 503 and nobody signs in (operator only)"
            : "Resume a suspended zone (operator only)",
        request: { params: SlugParam },
        responses: {
          200: json(Tenant, "The zone after the change (unchanged if it already was so)"),
          401: unauthenticated,
          404: err("No such zone"),
          409: err("The zone is still provisioning"),
        },
      }),
      async (c) => {
        const ctx = await platformCtx(c, deps);
        const tenant = await setZoneStatus({ ctx, slug: c.req.valid("param").slug, status });
        return c.json(tenantJson(tenant, origin(tenant.slug)), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: "post",
      path: "/tenants/{slug}/hostnames",
      operationId: "addTenantHostname",
      tags: ["platform"],
      summary: "Add a custom hostname to a zone (operator only)",
      request: { params: SlugParam, ...body(HostnameBody) },
      responses: {
        201: json(Tenant, "Added; the zone answers on it"),
        200: json(Tenant, "The zone already had it"),
        400: err("An IP address, a reserved name or one of the platform's own names"),
        401: unauthenticated,
        404: err("No such zone"),
        409: err("Another zone has this hostname"),
      },
    }),
    async (c) => {
      const ctx = await platformCtx(c, deps);
      const { tenant, added } = await addZoneHostname({
        ctx,
        slug: c.req.valid("param").slug,
        hostname: c.req.valid("json").hostname,
      });
      return c.json(tenantJson(tenant, origin(tenant.slug)), added ? 201 : 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/tenants/{slug}/hostnames/{hostname}",
      operationId: "removeTenantHostname",
      tags: ["platform"],
      summary: "Remove a zone's custom hostname (operator only)",
      request: { params: HostnameParam },
      responses: {
        200: json(Tenant, "Removed; the host answers 404"),
        401: unauthenticated,
        404: err("No such zone, or the zone does not have this hostname"),
      },
    }),
    async (c) => {
      const ctx = await platformCtx(c, deps);
      const { slug, hostname } = c.req.valid("param");
      const tenant = await removeZoneHostname({ ctx, slug, hostname });
      return c.json(tenantJson(tenant, origin(tenant.slug)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/tenants/{slug}/admins",
      operationId: "issueTenantAdminLink",
      tags: ["platform"],
      summary: "Create (or reuse) a zone admin and issue a one-time set-password link (operator only)",
      request: { params: SlugParam, ...body(AdminLinkBody) },
      responses: {
        201: json(AdminLink, "The link, shown once"),
        401: unauthenticated,
        404: err("No such zone"),
        409: err("The e-mail belongs to another role, the account is disabled, or the zone is provisioning"),
        422: err("Invalid input"),
      },
    }),
    async (c) => {
      const ctx = await platformCtx(c, deps);
      const { email, name } = c.req.valid("json");
      const issued = await issueZoneAdminLink({ ctx, slug: c.req.valid("param").slug, email, name });
      return c.json({ link: issued.link, expiresAt: issued.expiresAt.toISOString() }, 201);
    },
  );
}
