/**
 * A new programme from the form reaches the public pages with its cases (issue 17, slice B): the
 * zone admin fills in the "分档" shape, the preview has no case for it yet and proposes a first
 * eligible case and one per tier (with the others: the cap, the days), the admin adds them, the
 * corrected set passes, and publishing it puts the programme on the public 政策 pages and its cases
 * in the stored version. On a zone of this file's own: zibo's versions stay as other suites count them.
 */
import { exports } from "cloudflare:workers";
import { desc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { policyVersions } from "../../worker/db/schema";
import { call, dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { fieldsOf, unescapeHtml } from "./html-form-support";
import { roundTrips } from "./round-trip-support";

const SLUG = "wdnewcases";
const HOST = `${SLUG}.localhost`;
const ORIGIN = `http://${HOST}:8787`;
const NEW = "/admin/policies/new-programme";
const ID = "wd-tiered-award";
const TITLE = "科技企业分档奖励";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answers loosely, by the field they check
type Json = Record<string, any>;

function post(path: string, fields: [string, string][]) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return exports.default.fetch(`http://${HOST}${path}`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN, "cf-connecting-ip": freshIp() },
    body,
    redirect: "manual",
  });
}

/** A hidden field of the form posting to `action`. */
function hidden(html: string, action: string, name: string): string {
  const form = html.slice(html.indexOf(`action="${action}"`));
  return unescapeHtml(new RegExp(`name="${name}" value="([^"]*)"`).exec(form)![1]!);
}

let cookie = "";
let clause = { id: "", excerpt: "" };

beforeAll(async () => {
  await provisionTestZone(SLUG, { zh: "新项目用例测试高新区", en: "New Programme Cases Zone" }, "0535-6666666");
  const admin = await makeUser(SLUG, "zone_admin");
  cookie = sessionCookie(await login(SLUG, admin.email, admin.password));
  const set = (await (await call(HOST, "GET", "/admin/policies/download/1", { cookie })).json()) as Json;
  // The form puts a new programme under the set's first document: cite a sentence of it verbatim.
  const c = set.documents[0].clauses.find((x: Json) => x.text.replace(/\s+/g, "").length >= 12);
  clause = { id: c.id, excerpt: c.text.replace(/\s+/g, "").slice(0, 12) };
});

describe("a new programme from the form, with the cases the engine proposes", () => {
  it("is proposed a first case and one per tier, takes them, passes and is published", async () => {
    const form = await call(HOST, "GET", `${NEW}?shape=tiers`, { cookie });
    expect(form.status).toBe(200);
    const typed: Record<string, string> = {
      id: ID,
      "title.zh": TITLE,
      "title.en": "Tiered award for technology enterprises",
      clause: clause.id,
      excerpt: clause.excerpt,
      "applicants.zh": "园区内注册的科技型企业",
    };
    const fields = fieldsOf(await form.text()).map(([k, v]): [string, string] => [k, typed[k] ?? v]);

    // The set the form makes has no case for the new programme: the preview proposes them.
    const preview = await post(NEW, fields);
    expect(preview.status).toBe(200);
    // A post: the session, the set the form starts from, the version the preview compares with.
    expect(roundTrips(preview).waves).toBeLessThanOrEqual(3);
    const raw = await preview.text();
    const html = unescapeHtml(raw);
    expect(html).toContain(`「${TITLE}」还没有测试用例`);
    expect(html).toContain("建议补充的测试用例");
    expect(html).toContain(`${TITLE}:`);
    expect(html).toContain("符合条件的起始用例:所属档次为一档");
    // One case per tier, each with what the rules give for it.
    for (const [tier, amount] of [
      ["一档", "100万元"],
      ["二档", "50万元"],
      ["三档", "20万元"],
    ])
      expect(html).toMatch(
        new RegExp(`所属档次为${tier}<br\\s*/?><span class="result-now">按当前规则:符合条件,补助${amount}</span>`),
      );
    expect(html).toContain("按所属档次“二档”:所属档次为二档");
    expect(html).not.toContain('action="/admin/policies/publish"');
    const keys = [...html.matchAll(new RegExp(`name="add" value="(${ID}:\\d+)"`, "g"))].map((m) => m[1]!);
    expect(keys[0]).toBe(`${ID}:1`);
    expect(keys.length).toBeGreaterThanOrEqual(3);

    // The admin adds them all: the corrected set passes and may be published.
    const policySet = hidden(raw, "/admin/policies/preview/cases", "policySet");
    const added = await post("/admin/policies/preview/cases", [
      ["policySet", policySet],
      ...keys.map((k): [string, string] => ["add", k]),
    ]);
    expect(added.status).toBe(200);
    expect(roundTrips(added).waves).toBeLessThanOrEqual(2);
    const correctedRaw = await added.text();
    const corrected = unescapeHtml(correctedRaw);
    expect(corrected).toContain(`已加入 ${keys.length} 个建议用例`);
    expect(corrected).toContain("检查通过,可以发布为第2版");
    expect(corrected).not.toContain("还没有测试用例");

    const published = await post("/admin/policies/publish", [
      ["policySet", hidden(correctedRaw, "/admin/policies/publish", "policySet")],
      ["baseVersion", hidden(correctedRaw, "/admin/policies/publish", "baseVersion")],
      ["note", "新增科技企业分档奖励"],
    ]);
    expect(published.status).toBe(303);
    expect(published.headers.get("location")).toMatch(/^\/admin\/policies\?published=2&/);

    // Live on the public pages, with its cases stored in the version.
    const list = await call(HOST, "GET", "/policies");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(TITLE);
    const page = await call(HOST, "GET", `/policies/programmes/${ID}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(TITLE);
    const [row] = await dbFor(SLUG).select().from(policyVersions).orderBy(desc(policyVersions.id)).limit(1);
    const stored = JSON.parse(row!.data) as Json;
    const cases = stored.cases.filter((c: Json) => c.programme === ID);
    expect(cases.length).toBe(keys.length);
    expect(cases[0]).toMatchObject({
      name: `${TITLE}·符合条件的起始用例`,
      facts: { tier: "tier-1" },
      expect: { eligible: true, amountFen: 100_000_000 },
    });
    expect(cases.map((c: Json) => c.facts.tier)).toEqual(expect.arrayContaining(["tier-1", "tier-2", "tier-3"]));
  });

  it("says why it proposes nothing for a programme no case can satisfy", async () => {
    const set = (await (await call(HOST, "GET", "/admin/policies/download/1", { cookie })).json()) as Json;
    const impossible = {
      id: "wd-impossible",
      title: { zh: "条件互相矛盾的项目", en: "Contradictory" },
      document: set.documents[0].id,
      clause: clause.id,
      excerpt: clause.excerpt,
      category: "other",
      applicants: { zh: "企业", kinds: ["enterprise"] },
      facts: [{ name: "staffCount", type: "count", label: { zh: "职工人数", en: "Staff" } }],
      conditions: [
        { id: "lo", label: "职工100人以上", test: { test: "compare", fact: "staffCount", word: "以上", value: 100 } },
        { id: "hi", label: "职工50人以下", test: { test: "compare", fact: "staffCount", word: "以下", value: 50 } },
      ],
      amount: [{ kind: "fixed", label: "奖励", fen: 100_000 }],
    };
    const res = await post("/admin/policies/preview", [
      ["json", JSON.stringify({ ...set, programmes: [...set.programmes, impossible] })],
    ]);
    expect(res.status).toBe(200);
    const html = unescapeHtml(await res.text());
    expect(html).toContain("条件互相矛盾的项目:没有建议用例(尚无测试用例)");
    expect(html).toContain("未能自动生成符合条件的起始用例");
    expect(html).toContain("未能自动生成符合条件的起始用例(职工人数的各项条件无法同时满足)");
    expect(html).not.toContain('name="add"');
    expect(html).not.toContain("将勾选的用例加入并重新预览");
  });

  it("refuses proposals for a set that is wrong in another way, changing nothing", async () => {
    const versions = async () => (await dbFor(SLUG).select({ id: policyVersions.id }).from(policyVersions)).length;
    const before = await versions();
    const set = (await (await call(HOST, "GET", "/admin/policies/download/1", { cookie })).json()) as Json;
    const broken = { ...set, programmes: [...set.programmes, { id: "wd-broken", title: { zh: "缺字段" } }] };
    const res = await post("/admin/policies/preview/cases", [
      ["policySet", JSON.stringify(broken)],
      ["add", "wd-broken:1"],
    ]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("政策数据有格式问题");
    expect(await versions()).toBe(before);
  });
});
