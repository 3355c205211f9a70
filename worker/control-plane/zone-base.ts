/**
 * The configuration a zone starts from, before its own settings (zone_settings_versions)
 * apply: a demo zone is served from its folder in tenants/ as before; a zone created at
 * run time takes its template's configuration (a demo zone's, or the blank one) with the
 * names, region and phone it was created with.
 */
import { zones as codeZones } from "../../tenants/index";
import { BLANK_TEMPLATE } from "../../tenants/blank-template";
import { defineZone, type ZoneConfig } from "../../tenants/schema";

export interface ZoneIdentity {
  slug: string;
  name: { zh: string; en: string };
  region: { province: string; city: string };
  phone: string;
  template: string;
}

/** "blank" and every zone folder in tenants/. */
export function templateNames(): string[] {
  return ["blank", ...codeZones.all().map((z) => z.slug)];
}

/** "淄博高新技术产业开发区" → "淄博高新区": the short form headers use on small screens. */
export function shortNameOf(name: { zh: string; en: string }): { zh: string; en: string } {
  const zh = name.zh.replace(/高新技术产业开发区$/, "高新区").replace(/经济技术开发区$/, "经开区");
  const en = name.en.replace(/ Hi-tech Industrial Development Zone$/i, " Hi-tech Zone");
  return { zh, en };
}

export function baseZoneOf(identity: ZoneIdentity): ZoneConfig {
  const code = codeZones.get(identity.template);
  if (code && code.slug === identity.slug) return code;
  const from = code ?? BLANK_TEMPLATE;
  const short = shortNameOf(identity.name);
  return defineZone({
    ...from,
    slug: identity.slug,
    name: identity.name,
    shortName: short,
    // Application numbers take the slug's initials (zoneCode) until the zone sets its own letters.
    code: undefined,
    region: identity.region,
    contact: { ...from.contact, phone: identity.phone, office: `${short.zh}管委会`, phoneFromSource: false },
  });
}

/** A demo zone's identity, as `npm start` and the tests register it: its own folder is its template. */
export function codeZoneIdentity(zone: ZoneConfig): ZoneIdentity {
  return { slug: zone.slug, name: zone.name, region: zone.region, phone: zone.contact.phone, template: zone.slug };
}
