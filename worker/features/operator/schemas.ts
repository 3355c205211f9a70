/** API shapes of the platform API (/api/v1/platform) and the operators' sign-in. */
import { z } from "@hono/zod-openapi";
import type { TenantRecord } from "../../control-plane/directory";
import { provisionInputSchema } from "../../control-plane/provision/provision-input";
import { TENANT_STATUSES } from "../../db/platform-schema";
import { textField } from "../../lib/text";
import { Email } from "../auth/schemas";

export const CreateTenantBody = provisionInputSchema.openapi("CreateTenant");

export const SlugParam = z.object({
  slug: z
    .string()
    .max(32, "园区标识最多 32 个字符")
    .regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, "园区标识格式不对")
    .openapi({ param: { name: "slug", in: "path" }, example: "gaoxin" }),
});

export const HostnameParam = SlugParam.extend({
  hostname: z
    .string()
    .max(253, "域名太长")
    .openapi({ param: { name: "hostname", in: "path" }, example: "yuanqu.example.gov.cn" }),
});

export const HostnameBody = z
  .object({
    hostname: z
      .string({ error: "请填写域名" })
      .min(1, "请填写域名")
      .max(253, "域名最多 253 个字符")
      .openapi({ description: "The zone's own domain; IDNA names are stored as punycode" }),
  })
  .openapi("TenantHostname");

export const AdminLinkBody = z
  .object({
    email: Email,
    name: textField({ label: "管理员姓名", max: 50, min: 1 }),
  })
  .openapi("TenantAdminRequest");

export const AdminLink = z
  .object({
    link: z.string().openapi({ description: "One-time set-password link on the zone's origin; shown once" }),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC; the link works once, until then" }),
  })
  .openapi("TenantAdminLink");

const Stats = z
  .object({
    schemaVersion: z.string().nullable().openapi({ description: "The last migration applied to the zone's database" }),
    users: z.number().int(),
    enterprises: z.number().int(),
    lastActivityAt: z.string().nullable().openapi({ description: "ISO 8601 UTC: the zone's newest audit record" }),
  })
  .openapi("TenantStats");

export const Tenant = z
  .object({
    slug: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    region: z.object({ province: z.string(), city: z.string() }),
    phone: z.string(),
    template: z.string(),
    status: z.enum(TENANT_STATUSES),
    origin: z.string().openapi({ description: "The zone's primary origin (its subdomain)" }),
    hostnames: z.array(z.string()),
    provisionStep: z.string().nullable(),
    provisionError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Tenant");

export const TenantDetail = Tenant.extend({
  stats: Stats.nullable().openapi({
    description: "null while provisioning or when the zone's database does not answer",
  }),
}).openapi("TenantDetail");

export const TenantList = z.object({ tenants: z.array(Tenant) }).openapi("TenantList");

export const ProvisionOutcome = z
  .object({
    tenant: Tenant,
    resumed: z.boolean(),
    steps: z.array(z.object({ name: z.string(), ok: z.boolean(), error: z.string().optional() })),
  })
  .openapi("TenantCreated");

/** A zone's row as the API shows it. */
export function tenantJson(t: TenantRecord, origin: string): z.infer<typeof Tenant> {
  return {
    slug: t.slug,
    name: t.name,
    region: t.region,
    phone: t.phone,
    template: t.template,
    status: t.status,
    origin,
    hostnames: [...t.hostnames],
    provisionStep: t.provisionStep,
    provisionError: t.provisionError,
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
  };
}
