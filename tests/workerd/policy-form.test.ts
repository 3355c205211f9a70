/**
 * 政策表单 (issue 17, slice D1): a zone admin edits one programme of the newest set in a form
 * (amounts in 万元) or adds one from a common shape; a valid form is answered with the preview
 * of the whole set, a wrong one is drawn again with its messages (422) and nothing is stored.
 * Nothing here publishes: the zibo data is shared with the other suites.
 */
import { exports } from "cloudflare:workers";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { policyVersions } from "../../worker/db/schema";
import { call, dbFor, freshIp } from "./auth-support";
import { fieldsOf } from "./html-form-support";
import { roundTrips } from "./round-trip-support";
import { demo, host, ORIGIN, slug, staffUser } from "./subsidies-support";

const EDIT = "/admin/policies/programmes/zibo-tech-contract/edit";
const NEW = "/admin/policies/new-programme";

function postForm(path: string, cookie: string, fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  return exports.default.fetch(`http://${host}${path}`, {
    method: "POST",
    headers: {
      cookie,
      origin: ORIGIN,
      "cf-connecting-ip": freshIp(),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: body.toString(),
    redirect: "manual",
  });
}

const withField = (fields: [string, string][], name: string, value: string) =>
  fields.map(([k, v]): [string, string] => [k, k === name ? value : v]);

const versions = async () => (await dbFor(slug).select({ n: count() }).from(policyVersions))[0]!.n;

describe("the programme form", () => {
  it("is the zone admin's alone", async () => {
    expect((await call(host, "GET", EDIT)).status).toBe(303);
    for (const who of ["reviewer", "enterprise", "bank"]) {
      const cookie = await demo(who);
      expect((await call(host, "GET", EDIT, { cookie })).status, who).toBe(403);
      expect((await call(host, "GET", NEW, { cookie })).status, who).toBe(403);
      expect((await postForm(EDIT, cookie, [["title.zh", "x"]])).status, who).toBe(403);
    }
  });

  it("draws the programme with its cap in 万元, the threshold words and the parts it keeps", async () => {
    const cookie = (await staffUser("zone_admin")).cookie;
    const res = await call(host, "GET", EDIT, { cookie });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const html = await res.text();
    expect(html).toContain("<h1>编辑:技术合同交易扶持</h1>");
    expect(html).toMatch(/<label for="f-limits.0.fen">上限金额.万元.<\/label>/);
    expect(fieldsOf(html)).toContainEqual(["limits.0.fen", "30"]);
    expect(fieldsOf(html)).toContainEqual(["amount.0.percent", "3"]);
    expect(html).toContain("计算基数(不可在表单中修改)");
    expect(html).toContain('name="materials.0.zh"');
    expect((await call(host, "GET", "/admin/policies/programmes/no-such/edit", { cookie })).status).toBe(404);
  });

  it("previews the set with a changed cap, storing nothing", async () => {
    const cookie = await demo("admin");
    const before = await versions();
    const fields = fieldsOf(await (await call(host, "GET", EDIT, { cookie })).text());
    const res = await postForm(EDIT, cookie, withField(fields, "limits.0.fen", "45万"));
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(3);
    const html = await res.text();
    expect(html).toContain("预览");
    expect(html).toMatch(/45000000|45万元/);
    expect(html).not.toContain('"fen":30000000,"label":"单家企业每年最高不超过30万元"');
    expect(await versions()).toBe(before);
  });

  it("refuses an amount that is not one with a message by the field, keeping what was typed", async () => {
    const cookie = await demo("admin");
    const before = await versions();
    const fields = fieldsOf(await (await call(host, "GET", EDIT, { cookie })).text());
    const res = await postForm(EDIT, cookie, withField(withField(fields, "limits.0.fen", "abc"), "title.zh", "新名称"));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("请填写金额(万元)");
    expect(html).toContain('id="f-limits.0.fen-error"');
    expect(fieldsOf(html)).toContainEqual(["limits.0.fen", "abc"]);
    expect(fieldsOf(html)).toContainEqual(["title.zh", "新名称"]);
    expect(html).not.toContain('action="/admin/policies/publish"');
    expect(await versions()).toBe(before);
  });

  it("offers the shapes of a new programme and previews one once its citation is filled in", async () => {
    const cookie = await demo("admin");
    const shapes = await call(host, "GET", NEW, { cookie });
    expect(shapes.status).toBe(200);
    expect(roundTrips(shapes).waves).toBeLessThanOrEqual(2);
    const list = await shapes.text();
    for (const s of ["定额", "按级别", "按比例封顶", "分档", "按数量", "配套", "评审确定区间", "非资金支持"])
      expect(list).toContain(`<strong>${s}</strong>`);

    const form = await call(host, "GET", `${NEW}?shape=perUnit`, { cookie });
    expect(form.status).toBe(200);
    const fields = fieldsOf(await form.text());
    const empty = await postForm(NEW, cookie, fields);
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('id="f-clause-error"');
    expect(emptyHtml).toContain('id="f-id-error"');

    let filled = withField(fields, "id", "zibo-form-per-unit");
    for (const [k, v] of [
      ["title.zh", "表单新增项目"],
      ["title.en", "Programme added in the form"],
      ["clause", "9"],
      ["excerpt", "每件给予1万元"],
      ["applicants.zh", "企业"],
    ] as const)
      filled = withField(filled, k, v);
    const res = await postForm(NEW, cookie, filled);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("表单新增项目");
    // A new programme has no test cases yet: the preview says so and offers no publish form.
    expect(html).not.toContain('action="/admin/policies/publish"');

    const taken = await postForm(NEW, cookie, withField(filled, "id", "zibo-tech-contract"));
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("已有这个编号的项目");
  });

  it("adds a level as a row and removes a limit, previewing the change in Chinese", async () => {
    const cookie = await demo("admin");
    const before = await versions();
    const edit = "/admin/policies/programmes/zibo-rd-institution/edit";
    const page = await call(host, "GET", edit, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="amount.0.amounts.3.zh"');
    expect(html).toContain('name="remove.limits.0"');
    const fields = fieldsOf(html);
    expect(fields).toContainEqual(["amount.0.amounts.0.zh", "国家级"]);
    const res = await postForm(edit, cookie, [
      ...withField(withField(fields, "amount.0.amounts.3.zh", "区级"), "amount.0.amounts.3.value", "5万"),
      ["remove.limits.0", "1"],
    ]);
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(3);
    const preview = await res.text();
    expect(preview).toContain("<li>「企业研发机构创建扶持」新增申报信息项「研发机构级别」的选项「区级」</li>");
    expect(preview).toMatch(/<li>「企业研发机构创建扶持」新增金额计算「[^」]+」的各选项金额中「[^」]+」:5万元<\/li>/);
    expect(preview).toContain("<li>「企业研发机构创建扶持」删除限额「每个研发机构每级扶持一次」</li>");
    expect(await versions()).toBe(before);
  });

  it("refuses a new level without its amount, and a level a test case still uses, by the row (422)", async () => {
    const cookie = await demo("admin");
    const before = await versions();
    const edit = "/admin/policies/programmes/zibo-rd-institution/edit";
    const fields = fieldsOf(await (await call(host, "GET", edit, { cookie })).text());
    const res = await postForm(edit, cookie, [
      ...withField(fields, "amount.0.amounts.3.zh", "区级"),
      ["remove.amount.0.amounts.2", "1"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-amount.0.amounts.3.value-error"[^>]*>[^<]*请填写金额/);
    expect(html).toMatch(/id="f-amount.0.amounts.2.zh-error"[^>]*>「市级」不能删除:[^<]*测试用例/);
    expect(fieldsOf(html)).toContainEqual(["amount.0.amounts.3.zh", "区级"]);
    expect(fieldsOf(html)).toContainEqual(["remove.amount.0.amounts.2", "1"]);
    expect(await versions()).toBe(before);
  });

  it("adds a 每家每年上限 limit from the 新增限制 row", async () => {
    const cookie = await demo("admin");
    const fields = fieldsOf(await (await call(host, "GET", EDIT, { cookie })).text());
    const res = await postForm(EDIT, cookie, [
      ...fields.filter(([k]) => !k.startsWith("limits.1.")),
      ["limits.1.kind", "maxYears"],
      ["limits.1.years", "3"],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("对一家企业最多支持3年");
  });

  it("adds a condition and an amount part, and refuses removing the only part by saying why", async () => {
    const cookie = await demo("admin");
    const edit = "/admin/policies/programmes/zibo-tech-transfer-deals/edit";
    const html = await (await call(host, "GET", edit, { cookie })).text();
    expect(html).toContain("这是唯一的金额计算,不能删除");
    expect(html).not.toContain('name="remove.amount.0"');
    const fields = fieldsOf(html).filter(([k]) => !/^(conditions\.1|amount\.1)\./.test(k));
    const res = await postForm(edit, cookie, [
      ...fields,
      ["conditions.1.fact", "dealsFen"],
      ["conditions.1.word", "不超过"],
      ["conditions.1.value", "5000万"],
      ["amount.1.kind", "inKind"],
      ["amount.1.label", "技术经纪人培训名额"],
    ]);
    expect(res.status).toBe(200);
    const preview = await res.text();
    expect(preview).toMatch(/<li>「[^」]+」新增申报条件「[^」]*不超过5000万元」/);
    expect(preview).toContain("新增金额计算「技术经纪人培训名额」");

    const refused = await postForm(edit, cookie, [...fields, ["conditions.1.fact", "dealsFen"]]);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/id="f-conditions.1.value-error"[^>]*>请填写数值。/);
  });
});
