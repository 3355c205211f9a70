/** The settings a zone administers: the schema, the deep merge, and applying them to the code's zone. */
import { describe, expect, it } from "vitest";
import dongying from "./dongying/zone";
import zibo from "./zibo/zone";
import {
  applySettings,
  changedKeys,
  logoSrc,
  mergeSettings,
  settingsIssues,
  settingsOf,
  zoneLogo,
  zoneSettingsPatchSchema,
  zoneSettingsSchema,
} from "./settings";

describe("zone settings", () => {
  it("every demo zone's code settings pass the settings schema and apply back to the same zone", () => {
    for (const zone of [zibo, dongying]) {
      const settings = zoneSettingsSchema.parse(settingsOf(zone));
      expect(applySettings(zone, settings)).toEqual(zone);
    }
  });

  it("a patch merges objects key by key and replaces lists", () => {
    const base = settingsOf(dongying);
    const merged = mergeSettings(base, {
      contact: { phone: "0546-1234567" },
      priorityIndustries: [{ code: "biomedicine", zh: "生物医药", en: "Biomedicine" }],
    });
    expect(merged.contact).toEqual({ ...base.contact, phone: "0546-1234567" });
    expect(merged.priorityIndustries).toHaveLength(1);
    expect(merged.subsidy).toEqual(base.subsidy);
    expect(changedKeys(base, merged)).toEqual(["contact", "priorityIndustries"]);
    expect(base.contact.phone).toBe("0546-8317796");
  });

  it("a bad phone is named by its path, in words a clerk understands", () => {
    const bad = zoneSettingsSchema.safeParse(mergeSettings(settingsOf(dongying), { contact: { phone: "12345" } }));
    expect(bad.success).toBe(false);
    const fields = settingsIssues(bad.error!);
    expect(Object.keys(fields)).toEqual(["contact.phone"]);
    expect(fields["contact.phone"]).toContain("区号");
    const patch = zoneSettingsPatchSchema.safeParse({ contact: { phone: "12345" } });
    expect(settingsIssues(patch.error!)).toEqual(fields);
  });

  it("stages keep their rules: one 公示, 拨付 last, roles for those who act", () => {
    const base = settingsOf(zibo);
    const noPayment = base.subsidy.stages.filter((s) => s.kind !== "payment");
    const r = zoneSettingsSchema.safeParse(mergeSettings(base, { subsidy: { stages: noPayment } }));
    expect(settingsIssues(r.error!)["subsidy.stages"]).toContain("拨付");
    const noRoles = base.subsidy.stages.map((s) => (s.key === "first-review" ? { ...s, roles: [] } : s));
    const r2 = zoneSettingsSchema.safeParse(mergeSettings(base, { subsidy: { stages: noRoles } }));
    expect(Object.keys(settingsIssues(r2.error!))).toEqual(["subsidy.stages.0.roles"]);
  });

  it("unknown keys, slug and security are refused: they are not the zone's to change", () => {
    expect(zoneSettingsPatchSchema.safeParse({ slug: "other" }).success).toBe(false);
    expect(zoneSettingsPatchSchema.safeParse({ security: { dengbao: false } }).success).toBe(false);
    expect(zoneSettingsPatchSchema.safeParse({ contact: { phoneFromSource: true } }).success).toBe(false);
  });

  it("a zone's own phone is no longer the source's", () => {
    const own = applySettings(dongying, mergeSettings(settingsOf(dongying), { contact: { phone: "0546-1234567" } }));
    expect(own.contact).toMatchObject({ phone: "0546-1234567", phoneFromSource: false });
    expect(own.slug).toBe("dongying");
    expect(own.documents).toBe(dongying.documents);
  });

  it("text and lists are bounded", () => {
    const long = "长".repeat(201);
    expect(zoneSettingsPatchSchema.safeParse({ contact: { office: long } }).success).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => ({ code: `ind-${i}`, zh: "产业", en: "Industry" }));
    expect(zoneSettingsPatchSchema.safeParse({ priorityIndustries: many }).success).toBe(false);
  });

  it("a version stored before logos existed reads as no logo; a patch of colours leaves the logo alone", () => {
    const old = settingsOf(dongying) as { branding: Record<string, unknown> };
    delete old.branding.logo;
    expect(zoneSettingsSchema.parse(old).branding.logo).toBeNull();
    const key = "dongying/branding/logo-0123456789abcdef";
    const withLogo = mergeSettings(settingsOf(dongying), { branding: { logo: key } });
    const patch = zoneSettingsPatchSchema.parse({ branding: { primary: "#123456" } });
    expect(patch.branding).toEqual({ primary: "#123456" });
    expect(mergeSettings(withLogo, patch).branding).toEqual({ ...withLogo.branding, primary: "#123456" });
  });

  it("a logo is a key in the zone's branding folder, carried onto the zone and back", () => {
    const key = "dongying/branding/logo-0123456789abcdef";
    const zone = applySettings(
      dongying,
      zoneSettingsSchema.parse(mergeSettings(settingsOf(dongying), { branding: { logo: key } })),
    );
    expect(zoneLogo(zone)).toBe(key);
    expect(zoneLogo(dongying)).toBeNull();
    expect(settingsOf(zone).branding.logo).toBe(key);
    expect(logoSrc(key)).toBe("/branding/logo?v=0123456789abcdef");
    for (const bad of [
      "../x/branding/logo-0123456789abcdef",
      "dongying/materials/abc",
      "https://evil.example/logo.png",
    ])
      expect(zoneSettingsPatchSchema.safeParse({ branding: { logo: bad } }).success).toBe(false);
    expect(zoneSettingsPatchSchema.safeParse({ branding: { logo: null } }).success).toBe(true);
  });
  it("loan escalation: 0–30 working days, 0 (told with the bank) for versions saved before it existed", () => {
    const old = settingsOf(zibo) as { finance: Record<string, unknown> };
    delete old.finance.escalation;
    expect(zoneSettingsSchema.parse(old).finance.escalation).toEqual({ afterWorkingDays: 0 });
    const two = mergeSettings(
      settingsOf(zibo),
      zoneSettingsPatchSchema.parse({ finance: { escalation: { afterWorkingDays: 2 } } }),
    );
    expect(applySettings(zibo, zoneSettingsSchema.parse(two)).finance.escalation.afterWorkingDays).toBe(2);
    // A patch of the response times leaves the escalation as it was, and the reverse.
    const times = zoneSettingsPatchSchema.parse({ finance: { acceptWorkingDays: 5 } });
    expect(times.finance).toEqual({ acceptWorkingDays: 5 });
    expect(mergeSettings(two, times).finance).toEqual({ ...two.finance, acceptWorkingDays: 5 });
    for (const bad of [31, -1, 1.5, "2"]) {
      const r = zoneSettingsPatchSchema.safeParse({ finance: { escalation: { afterWorkingDays: bad } } });
      expect(Object.keys(settingsIssues(r.error!)), String(bad)).toEqual(["finance.escalation.afterWorkingDays"]);
    }
    const r = zoneSettingsSchema.safeParse(mergeSettings(two, { finance: { escalation: { afterWorkingDays: 31 } } }));
    expect(settingsIssues(r.error!)).toEqual({
      "finance.escalation.afterWorkingDays": "上报园区管理员的天数最多 30 个工作日",
    });
    // settingsOf copies: changing the settings never changes the code's zone.
    settingsOf(zibo).finance.escalation.afterWorkingDays = 9;
    expect(zibo.finance.escalation.afterWorkingDays).toBe(0);
  });
});
