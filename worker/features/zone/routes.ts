/** The zone's public profile as JSON: names, branding, contact line, priority industries. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
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

// Zone configuration is immutable for a deployment, so each zone's public profile is
// built and serialised once (JSON.stringify was the largest cost of this route), keyed
// by the zone's own config object: a zone can only ever be answered with its own profile.
const profiles = new WeakMap<ZoneConfig, string>();

function profileJsonOf(zone: ZoneConfig): string {
  let json = profiles.get(zone);
  if (json === undefined) {
    const { slug, name, shortName, region, branding, contact, priorityIndustries } = zone;
    const profile: ZoneProfileBody = {
      slug,
      name,
      shortName,
      region,
      branding,
      contact: { passwordHelp: contact.passwordHelp, phone: contact.phone, office: contact.office },
      priorityIndustries,
    };
    json = JSON.stringify(profile);
    profiles.set(zone, json);
  }
  return json;
}

export const zoneRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
zoneRoutes.use("/api/v1/zone", requireZone);

zoneRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/v1/zone",
    tags: ["zone"],
    summary: "The zone this subdomain serves",
    responses: {
      200: { description: "Public profile of the zone", content: { "application/json": { schema: ZoneProfile } } },
    },
  }),
  // The response c.json would build (status, Content-Type, bytes) without stringifying per request.
  // The cast only restores the typing c.json gives: the string is a serialised ZoneProfileBody.
  (c) =>
    c.body(profileJsonOf(zoneOf(c).zone), 200, { "Content-Type": "application/json" }) as unknown as TypedResponse<
      ZoneProfileBody,
      200,
      "json"
    >,
);
