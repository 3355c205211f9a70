/**
 * 园区设置 pages against the real Worker: who may open them, saving one section (the zone
 * home shows it at once on this isolate), a refusal re-rendered with what was typed, a save
 * from a page someone else saved since (409, the current values, nothing written), the logo
 * (upload, refusals, remove) and 修改记录 with 恢复. Mutations happen on changzhi; the contact
 * section is put back at the end.
 */
import { exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { zoneSettingsVersions } from "../../worker/db/schema";
import { zones } from "../../tenants/index";
import { call, dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";

// Not dongying: the API suite (zone-settings-api.test.ts) changes dongying's settings in parallel, and
// each suite checks what it changed. No other suite depends on changzhi's contact or stages.
const slug = "changzhi";
const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;

const get = (path: string, cookie?: string) =>
  call(host, "GET", path, { ...(cookie ? { cookie } : {}), ip: freshIp() });
const form = (path: string, fields: Record<string, string> | URLSearchParams, cookie?: string) =>
  call(host, "POST", path, {
    ...(cookie ? { cookie } : {}),
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
    ip: freshIp(),
  });

/** The logo form as a browser sends it: multipart, one file, the page's version. */
function uploadLogo(file: File, version: string, cookie: string) {
  const body = new FormData();
  body.append("version", version);
  body.append("logo", file);
  const headers = new Headers({ cookie, origin: ORIGIN, "cf-connecting-ip": freshIp() });
  return exports.default.fetch(`http://${host}/admin/settings/logo`, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
  });
}

/** A real 1×1 PNG. */
const PNG_1X1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

async function cookieOf(role: "zone_admin" | "reviewer") {
  const u = await makeUser(slug, role);
  return sessionCookie(await login(slug, u.email, u.password));
}

/**
 * The versions a user wrote, newest first. Read by user, not overall: the API suite changes
 * this zone's settings too, and files run in parallel.
 */
const versionsBy = async (userId: string) =>
  (
    await dbFor(slug)
      .select({ version: zoneSettingsVersions.version })
      .from(zoneSettingsVersions)
      .where(eq(zoneSettingsVersions.changedByUserId, userId))
      .orderBy(desc(zoneSettingsVersions.version))
  ).map((r) => r.version);

/** The contact section as the page shows it, read back from the form's inputs. */
async function contactForm(cookie: string) {
  const html = await (await get("/admin/settings", cookie)).text();
  const value = (name: string) => new RegExp(`name="${name.replace(".", "\\.")}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  return {
    "contact.phone": value("contact.phone")!,
    "contact.office": value("contact.office")!,
    "contact.passwordHelp": value("contact.passwordHelp")!,
  };
}

/** Each form's fields as a browser would submit them (checked boxes, selected options, textareas), by action. */
async function formsOf(html: string): Promise<Map<string, URLSearchParams>> {
  const forms = new Map<string, URLSearchParams>();
  let current: URLSearchParams | null = null;
  let select: string | null = null;
  let textarea: { name: string; text: string } | null = null;
  const res = new HTMLRewriter()
    .on("form", {
      element(el) {
        current = new URLSearchParams();
        forms.set(el.getAttribute("action") ?? "", current);
      },
    })
    .on("input", {
      element(el) {
        const name = el.getAttribute("name");
        const type = el.getAttribute("type");
        if (!current || !name || (type === "checkbox" && !el.hasAttribute("checked"))) return;
        current.append(name, el.getAttribute("value") ?? "");
      },
    })
    .on("select", {
      element(el) {
        select = el.getAttribute("name");
      },
    })
    .on("option", {
      element(el) {
        if (current && select && el.hasAttribute("selected")) current.append(select, el.getAttribute("value") ?? "");
      },
    })
    .on("textarea", {
      element(el) {
        const t = { name: el.getAttribute("name") ?? "", text: "" };
        textarea = t;
        el.onEndTag(() => {
          current?.append(t.name, t.text.replaceAll("&#10;", "\n").replaceAll("&amp;", "&"));
        });
      },
      text(chunk) {
        if (textarea) textarea.text += chunk.text;
      },
    })
    .transform(new Response(html));
  await res.text();
  return forms;
}

describe("园区设置 pages", () => {
  let admin: string;
  let adminId: string;
  let original: Record<string, string>;

  beforeAll(async () => {
    const u = await makeUser(slug, "zone_admin");
    adminId = u.id;
    admin = sessionCookie(await login(slug, u.email, u.password));
    original = await contactForm(admin);
    expect(original["contact.phone"]).toMatch(/^0\d{2,3}-\d{7,8}$/);
  });

  afterAll(async () => {
    const res = await form("/admin/settings/contact", original, admin);
    expect(res.status).toBe(303);
  });

  it("opens for the zone admin with every section, and is in the admin's navigation", async () => {
    const res = await get("/admin/settings", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const html = await res.text();
    for (const h of [
      "基本信息",
      "联系方式",
      "品牌颜色",
      "重点产业",
      "资质类型",
      "审核环节",
      "公示与节假日",
      "金融超市时限",
    ])
      expect(html).toContain(h);
    for (const action of [
      "basic",
      "contact",
      "branding",
      "industries",
      "qualifications",
      "stages",
      "calendar",
      "finance",
    ])
      expect(html).toContain(`action="/admin/settings/${action}"`);
    expect(html).toContain('href="/admin/settings">园区设置</a>');
    expect((await get("/admin/settings/history", admin)).status).toBe(200);
  });

  it("every section's form, submitted as shown, saves without a refusal and without a new version", async () => {
    const before = await versionsBy(adminId);
    const forms = await formsOf(await (await get("/admin/settings", admin)).text());
    // The logo's forms post a file, not a section: tested on their own below.
    const sections = [...forms.keys()].filter(
      (a) => a.startsWith("/admin/settings/") && !a.startsWith("/admin/settings/logo"),
    );
    expect(sections).toHaveLength(8);
    for (const action of sections) {
      const res = await form(action, forms.get(action)!, admin);
      expect(res.status, `${action}: ${res.status === 303 ? "" : await res.text()}`).toBe(303);
    }
    expect(await versionsBy(adminId)).toEqual(before);
  });

  it("adds a stage in an empty row and orders stages by 顺序 without JS, then puts them back", async () => {
    const shown = (await formsOf(await (await get("/admin/settings", admin)).text())).get("/admin/settings/stages")!;
    const names = () => [...shown.entries()].filter(([k]) => /^subsidy\.stages\.\d+\.zh$/.test(k)).map(([, v]) => v);
    const filled = names().filter(Boolean).length;
    expect(filled).toBeGreaterThanOrEqual(4);
    const changed = new URLSearchParams(shown);
    const n = filled; // the first empty row
    changed.set(`subsidy.stages.${n}.zh`, "三审");
    changed.set(`subsidy.stages.${n}.kind`, "review");
    changed.append(`subsidy.stages.${n}.roles`, "zone_admin");
    changed.set(`subsidy.stages.${n}.dueWorkingDays`, "5");
    changed.set(`subsidy.stages.${n}.order`, "1");
    changed.set("subsidy.stages.0.order", "0");
    expect((await form("/admin/settings/stages", changed, admin)).status).toBe(303);
    const after = (await formsOf(await (await get("/admin/settings", admin)).text())).get("/admin/settings/stages")!;
    const first = names()[0]!;
    expect(after.get("subsidy.stages.0.zh")).toBe(first);
    expect(after.get("subsidy.stages.1.zh")).toBe("三审");
    expect(after.get("subsidy.stages.1.key")).toMatch(/^stage-[0-9a-f]{8}$/);
    expect(after.getAll("subsidy.stages.1.roles")).toEqual(["zone_admin"]);
    // Back as it was: the original rows, the new one emptied (dropped), from the page as it is now.
    const back0 = new URLSearchParams(shown);
    back0.set("version", after.get("version")!);
    expect((await form("/admin/settings/stages", back0, admin)).status).toBe(303);
    const back = (await formsOf(await (await get("/admin/settings", admin)).text())).get("/admin/settings/stages")!;
    expect(back.get("subsidy.stages.1.zh")).toBe(shown.get("subsidy.stages.1.zh"));
    expect(back.get(`subsidy.stages.${filled}.zh`)).toBe("");
  });

  it("refuses a reviewer with the 403 page, and sends an anonymous visitor to sign in", async () => {
    const reviewer = await cookieOf("reviewer");
    for (const path of ["/admin/settings", "/admin/settings/history"]) {
      const res = await get(path, reviewer);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('action="/admin/settings/contact"');
      const anonymous = await get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toBe("/login");
    }
    const post = await form("/admin/settings/contact", { "contact.phone": "0355-1111111" }, reviewer);
    expect(post.status).toBe(403);
    expect(await (await get("/admin/settings", reviewer)).text()).not.toContain('href="/admin/settings">园区设置');
  });

  it("saves the contact section: 303 with the notice, and the zone home shows the new phone", async () => {
    const res = await form("/admin/settings/contact", { ...original, "contact.phone": "0355-7654321" }, admin);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/settings?saved=1#s-contact");
    const page = await (await get("/admin/settings?saved=1", admin)).text();
    expect(page).toContain("已保存,所有页面将在5秒内更新");
    expect(page).toContain('value="0355-7654321"');
    const home = await (await get("/")).text();
    expect(home).toContain("0355-7654321");
    expect(home).not.toContain(original["contact.phone"]);
  });

  it("refuses a bad phone with 422, the message beside the field and the typed value kept", async () => {
    const res = await form("/admin/settings/contact", { ...original, "contact.phone": "8317796x" }, admin);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="8317796x"');
    expect(html).toMatch(/id="f-contact\.phone-error">联系电话应为 区号-号码/);
    expect(html).toContain('href="#f-contact.phone"');
    expect(html).toMatch(/id="f-contact\.phone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-contact\.phone"/);
  });

  it("refuses stages without a 公示 stage, naming the rule, and keeps the rows typed", async () => {
    const body = new URLSearchParams({
      "subsidy.stages.0.zh": "初审",
      "subsidy.stages.0.kind": "review",
      "subsidy.stages.0.roles": "reviewer",
      "subsidy.stages.0.dueWorkingDays": "10",
      "subsidy.stages.0.order": "1",
      "subsidy.stages.1.zh": "",
      "subsidy.stages.2.zh": "拨付",
      "subsidy.stages.2.kind": "payment",
      "subsidy.stages.2.roles": "zone_admin",
      "subsidy.stages.2.dueWorkingDays": "15",
      "subsidy.stages.2.order": "3",
    });
    const res = await form("/admin/settings/stages", body, admin);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("审核流程中应有且只有一个公示环节");
    // The empty row is dropped: 拨付 is now the second row.
    expect(html).toMatch(/name="subsidy\.stages\.1\.zh"[^>]*value="拨付"/);
  });

  it("lists versions newest first and restores one as a new version", async () => {
    expect(
      (await form("/admin/settings/contact", { ...original, "contact.phone": "0355-2222222" }, admin)).status,
    ).toBe(303);
    expect(
      (await form("/admin/settings/contact", { ...original, "contact.phone": "0355-3333333" }, admin)).status,
    ).toBe(303);
    const history = await (await get("/admin/settings/history", admin)).text();
    const listed = [...history.matchAll(/name="version" value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(history).toContain("修改了联系方式");
    expect(history).toContain("恢复此版本");
    const [, previous] = await versionsBy(adminId); // this admin's save before the last: 0355-2222222
    expect(listed).toContain(previous);
    const res = await form("/admin/settings/history", { version: String(previous) }, admin);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/settings/history?restored=${previous}`);
    const after = await (await get(`/admin/settings/history?restored=${previous}`, admin)).text();
    expect(after).toContain(`已恢复第${previous}版的设置`);
    expect(after).toContain(`恢复到第${previous}版`);
    expect(await (await get("/")).text()).toContain("0355-2222222");
    const missing = await form("/admin/settings/history", { version: "999999" }, admin);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("没有第 999999 版园区设置");

    // The settings the zone was opened with are the last row, restorable like any version.
    expect(listed.at(-1)).toBe(0);
    expect(history).toContain("开通时的设置");
    const first = await form("/admin/settings/history", { version: "0" }, admin);
    expect(first.status).toBe(303);
    const restored = await (await get("/admin/settings/history?restored=0", admin)).text();
    expect(restored).toContain("已恢复开通时的设置");
    expect(restored).toContain("恢复到开通时的设置");
    expect(await (await get("/")).text()).toContain(zones.get(slug)!.contact.phone);
  });

  it("forms carry the version in force; saving a page someone saved since is a 409, writing nothing", async () => {
    const page = await formsOf(await (await get("/admin/settings", admin)).text());
    const contact = page.get("/admin/settings/contact")!;
    const loadedAt = contact.get("version")!;
    expect(loadedAt).toMatch(/^\d+$/);
    for (const [action, fields] of page)
      if (action.startsWith("/admin/settings/")) expect(fields.get("version")).toBe(loadedAt);

    // Another admin saves first.
    const other = await makeUser(slug, "zone_admin");
    const otherCookie = sessionCookie(await login(slug, other.email, other.password));
    const theirs = new URLSearchParams(contact);
    theirs.set("contact.phone", "0355-4444444");
    expect((await form("/admin/settings/contact", theirs, otherCookie)).status).toBe(303);
    const mine = await versionsBy(adminId);

    // This admin's page is now stale.
    const stale = new URLSearchParams(contact);
    stale.set("contact.phone", "0355-5555555");
    const res = await form("/admin/settings/contact", stale, admin);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain(other.email);
    expect(html).toContain(`你的修改是在第${loadedAt}版上做的,没有保存`);
    expect(html).toContain("下面显示的是现在的设置");
    expect(html).toMatch(/name="contact\.phone"[^>]*value="0355-4444444"/);
    expect(html).not.toContain("0355-5555555");
    expect(await versionsBy(adminId)).toEqual(mine);
    // The re-rendered page carries the version now in force: saving from it works.
    const fresh = (await formsOf(html)).get("/admin/settings/contact")!;
    expect(Number(fresh.get("version"))).toBeGreaterThan(Number(loadedAt));
    fresh.set("contact.phone", "0355-5555555");
    expect((await form("/admin/settings/contact", fresh, admin)).status).toBe(303);
  });

  it("uploads a logo shown in the header by the zone's name; refuses SVG, non-images, 256 KB+", async () => {
    const version = () =>
      get("/admin/settings", admin)
        .then((r) => r.text())
        .then((h) => /name="version" value="(\d+)"/.exec(h)![1]!);
    const before = await versionsBy(adminId);
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "logo.png", {
      type: "image/png",
    });
    const refusedSvg = await uploadLogo(svg, await version(), admin);
    expect(refusedSvg.status).toBe(422);
    const svgPage = await refusedSvg.text();
    expect(svgPage).toMatch(/id="f-logo-error">徽标不能用 SVG/);
    const text = new File(["just text, named like a picture"], "logo.webp", { type: "image/webp" });
    const refusedText = await uploadLogo(text, await version(), admin);
    expect(refusedText.status).toBe(422);
    expect(await refusedText.text()).toContain("不是 PNG、JPG 或 WebP 图片");
    const big = new Uint8Array(256 * 1024 + 1);
    big.set(PNG_1X1);
    const refusedBig = await uploadLogo(new File([big], "big.png", { type: "image/png" }), await version(), admin);
    expect(refusedBig.status).toBe(413);
    expect(await refusedBig.text()).toContain("256 KB");
    expect(await versionsBy(adminId)).toEqual(before);

    const ok = await uploadLogo(new File([PNG_1X1], "徽标.png", { type: "image/png" }), await version(), admin);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/admin/settings?saved=1#s-logo");
    const [row] = await dbFor(slug)
      .select()
      .from(zoneSettingsVersions)
      .where(eq(zoneSettingsVersions.changedByUserId, adminId))
      .orderBy(desc(zoneSettingsVersions.version))
      .limit(1);
    const key = JSON.parse(row!.data).branding.logo as string;
    expect(key).toMatch(/^changzhi\/branding\/logo-[0-9a-f]{16}$/);
    const src = `/branding/logo?v=${key.split("-").at(-1)}`;
    const settings = await (await get("/admin/settings", admin)).text();
    expect(settings).toContain(`src="${src}"`);
    expect(settings).toContain('action="/admin/settings/logo/remove"');
    const home = await (await get("/")).text();
    const name = /<strong>([^<]+)<\/strong>/.exec(home)![1];
    expect(home).toContain(`<img src="${src}" alt="${name}"`);
    const served = await get(src);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG_1X1);

    const removed = await form("/admin/settings/logo/remove", { version: await version() }, admin);
    expect(removed.status).toBe(303);
    expect(await (await get("/")).text()).not.toContain("/branding/logo");
    expect((await get("/branding/logo")).status).toBe(404);
    expect(await (await get("/admin/settings", admin)).text()).toContain("还没有徽标");
  });
});
