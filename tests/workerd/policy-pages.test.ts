/**
 * The policy pages through the real Worker: 政策纵览 and its search, a
 * programme with 政策计算器 (results, missing facts, bad input → 400), 政策匹配
 * for an enterprise member, the staff's matching enterprises, and the zone
 * admin's versions, preview and publish — with who may open what.
 *
 * The zones' databases are shared by every workerd test file (global-setup), so
 * the one publish here is on changzhi and changes only the set's label: the
 * programmes every other suite reads stay as they are.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PolicyOverviewPage } from "../../web/pages/policy/overview";
import { PolicyMatchPage, type MatchRow } from "../../web/pages/policy/match";
import type { FitTier } from "../../worker/engines/policy/rank";
import { zones } from "../../tenants/index";
import { call, freshIp, login, sessionCookie } from "./auth-support";
import { recomputeMatches } from "./programme-matches-support";

const host = (slug: string) => `${slug}.localhost`;
const origin = (slug: string) => `http://${slug}.localhost:8787`;
const get = (slug: string, path: string, cookie?: string) => call(host(slug), "GET", path, { cookie });

async function demo(slug: string, who: "admin" | "reviewer" | "enterprise") {
  return sessionCookie(await login(slug, `${who}@${slug}.demo`, `Demo-${slug}-2026`));
}

/** A multipart form POST from the zone's own pages (CSRF checks the Origin). */
function postForm(slug: string, path: string, cookie: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return exports.default.fetch(`http://${host(slug)}${path}`, {
    method: "POST",
    headers: { cookie, origin: origin(slug), "cf-connecting-ip": freshIp() },
    body,
    redirect: "manual",
  });
}

const CALC = "/policies/programmes/zibo-rd-inclusive";
/** 3亿 revenue, 960万 R&D (3.2%), deduction up 1000万 → 5% = 50万 (the model case of clause 14). */
const GOOD = "?_calc=1&revenue=300000000&rdExpense=9600000&rdDeduction=30000000&prevRdDeduction=20000000";

describe("政策纵览", () => {
  it("lists the programmes in force with citation, amount and applicants, and the documents", async () => {
    const res = await get("zibo", "/policies");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("科技型企业研发投入普惠制补贴");
    expect(html).toContain("第十四条");
    expect(html).toContain("单个企业年度最高补助金额不超过100万元");
    expect(html).toContain("研发投入达到规定比例的科技型企业");
    expect(html).toContain(`href="${CALC}"`);
    expect(html).toMatch(/现行政策:第\d+版/);
    for (const d of zones.get("zibo")!.documents) expect(html).toContain(`href="/policies/documents/${d.id}"`);
    expect(html).not.toContain("符合条件的企业");
  });

  it("searches and filters by category", async () => {
    const all = await (await get("zibo", "/policies")).text();
    const total = Number(/共 (\d+) 个项目/.exec(all)![1]);
    const rd = await (await get("zibo", `/policies?q=${encodeURIComponent("研发")}`)).text();
    expect(rd).toContain("科技型企业研发投入普惠制补贴");
    expect(rd).toMatch(/找到 \d+ 个项目/);
    const incubation = await (await get("zibo", "/policies?category=incubation")).text();
    expect(incubation).not.toContain("科技型企业研发投入普惠制补贴");
    expect(Number(/找到 (\d+) 个项目/.exec(incubation)![1])).toBeLessThan(total);
    const none = await (await get("zibo", `/policies?q=${encodeURIComponent("没有这样的项目词")}`)).text();
    expect(none).toContain("没有符合条件的项目");
  });

  it("says so plainly when the zone has published no version", () => {
    const html = String(
      PolicyOverviewPage({
        zone: zones.get("zibo")!,
        nonce: "n",
        version: null,
        programmes: [],
        total: 0,
        query: { q: "", category: "" },
        categories: [],
        documents: [],
        staff: false,
      }),
    );
    expect(html).toContain("本园区尚未发布可在线测算的政策");
  });
});

describe("a programme and 政策计算器", () => {
  it("shows the clause with the excerpt marked, who may apply, conditions, materials and the form", async () => {
    const res = await get("zibo", CALC);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<mark>对年销售收入2亿元以上/);
    expect(html).toContain("研发投入达到规定比例的科技型企业");
    expect(html).toContain("年销售收入与研发投入比例达到规定档次");
    expect(html).toContain("上年度财务审计报告");
    expect(html).toContain("年销售收入(元)");
    expect(html).toContain('name="revenue"');
    expect(html).not.toContain('class="verdict');
  });

  it("explains an eligible result: badge, conditions with clause, 50万元 and the steps", async () => {
    const res = await get("zibo", CALC + GOOD);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<span class="verdict yes">符合</span>');
    expect(html).toContain("<strong>50万元</strong>");
    expect(html).toContain("研发投入占年销售收入3.2%");
    expect(html).toContain("第十四条");
    expect(html).toContain("即 30,000万元");
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('value="300000000"');
  });

  it("asks for what is missing, and says what it assumed", async () => {
    const html = await (await get("zibo", `${CALC}?_calc=1&revenue=300000000`)).text();
    expect(html).toContain("需补充信息");
    expect(html).toContain("还需提供");
    expect(html).toContain("研发投入");
  });

  it("refuses bad input with a 400, a message under the field, and what was typed kept", async () => {
    const res = await get("zibo", `${CALC}?_calc=1&revenue=abc&rdExpense=-5`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("请填写以元为单位的金额");
    expect(html).toContain("金额不能为负数");
    expect(html).toMatch(/id="f-revenue"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-revenue"/);
    expect(html).toContain('value="abc"');
    expect(html).not.toContain('class="verdict');
  });

  it("says 待评审 and 不计金额 for steps that add no money, never a bare 0元", async () => {
    const html = await (await get("dongying", "/policies/programmes/dongying-hnte-award")).text();
    const steps = /<ol class="steps">([\s\S]*?)<\/ol>/.exec(html)![1]!;
    expect(steps).toContain("待评审");
    expect(steps).toContain("不计金额");
    expect(steps).not.toContain(">0元<");
  });

  it("answers 404 for a programme the version does not have", async () => {
    expect((await get("zibo", "/policies/programmes/zibo-no-such-thing")).status).toBe(404);
    expect((await get("zibo", "/policies/programmes/NOT_AN_ID")).status).toBe(404);
  });
});

describe("政策匹配 for an enterprise member", () => {
  it("sends visitors to 登录 and refuses staff", async () => {
    const anon = await get("zibo", "/policies/match");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/login");
    expect((await get("zibo", "/policies/match", await demo("zibo", "reviewer"))).status).toBe(403);
  });

  it("ranks every programme with met, missed and untold conditions and a prefilled calculator link", async () => {
    const cookie = await demo("zibo", "enterprise");
    const res = await get("zibo", "/policies/match", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    expect(html).toContain("政策匹配");
    expect(html).toContain("科技型企业研发投入普惠制补贴");
    expect(html).toMatch(/满足 \d+ 项/);
    // The link carries no figures: the calculator reads the member's own records on the server.
    expect(html).toContain('href="/policies/programmes/zibo-rd-inclusive?from=profile#result"');
    const page = await get("zibo", "/policies/programmes/zibo-rd-inclusive?from=profile", cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const body = await page.text();
    expect(body).toContain("填入并测算(含申报主体条件)");
    expect(body).toContain('class="verdict ');
    // Anyone else asking for ?from=profile gets the plain calculator.
    expect(await (await get("zibo", "/policies/programmes/zibo-rd-inclusive?from=profile")).text()).not.toContain(
      "填入并测算",
    );
  });
});

describe("政策匹配 grouped by tier for the README's demo enterprise", () => {
  it("opens on what can be applied for, collapses 暂不符合 and long tiers, and says each missing fact once", async () => {
    const html = await (await get("zibo", "/policies/match", await demo("zibo", "enterprise"))).text();
    const at = (id: string) => html.indexOf(`id="tier-${id}"`);
    // The demo enterprise's figures and qualifications prove real matches.
    expect(at("eligible")).toBeGreaterThan(0);
    const eligible = html.slice(at("eligible"), html.indexOf("</section>", at("eligible")));
    expect(eligible).toContain('class="prog"');
    expect(eligible).not.toContain("暂无按企业资料可确认符合的项目");
    // Tiers in the order a member acts on them; a jump list at the top names each with its count.
    const order = ["eligible", "confirm", "unknown", "ineligible"].filter((t) => at(t) > 0);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    expect(html).toMatch(/<a href="#tier-eligible">可以申报 \d+ 项<\/a>/);
    // A long tier shows its first few, the rest behind "再看其余 N 项".
    const unknown = html.slice(at("unknown"), html.indexOf("</section>", at("unknown")));
    const open = unknown.slice(0, unknown.indexOf('<details class="more"')).match(/<li class="prog">/g) ?? [];
    expect(open.length).toBe(4);
    expect(unknown).toMatch(/<summary>再看其余 \d+ 项<\/summary>/);

    // 待确认 says each thing once: no item repeats, and none is the old "缺少…" restatement of a condition.
    const pendings = [...html.matchAll(/<p class="who pending">待确认:(.*?)<\/p>/g)].map((m) => m[1]!.split(";"));
    expect(pendings.length).toBeGreaterThan(3);
    for (const items of pendings) {
      expect(new Set(items).size).toBe(items.length);
      expect(items.filter((i) => i.startsWith("缺少"))).toEqual([]);
    }
    const platform = html.slice(html.indexOf('href="/policies/programmes/zibo-public-service-platform"'));
    const row = platform.slice(0, platform.indexOf("</li>"));
    expect(row).toContain("待确认:平台运行管理完善;为中小微企业提供优质高效服务</p>");
    expect(row).toContain("待确认 2 项");
    // Outside the collapsed 逐条说明, the fact is named once.
    expect(row.slice(0, row.indexOf("逐条说明")).split("运行管理完善").length - 1).toBe(1);
  });

  it("puts every 暂不符合 item behind one closed <details>", async () => {
    const row = (tier: FitTier, id: string): MatchRow => ({
      programme: { id, title: `项目${id}`, citation: "第一条", documentTitle: "测试文件", amountSummary: "10万元" },
      result: {
        programme: id,
        eligible: tier === "ineligible" ? false : tier === "eligible" ? true : "unknown",
        conditions: [],
        missing: [],
        amountFen: null,
        inKind: [],
        steps: [],
        assumed: [],
      },
      tier,
      met: 0,
      missed: tier === "ineligible" ? 1 : 0,
      untold: 0,
      pending: [],
      calculatorHref: `/policies/programmes/${id}?from=profile#result`,
    });
    const html = String(
      PolicyMatchPage({
        zone: zones.get("zibo")!,
        nonce: "n",
        user: { name: "示范", role: "enterprise" } as never,
        version: { id: 1, label: "测试版", effectiveFrom: "2026-01-01" },
        enterpriseName: "示范企业",
        figuresYear: 2025,
        rows: [row("eligible", "a1"), row("ineligible", "x1"), row("ineligible", "x2")],
      }),
    );
    const ineligible = html.slice(html.indexOf('id="tier-ineligible"'));
    expect(ineligible).toMatch(
      /^[\s\S]*?<h2[^>]*>暂不符合[((]2[))]<\/h2><details class="more"><summary>查看这 2 项和不符合的原因<\/summary><ol class="progs">/,
    );
    expect(ineligible.indexOf("项目x1")).toBeGreaterThan(ineligible.indexOf("<details"));
    expect(ineligible).not.toContain('<details class="more" open');
    expect(html.indexOf("项目a1")).toBeLessThan(html.indexOf('<details class="more"'));
  });
});

describe("staff: enterprises matching a programme", () => {
  const path = "/admin/policies/programmes/zibo-rd-inclusive/matches";

  it("is for zone admins and reviewers only", async () => {
    expect((await get("zibo", path)).headers.get("location")).toBe("/login");
    expect((await get("zibo", path, await demo("zibo", "enterprise"))).status).toBe(403);
  });

  it("counts the results and lists the enterprises with theirs, from the list computed in the background", async () => {
    await recomputeMatches("zibo-rd-inclusive");
    const res = await get("zibo", path, await demo("zibo", "reviewer"));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/符合 \d+ 家/);
    expect(html).toMatch(/需补充信息 \d+ 家/);
    expect(html).toMatch(/名单计算于 [^<]+,按第 \d+ 版政策/);
    expect(html).toContain("淄博示范先进陶瓷材料有限公司");
    expect(
      (await get("zibo", "/admin/policies/programmes/zibo-nope/matches", await demo("zibo", "admin"))).status,
    ).toBe(404);
  });
});

describe("zone admin: policy versions", () => {
  it("is for the zone admin only", async () => {
    expect((await get("zibo", "/admin/policies")).headers.get("location")).toBe("/login");
    for (const who of ["enterprise", "reviewer"] as const) {
      const cookie = await demo("zibo", who);
      expect((await get("zibo", "/admin/policies", cookie)).status).toBe(403);
      expect((await get("zibo", "/admin/policies/download/1", cookie)).status).toBe(403);
      expect((await postForm("zibo", "/admin/policies/preview", cookie, { json: "{}" })).status).toBe(403);
    }
  });

  it("lists versions with their JSON, and offers the newest set for editing", async () => {
    const cookie = await demo("zibo", "admin");
    const html = await (await get("zibo", "/admin/policies", cookie)).text();
    expect(html).toContain("第1版");
    expect(html).toContain("现行");
    expect(html).toContain('href="/admin/policies/download/1"');
    expect(html).toContain("&quot;zibo-rd-inclusive&quot;");
    const file = await get("zibo", "/admin/policies/download/1", cookie);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="zibo-policy-v1.json"');
    expect(((await file.json()) as { zone: string }).zone).toBe("zibo");
    expect((await get("zibo", "/admin/policies/download/999", cookie)).status).toBe(404);
  });

  it("previews an edited set: the diff, failing cases, and no publish form", async () => {
    const cookie = await demo("zibo", "admin");
    const set = (await (await get("zibo", "/admin/policies/download/1", cookie)).json()) as {
      programmes: { id: string; title: { zh: string } }[];
      cases: { programme: string; expect: { amountFen?: number } }[];
    };
    set.programmes.find((p) => p.id === "zibo-rd-inclusive")!.title.zh = "研发投入普惠制补贴(改名)";
    set.cases.find((c) => c.programme === "zibo-rd-inclusive" && c.expect.amountFen === 50_000_000)!.expect.amountFen =
      40_000_000;
    const res = await postForm("zibo", "/admin/policies/preview", cookie, {
      file: new File([JSON.stringify(set)], "zibo.json", { type: "application/json" }),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("title.zh");
    expect(html).toContain('科技型企业研发投入普惠制补贴</span> → <span class="after">研发投入普惠制补贴(改名)');
    expect(html).toMatch(/1 个测试用例未通过/);
    expect(html).not.toContain('action="/admin/policies/publish"');
    // Publishing it anyway is refused with the reason.
    const refused = await postForm("zibo", "/admin/policies/publish", cookie, {
      policySet: JSON.stringify(set),
      baseVersion: "1",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("测试用例未通过,不能发布");
  });

  it("re-renders the form for a file that is not JSON, and for an empty one", async () => {
    const cookie = await demo("zibo", "admin");
    const bad = await postForm("zibo", "/admin/policies/preview", cookie, { json: "{ not json" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("JSON 格式有误");
    expect(html).toContain("{ not json</textarea>");
    expect((await postForm("zibo", "/admin/policies/preview", cookie, { json: "  " })).status).toBe(422);
  });

  it("refuses a policy set over 2 MB", async () => {
    const res = await postForm("zibo", "/admin/policies/preview", await demo("zibo", "admin"), {
      json: "x".repeat(2 * 1024 * 1024 + 10),
    });
    expect(res.status).toBe(413);
  });

  it("publishes a previewed change as the next version, and refuses a stale one", async () => {
    const cookie = await demo("changzhi", "admin");
    const before = await (await get("changzhi", "/admin/policies", cookie)).text();
    const newest = Number(/第(\d+)版/.exec(before)![1]);
    const set = (await (await get("changzhi", `/admin/policies/download/${newest}`, cookie)).json()) as {
      label: string;
    };
    set.label = `${set.label}(页面测试修订)`;
    const preview = await (
      await postForm("changzhi", "/admin/policies/preview", cookie, { json: JSON.stringify(set) })
    ).text();
    expect(preview).toContain(`可以发布为第${newest + 1}版`);
    expect(preview).toContain('<span class="path">label</span>');
    expect(preview).toContain('action="/admin/policies/publish"');
    expect(preview).toContain(`name="baseVersion" value="${newest}"`);

    const res = await postForm("changzhi", "/admin/policies/publish", cookie, {
      policySet: JSON.stringify(set),
      baseVersion: String(newest),
      note: "只改版本名称",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(new RegExp(`^/admin/policies\\?published=${newest + 1}&`));
    const after = await (await get("changzhi", res.headers.get("location")!, cookie)).text();
    expect(after).toContain(`第${newest + 1}版已发布`);
    expect(after).toContain(`第${newest + 1}版<small>${set.label}</small>`);
    expect(after).toContain("只改版本名称");

    // The same form again: the version it was previewed against is no longer the newest.
    const stale = await postForm("changzhi", "/admin/policies/publish", cookie, {
      policySet: JSON.stringify({ ...set, label: `${set.label}再改` }),
      baseVersion: String(newest),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(`政策已更新为第${newest + 1}版`);
  });
});
