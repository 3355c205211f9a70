/** The zone's public profile as JSON: names, branding, contact line, priority industries. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
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
  (c) => {
    const { zone } = zoneOf(c);
    const { slug, name, shortName, region, branding, contact, priorityIndustries } = zone;
    return c.json(
      { slug, name, shortName, region, branding, contact: { passwordHelp: contact.passwordHelp, phone: contact.phone, office: contact.office }, priorityIndustries },
      200,
    );
  },
);
