/**
 * 园区设置 over the API: zone admins read and change their zone's settings (a PUT merges
 * a subset deeply), every change is a version that can be restored, a bad value is a 422
 * naming the field with nothing changed, and only zone admins get in. A change shows at
 * once on the zone's own pages and never on another zone's. If-Match makes a change made
 * on an older version a 412 naming who saved since; the logo is uploaded as the image
 * itself, checked by its bytes, served publicly and removed. Mutations run on dongying;
 * the file ends by restoring the settings it found.
 */
import { exports } from "cloudflare:workers";
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

/** A request with headers of its own (If-Match) and a body as given (JSON text or an image's bytes). */
function send(method: string, path: string, cookie: string, headers: Record<string, string>, body?: BodyInit) {
  const h = new Headers({ ...headers, cookie, origin: `http://${host}:8787`, "cf-connecting-ip": freshIp() });
  return exports.default.fetch(`http://${host}${path}`, { method, headers: h, body, redirect: "manual" });
}

/** A real 1×1 PNG, and the same signature padded to `size` bytes. */
const PNG_1X1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);
const padded = (size: number) => {
  const b = new Uint8Array(size);
  b.set(PNG_1X1);
  return b;
};

async function latestVersion(): Promise<number> {
  const [row] = await dbFor(slug)
    .select({ v: zoneSettingsVersions.version })
    .from(zoneSettingsVersions)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(1);
  return row?.v ?? 0;
}

let admin = "";
let adminEmail = "";
let startVersion = 0;

beforeAll(async () => {
  const u = await makeUser(slug, "zone_admin");
  adminEmail = u.email;
  admin = sessionCookie(await login(slug, u.email, u.password));
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

  it("If-Match with GET's ETag saves; that ETag again is a 412 naming who saved and when", async () => {
    const etag = (await req("GET", SETTINGS, admin)).headers.get("etag")!;
    const put = (tag: string | null, phone: string) =>
      send(
        "PUT",
        SETTINGS,
        admin,
        {
          "content-type": "application/json",
          ...(tag === null ? {} : { "if-match": tag }),
        },
        JSON.stringify({ contact: { phone } }),
      );
    const first = await put(etag, "0546-5556667");
    expect(first.status).toBe(200);
    const now = first.headers.get("etag")!;
    expect(Number(JSON.parse(now))).toBe(Number(JSON.parse(etag)) + 1);

    const stale = await put(etag, "0546-7778889");
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as Json;
    expect(body.error.code).toBe("precondition_failed");
    expect(body.error.message).toContain(adminEmail);
    expect(body.error.message).toMatch(/于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}\(北京时间\)改为第\d+版/);
    expect(await latestVersion()).toBe(Number(JSON.parse(now)));
    const after = (await (await req("GET", SETTINGS, admin)).json()) as Json;
    expect(after.contact.phone).toBe("0546-5556667");

    // A weak tag and * are understood; something that is no ETag of ours is a 400; none at all: last writer wins.
    expect((await put(`W/${now}`, "0546-5556668")).status).toBe(200);
    expect((await put("*", "0546-5556669")).status).toBe(200);
    expect((await put("12", "0546-5556660")).status).toBe(400);
    expect((await put(null, "0546-5556661")).status).toBe(200);
    expect(((await (await req("GET", SETTINGS, admin)).json()) as Json).contact.phone).toBe("0546-5556661");
  });

  it("uploads a PNG logo as the body: a version names it, the zone serves it, and the header shows it", async () => {
    const res = await send("PUT", `${SETTINGS}/logo`, admin, { "content-type": "image/png" }, PNG_1X1);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.branding.logo).toMatch(/^dongying\/branding\/logo-[0-9a-f]{16}$/);
    expect(res.headers.get("etag")).toBe(`"${await latestVersion()}"`);
    const [row] = await dbFor(slug)
      .select()
      .from(zoneSettingsVersions)
      .orderBy(desc(zoneSettingsVersions.version))
      .limit(1);
    expect(JSON.parse(row!.data).branding.logo).toBe(body.branding.logo);

    const v = body.branding.logo.split("-").at(-1);
    const logo = await call(host, "GET", `/branding/logo?v=${v}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(logo.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(PNG_1X1);
    expect((await call(host, "GET", "/branding/logo")).headers.get("cache-control")).toBe("public, max-age=300");
    const home = await (await call(host, "GET", "/")).text();
    expect(home).toContain(`<img src="/branding/logo?v=${v}" alt="${body.name.zh}"`);
    // Another zone has its own logo or none: never this one.
    expect((await call("zibo.localhost", "GET", "/branding/logo")).status).toBe(404);
    expect(await (await call("zibo.localhost", "GET", "/")).text()).not.toContain("/branding/logo");

    // A PUT may carry the logo back as GET gave it, but never name another key.
    expect((await req("PUT", SETTINGS, admin, { branding: body.branding })).status).toBe(200);
    const other = await req("PUT", SETTINGS, admin, { branding: { logo: "zibo/branding/logo-0123456789abcdef" } });
    expect(other.status).toBe(422);
    expect(((await other.json()) as Json).error.fields).toHaveProperty(["branding.logo"]);
  });

  it("refuses SVG, a file that is no image, and one over 256 KB, changing nothing", async () => {
    const version = await latestVersion();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const asPng = await send("PUT", `${SETTINGS}/logo`, admin, { "content-type": "image/png" }, svg);
    expect(asPng.status).toBe(422);
    expect(((await asPng.json()) as Json).error.fields.logo).toContain("SVG");
    const declared = await send("PUT", `${SETTINGS}/logo`, admin, { "content-type": "image/svg+xml" }, svg);
    expect(declared.status).toBe(415);
    const pdf = new TextEncoder().encode("%PDF-1.7 not a picture");
    expect((await send("PUT", `${SETTINGS}/logo`, admin, { "content-type": "image/jpeg" }, pdf)).status).toBe(422);
    const big = await send("PUT", `${SETTINGS}/logo`, admin, { "content-type": "image/png" }, padded(256 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as Json).error.message).toContain("256 KB");
    expect(await latestVersion()).toBe(version);
    const reviewer = await as("reviewer");
    expect((await send("PUT", `${SETTINGS}/logo`, reviewer, { "content-type": "image/png" }, PNG_1X1)).status).toBe(
      403,
    );
    expect((await send("DELETE", `${SETTINGS}/logo`, reviewer, {})).status).toBe(403);
  });

  it("DELETE removes the logo as a new version: the header shows none and /branding/logo is a 404", async () => {
    const res = await send("DELETE", `${SETTINGS}/logo`, admin, {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).branding.logo).toBeNull();
    expect((await call(host, "GET", "/branding/logo")).status).toBe(404);
    expect(await (await call(host, "GET", "/")).text()).not.toContain("/branding/logo");
    // The version before is restorable, logo and all: the bytes were kept.
    const restored = await req("POST", `${SETTINGS}/versions/${(await latestVersion()) - 1}/restore`, admin);
    expect(((await restored.json()) as Json).branding.logo).toMatch(/^dongying\/branding\/logo-/);
    expect((await call(host, "GET", "/branding/logo")).status).toBe(200);
    expect((await send("DELETE", `${SETTINGS}/logo`, admin, {})).status).toBe(200);
  });
});
