/**
 * 园区设置 pages against the real Worker: who may open them, saving one section (the zone
 * home shows it at once on this isolate), a refusal re-rendered with what was typed, and
 * 修改记录 with 恢复. Mutations happen on changzhi; the contact section is put back at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { zoneSettingsVersions } from "../../worker/db/schema";
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
    const sections = [...forms.keys()].filter((a) => a.startsWith("/admin/settings/"));
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
    // Back as it was: the original rows, the new one emptied (dropped).
    expect((await form("/admin/settings/stages", shown, admin)).status).toBe(303);
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
  });
});
