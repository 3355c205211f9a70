/** The zone's public profile as JSON (mounted at /api/v1/zone): names, branding, contact line, priority industries. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import type { ZoneConfig } from "../../../tenants/schema";
import type { AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { err, json } from "../../lib/openapi";
import { requireZone, zoneOf } from "../../middleware/zone";

const Bilingual = z.object({ zh: z.string(), en: z.string() });

const ZoneProfile = z
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
  let body = profiles.get(zone);
  if (body === undefined) {
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
    body = JSON.stringify(profile);
    profiles.set(zone, body);
  }
  return body;
}

export function zoneApi() {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getZone",
      security: [],
      tags: ["zone"],
      summary: "The zone this subdomain serves",
      responses: {
        200: json(ZoneProfile, "Public profile of the zone"),
        404: err("No zone at this address (an unknown host, or the platform's bare domain)"),
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
  return r;
}
