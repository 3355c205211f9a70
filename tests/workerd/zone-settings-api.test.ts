/**
 * 园区设置 over the API: zone admins read and change their zone's settings (a PUT merges
 * a subset deeply), every change is a version that can be restored, a bad value is a 422
 * naming the field with nothing changed, and only zone admins get in. A change shows at
 * once on the zone's own pages and never on another zone's. Mutations run on dongying;
 * the file ends by restoring the settings it found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { auditLog, zoneSettingsVersions } from "../../worker/db/schema";
import { call, dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";
import type { Json } from "./subsidies-support";

const slug = "dongying";
const host = `${slug}.localhost`;
const SETTINGS = "/api/v1/admin/zone/settings";

async function as(role: "zone_admin" | "reviewer" | "bank" | "enterprise", zone = slug) {
  const u = await makeUser(zone, role);
  return sessionCookie(await login(zone, u.email, u.password));
}

function req(method: string, path: string, cookie: string | undefined, data?: unknown, on = host) {
  return call(on, method, path, {
    cookie,
    ip: freshIp(),
    origin: `http://${on}:8787`,
    body: data === undefined ? undefined : JSON.stringify(data),
  });
}

async function latestVersion(): Promise<number> {
  const [row] = await dbFor(slug)
    .select({ v: zoneSettingsVersions.version })
    .from(zoneSettingsVersions)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(1);
  return row?.v ?? 0;
}

let admin = "";
let startVersion = 0;

beforeAll(async () => {
  admin = await as("zone_admin");
  startVersion = await latestVersion();
});

afterAll(async () => {
  // Leave the zone as this file found it (a restore of what was in force, or of the code's defaults).
  const res = await req("POST", `${SETTINGS}/versions/${startVersion}/restore`, admin);
  expect(res.status).toBe(200);
});

describe("zone settings API", () => {
  it("GET answers the settings object itself, with its version as the ETag", async () => {
    const res = await req("GET", SETTINGS, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^"\d+"$/);
    const body = (await res.json()) as Json;
    expect(Object.keys(body).sort()).toEqual(
      [
        "branding",
        "contact",
        "finance",
        "name",
        "priorityIndustries",
        "qualifications",
        "region",
        "shortName",
        "subsidy",
      ].sort(),
    );
    expect(body.contact).toHaveProperty("office");
    expect(body.subsidy.stages.length).toBeGreaterThanOrEqual(2);
  });

  it("a PUT of a subset changes that field only, writes a version and an audit row", async () => {
    const before = (await (await req("GET", SETTINGS, admin)).json()) as Json;
    const res = await req("PUT", SETTINGS, admin, { contact: { phone: "0546-7654321" } });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Json;
    expect(after.contact).toEqual({ ...before.contact, phone: "0546-7654321" });
    expect(after.subsidy).toEqual(before.subsidy);
    const version = await latestVersion();
    expect(res.headers.get("etag")).toBe(`"${version}"`);
    const [audit] = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "zone.settings.update"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(JSON.parse(audit!.detail!)).toMatchObject({ keys: "contact" });

    // The same value again changes nothing and writes no version.
    const again = await req("PUT", SETTINGS, admin, { contact: { phone: "0546-7654321" } });
    expect(again.status).toBe(200);
    expect(await latestVersion()).toBe(version);
  });

  it("the change shows at once on the zone's home and sign-in pages, and not on another zone", async () => {
    await req("PUT", SETTINGS, admin, { contact: { phone: "0546-1112223" } });
    expect(await (await call(host, "GET", "/")).text()).toContain("0546-1112223");
    expect(await (await call(host, "GET", "/login")).text()).toContain("0546-1112223");
    expect(await (await call(host, "GET", "/forgot-password")).text()).toContain("0546-1112223");
    expect(await (await call("zibo.localhost", "GET", "/")).text()).not.toContain("0546-1112223");
    const zoneApi = (await (await call(host, "GET", "/api/v1/zone")).json()) as Json;
    expect(JSON.stringify(zoneApi)).toContain("0546-1112223");
  });

  it("a bad phone is a 422 naming contact.phone, and nothing changes", async () => {
    const version = await latestVersion();
    const res = await req("PUT", SETTINGS, admin, { contact: { phone: "12345", office: "园区办" } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as Json;
    expect(Object.keys(body.error.fields)).toEqual(["contact.phone"]);
    expect(body.error.fields["contact.phone"]).toContain("区号");
    expect(await latestVersion()).toBe(version);
    const now = (await (await req("GET", SETTINGS, admin)).json()) as Json;
    expect(now.contact.office).not.toBe("园区办");
  });

  it("a rule across fields is checked on the merged settings (公示 removed → 422, nothing changes)", async () => {
    const current = (await (await req("GET", SETTINGS, admin)).json()) as Json;
    const stages = current.subsidy.stages.filter((s: Json) => s.kind !== "publicity");
    const version = await latestVersion();
    const res = await req("PUT", SETTINGS, admin, { subsidy: { stages } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Json).error.fields["subsidy.stages"]).toContain("公示");
    expect(await latestVersion()).toBe(version);
  });

  it("only zone admins get in: anonymous 401, reviewer, bank and enterprise 403, even with a bad body", async () => {
    const bad = { contact: { phone: "x" }, nonsense: 1 };
    expect((await req("PUT", SETTINGS, undefined, bad)).status).toBe(401);
    expect((await req("GET", SETTINGS, undefined)).status).toBe(401);
    for (const role of ["reviewer", "bank", "enterprise"] as const) {
      const cookie = await as(role);
      expect((await req("PUT", SETTINGS, cookie, bad)).status).toBe(403);
      expect((await req("GET", SETTINGS, cookie)).status).toBe(403);
      expect((await req("POST", `${SETTINGS}/versions/1/restore`, cookie)).status).toBe(403);
    }
    // Another zone's admin is another zone's: its session does not exist here.
    const zibo = await as("zone_admin", "zibo");
    expect((await req("GET", SETTINGS, zibo)).status).toBe(401);
  });

  it("lists versions newest first with what changed, and restores one as a new version", async () => {
    await req("PUT", SETTINGS, admin, { contact: { phone: "0546-2223334" } });
    const kept = await latestVersion();
    await req("PUT", SETTINGS, admin, { shortName: { zh: "东营高新区(测试)" }, contact: { phone: "0546-3334445" } });
    const list = (await (await req("GET", `${SETTINGS}/versions`, admin)).json()) as Json;
    expect(list.versions[0].version).toBe(kept + 1);
    expect(list.versions[0].changed).toEqual(["shortName", "contact"]);
    expect(list.versions[0].changedBy).toMatch(/@dongying\.test$/);
    expect(list.versions[1].version).toBe(kept);
    // The zone's first change (this file's first PUT, the phone) is compared with the code's
    // defaults, not with nothing: it changed the contact only.
    expect(list.versions.at(-1).changed).toEqual(["contact"]);

    const restored = await req("POST", `${SETTINGS}/versions/${kept}/restore`, admin);
    expect(restored.status).toBe(200);
    const body = (await restored.json()) as Json;
    expect(body.contact.phone).toBe("0546-2223334");
    expect(body.shortName.zh).toBe("东营高新区");
    const [row] = await dbFor(slug)
      .select()
      .from(zoneSettingsVersions)
      .orderBy(desc(zoneSettingsVersions.version))
      .limit(1);
    expect(row).toMatchObject({ version: kept + 2, restoredFrom: kept });
    expect(await (await call(host, "GET", "/")).text()).toContain("0546-2223334");

    expect((await req("POST", `${SETTINGS}/versions/999999/restore`, admin)).status).toBe(404);
  });
});
