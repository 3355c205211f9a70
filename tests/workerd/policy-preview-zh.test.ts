/**
 * The zone admin's policy preview in Chinese, through the real Worker: a set whose annual
 * cap changed is previewed; the failing case and the change are said as sentences on the
 * page and in the preview API's new `zh` fields (the old fields unchanged); the admin
 * accepts the engine's results and adds a proposed boundary case, which previews a
 * corrected set. Nothing here publishes: zibo's versions stay as other suites expect.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { freshIp, login, postJson, sessionCookie, call } from "./auth-support";
import { roundTrips } from "./round-trip-support";

const host = "zibo.localhost";
const origin = "http://zibo.localhost:8787";
const RD = "科技型企业研发投入普惠制补贴";
const CAPPED = "increase of 2500万: 5% is 125万, capped at 100万";
const FAILED =
  `用例「${CAPPED}」:年销售收入30,000万元、研发投入1,000万元、当年研发费用加计扣除额4,500万元、` +
  "上年度研发费用加计扣除额2,000万元时,应补助100万元,按当前规则为120万元(已按上限计);" +
  "计算说明中应有“本次按100万元计”,按当前规则没有";
const CHANGE = `「${RD}」的限额「单个企业年度最高补助金额不超过100万元」的限额金额由 100万元 改为 120万元`;

// biome-ignore lint/suspicious/noExplicitAny: tests read the answers loosely, by the field they check
type Json = Record<string, any>;
const demo = async (who: "admin" | "reviewer" | "enterprise") =>
  sessionCookie(await login("zibo", `${who}@zibo.demo`, "Demo-zibo-2026"));

function postForm(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return exports.default.fetch(`http://${host}${path}`, {
    method: "POST",
    headers: { cookie, origin, "cf-connecting-ip": freshIp() },
    body,
    redirect: "manual",
  });
}
/** The page's text with the entities Hono's JSX escapes put back. */
const unescapeHtml = (s: string) => s.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&");
const text = async (res: Response) => (await res.text()).replaceAll(/&(quot|#39|amp);/g, (m) => unescapeHtml(m));

let admin = "";
let raised: Json = {};
beforeAll(async () => {
  admin = await demo("admin");
  const set = (await (await call(host, "GET", "/admin/policies/download/1", { cookie: admin })).json()) as Json;
  set.programmes.find((p: Json) => p.id === "zibo-rd-inclusive").limits[0].fen = 120_000_000;
  raised = set;
});

describe("the preview page in Chinese", () => {
  it("says the failing case with its facts and both amounts, and the change, within 2 waves", async () => {
    const res = await postForm("/admin/policies/preview", admin, { json: JSON.stringify(raised) });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const html = await text(res);
    expect(html).toContain(FAILED);
    expect(html).toContain(CHANGE);
    expect(html).not.toContain("amountFen: expected");
    expect(html).toMatch(/\d+ 个测试用例未通过/);
    // The engine's boundary cases for the changed programme, to confirm and add.
    expect(html).toContain("建议补充的测试用例");
    expect(html).toContain('name="add" value="zibo-rd-inclusive:1"');
    expect(html).toContain("当年研发费用加计扣除额恰为达到上限120万元时的4,400万元");
  });

  it("accepting the engine's results previews a corrected, publishable set, changing nothing stored", async () => {
    const first = await text(await postForm("/admin/policies/preview", admin, { json: JSON.stringify(raised) }));
    const failing = [...first.matchAll(/name="accept" value="(\d+)"/g)].map((m) => m[1]!);
    expect(failing.length).toBeGreaterThan(0);
    const res = await postForm("/admin/policies/preview/cases", admin, {
      policySet: JSON.stringify(raised),
      accept: failing,
    });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const html = await text(res);
    expect(html).toContain(`已按当前规则更正 ${failing.length} 个测试用例`);
    expect(html).toContain("检查通过,可以发布为第");
    expect(html).toContain(CHANGE);
    // The publish form carries the corrected set.
    const raw = /name="policySet" value="([^"]*)"/.exec(
      await (
        await postForm("/admin/policies/preview/cases", admin, {
          policySet: JSON.stringify(raised),
          accept: failing,
        })
      ).text(),
    )![1]!;
    const carried = JSON.parse(unescapeHtml(raw)) as Json;
    const capped = carried.cases.find((c: Json) => c.name === CAPPED);
    expect(capped.expect).toEqual({ eligible: true, amountFen: 120_000_000 });
    // Still version 1's cases in the database: nothing was published.
    const stored = (await (await call(host, "GET", "/admin/policies/download/1", { cookie: admin })).json()) as Json;
    expect(stored.cases.find((c: Json) => c.name === CAPPED).expect.amountFen).toBe(100_000_000);
  });

  it("adds a proposed boundary case with the engine's result", async () => {
    const res = await postForm("/admin/policies/preview/cases", admin, {
      policySet: JSON.stringify(raised),
      add: "zibo-rd-inclusive:1",
    });
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("已加入 1 个建议用例");
    expect(html).toContain(`${raised.cases.length + 1} 个测试用例`);
  });

  it("refuses an empty choice, an unknown case and a proposal that no longer applies, with the set kept", async () => {
    const json = JSON.stringify(raised);
    const none = await postForm("/admin/policies/preview/cases", admin, { policySet: json });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("没有勾选任何用例");
    const far = await postForm("/admin/policies/preview/cases", admin, { policySet: json, accept: "99999" });
    expect(far.status).toBe(422);
    expect(await far.text()).toContain("勾选的用例已不在这套政策中");
    const stale = await postForm("/admin/policies/preview/cases", admin, {
      policySet: json,
      add: "zibo-rd-inclusive:999",
    });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain("勾选的建议用例已不适用");
    const broken = await postForm("/admin/policies/preview/cases", admin, { policySet: "{ nope", accept: "1" });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("政策数据有误");
    const invalid = await postForm("/admin/policies/preview/cases", admin, { policySet: json, accept: "x" });
    expect(invalid.status).toBe(400);
  });

  it("says format problems with the programme's title and the field's name", async () => {
    const bad = structuredClone(raised);
    bad.programmes.find((p: Json) => p.id === "zibo-rd-inclusive").limits[0].fen = 1.5;
    const html = await text(await postForm("/admin/policies/preview", admin, { json: JSON.stringify(bad) }));
    expect(html).toContain(`「${RD}」的限额「单个企业年度最高补助金额不超过100万元」的限额金额:金额须精确到分`);
  });

  it("is for the zone admin only", async () => {
    for (const who of ["enterprise", "reviewer"] as const) {
      const cookie = await demo(who);
      const res = await postForm("/admin/policies/preview/cases", cookie, { policySet: "{}", accept: "1" });
      expect(res.status).toBe(403);
      const api = await postJson(host, "/api/v1/admin/policy/previews", { policySet: raised }, { cookie, origin });
      expect(api.status).toBe(403);
    }
    const anon = await postForm("/admin/policies/preview/cases", "", { policySet: "{}", accept: "1" });
    expect([302, 303, 401]).toContain(anon.status);
  });
});

describe("the preview API's Chinese", () => {
  it("adds zh beside the old fields: each failure's sentence and each change's", async () => {
    const res = await postJson(host, "/api/v1/admin/policy/previews", { policySet: raised }, { cookie: admin, origin });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const body = (await res.json()) as Json;
    expect(Object.keys(body).sort()).toEqual(
      ["baseVersion", "cases", "diff", "errors", "publishable", "unchanged", "zh"].sort(),
    );
    const failure = body.cases.failures.find((f: Json) => f.name === CAPPED);
    expect(failure.problems).toContain("amountFen: expected 100000000, got 120000000");
    expect(failure.zh).toBe(FAILED);
    expect(body.zh.diff).toContain(CHANGE);
    expect(body.diff.programmes.changed[0].fields).toContainEqual({
      path: "limits.0.fen",
      before: 100_000_000,
      after: 120_000_000,
    });
    expect(body.zh.errors).toEqual([]);
  });

  it("says format problems in Chinese beside the old ones", async () => {
    const bad = structuredClone(raised);
    bad.programmes.find((p: Json) => p.id === "zibo-rd-inclusive").limits[0].fen = 1.5;
    const body = (await (
      await postJson(host, "/api/v1/admin/policy/previews", { policySet: bad }, { cookie: admin, origin })
    ).json()) as Json;
    expect(body.errors).toEqual([expect.stringContaining("money: whole fen")]);
    expect(body.zh.errors).toEqual([
      `「${RD}」的限额「单个企业年度最高补助金额不超过100万元」的限额金额:金额须精确到分`,
    ]);
  });
});
