/** The zone's public profile as JSON: names, branding, contact line, priority industries. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ZoneConfig } from "../../../tenants/schema";
import type { AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { requireZone, zoneOf } from "../../middleware/zone";

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const ZoneProfile = z
  .object({
    slug: z.string().openapi({ example: "zibo" }),
    name: Bilingual,
    shortName: Bilingual,
    region: z.object({ province: z.string(), city: z.string() }),
    branding: z.object({ primary: z.string(), accent: z.string() }),
    contact: z.object({ passwordHelp: z.string(), phone: z.string(), office: z.string() }),
    priorityIndustries: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  })
  .openapi("Zone");

type ZoneProfileBody = z.infer<typeof ZoneProfile>;

// Zone configuration is immutable for a deployment, so each zone's public profile is built once.
const profiles = new WeakMap<ZoneConfig, ZoneProfileBody>();

function profileOf(zone: ZoneConfig): ZoneProfileBody {
  let profile = profiles.get(zone);
  if (!profile) {
    const { slug, name, shortName, region, branding, contact, priorityIndustries } = zone;
    profile = { slug, name, shortName, region, branding, contact: { passwordHelp: contact.passwordHelp, phone: contact.phone, office: contact.office }, priorityIndustries };
    profiles.set(zone, profile);
  }
  return profile;
}

export const zoneRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
zoneRoutes.use("/api/v1/zone", requireZone);

zoneRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/v1/zone",
    tags: ["zone"],
    summary: "The zone this subdomain serves",
    responses: { 200: { description: "Public profile of the zone", content: { "application/json": { schema: ZoneProfile } } } },
  }),
  (c) => c.json(profileOf(zoneOf(c).zone), 200),
);
