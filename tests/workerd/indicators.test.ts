/**
 * 指标与目标 (/admin/indicators, /api/v1/admin/indicators): who may read and who may change,
 * Dongying's seeded table, entering an actual moving progress, the computed 高企 count agreeing
 * with the enterprise directory, bad input refused with nothing changed, and round trips.
 * Writes happen in Zibo on indicators this file creates (unique codes); Dongying is read.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DONGYING_INDICATORS } from "../../tenants/dongying/indicators";
import { auditLog, indicators, indicatorValues } from "../../worker/db/schema";
import { call, dbFor, freshIp } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { api, demo, host, type Json, ORIGIN } from "./subsidies-support";

const IND = "/api/v1/admin/indicators";
const DY = "dongying.localhost";
const zibo = dbFor("zibo");
const tag = `t${Date.now() % 1_000_000}`;
const who = { admin: "", reviewer: "", enterprise: "", bank: "", dyAdmin: "", dyReviewer: "" };

const definition = (code: string, over: Json = {}): Json => ({
  code,
  name: `测试指标${code}`,
  unit: "件",
  direction: "higher",
  baselineYear: 2017,
  baselineValue: 10,
  targets: [{ year: 2020, value: 20 }],
  source: "entered",
  sourceNote: "测试用",
  ...over,
});

async function created(code: string, over: Json = {}) {
  const res = await api("POST", IND, { cookie: who.admin, data: definition(code, over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
const rowOf = (body: Json, id: string) => (body.indicators as Json[]).find((i) => i.id === id)!;
const valuesOf = (id: string) => zibo.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, id));

/** A form post as the browser sends it. */
async function form(cookie: string, path: string, fields: Record<string, string>, on = host) {
  const res = await call(on, "POST", path, {
    cookie,
    ip: freshIp(),
    origin: on === host ? ORIGIN : `http://${on}:8787`,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: res.status,
    text: await res.text(),
    location: res.headers.get("location"),
    waves: roundTrips(res).waves,
  };
}

beforeAll(async () => {
  who.admin = await demo("admin");
  who.reviewer = await demo("reviewer");
  who.enterprise = await demo("enterprise");
  who.bank = await demo("bank");
  who.dyAdmin = await demo("admin", "dongying");
  who.dyReviewer = await demo("reviewer", "dongying");
});

describe("who may see and change indicators", () => {
  it("answers 401 without a session and 403 to enterprise and bank users, on the API and the page", async () => {
    expect((await api("GET", IND)).status).toBe(401);
    for (const cookie of [who.enterprise, who.bank]) {
      expect((await api("GET", IND, { cookie })).status).toBe(403);
      expect((await call(host, "GET", "/admin/indicators", { cookie })).status).toBe(403);
    }
    const anon = await call(host, "GET", "/admin/indicators");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/login");
  });

  it("lets a reviewer read but not change, and a zone admin change", async () => {
    const id = await created(`${tag}-roles`);
    const read = await api("GET", IND, { cookie: who.reviewer });
    expect(read.status).toBe(200);
    expect(rowOf(read.body, id).name).toBe(`测试指标${tag}-roles`);
    const put = await api("PUT", `${IND}/${id}/values/2019`, { cookie: who.reviewer, data: { value: 12, note: "x" } });
    expect(put.status).toBe(403);
    expect((await api("POST", IND, { cookie: who.reviewer, data: definition(`${tag}-r2`) })).status).toBe(403);
    expect((await api("PATCH", `${IND}/${id}`, { cookie: who.reviewer, data: { unit: "个" } })).status).toBe(403);
    expect(await valuesOf(id)).toHaveLength(0);
    const page = await call(host, "GET", "/admin/indicators", { cookie: who.reviewer });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`测试指标${tag}-roles`);
    expect(html).not.toContain("新增指标");
    const post = await form(who.reviewer, `/admin/indicators/${id}/values`, { year: "2019", value: "12", note: "x" });
    expect(post.status).toBe(403);
  });
});

describe("Dongying's indicators (seed 002)", () => {
  it("lists the 18 printed rows with 2017 values, 2020 targets, demo actuals and progress", async () => {
    const res = await api("GET", `${IND}?year=2019`, { cookie: who.dyReviewer, on: DY });
    expect(res.status).toBe(200);
    const byCode = new Map((res.body.indicators as Json[]).map((i) => [i.code, i]));
    // Every printed row, with its 2017 value and 2020 target as printed.
    for (const r of DONGYING_INDICATORS)
      expect(byCode.get(r.code), r.code).toMatchObject({
        name: r.name,
        unit: r.unit,
        baseline: { year: 2017, value: Number(r.baseline) },
        targets: [{ year: 2020, value: Number(r.target) }],
      });
    expect(byCode.get("high-tech-enterprises")).toMatchObject({
      baseline: { year: 2017, value: 149 },
      target: { year: 2020, value: 220 },
      source: "computed:high_tech_enterprises",
      behind: "/admin/enterprises?qualification=hnte",
    });
    expect(byCode.get("high-tech-enterprises")!.sourceNote).toContain("高新技术企业(家)149220");
    // Demo actuals say they are demo data; 0.4 on 0.45 → 0.36 is 55% of the way down.
    expect(byCode.get("energy-per-gdp")).toMatchObject({
      direction: "lower",
      actual: { year: 2019, value: 0.4, origin: "entered", note: "演示数据" },
      progress: { met: false, percent: 55, label: "完成 55%" },
    });
  });

  it("counts 高企 as the directory filtered by that qualification does", async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const directory = async () =>
      (await api("GET", "/api/v1/admin/enterprises?qualification=hnte", { cookie: who.dyAdmin, on: DY })).body
        .total as number;
    const before = await directory();
    const res = await api("GET", `${IND}?year=${year}`, { cookie: who.dyAdmin, on: DY });
    const after = await directory();
    const hnte = (res.body.indicators as Json[]).find((i) => i.code === "high-tech-enterprises")!;
    expect(hnte.actual.origin).toBe("computed");
    expect(hnte.actual.value).toBeGreaterThan(0);
    expect(hnte.actual.value).toBeGreaterThanOrEqual(Math.min(before, after));
    expect(hnte.actual.value).toBeLessThanOrEqual(Math.max(before, after));
  });

  it("shows the table page with the seeded rows and a chart, in two database waves", async () => {
    const res = await call(DY, "GET", "/admin/indicators?year=2019", { cookie: who.dyAdmin });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const html = await res.text();
    for (const text of [
      "万元GDP综合能耗",
      "吨标准煤/万元",
      "居民可支配收入",
      "2020年",
      "演示数据",
      "完成 55%",
      "查看名单",
    ])
      expect(html).toContain(text);
    // The progress chart, drawn on the server: an SVG named by its title.
    expect(html).toContain("2019年各指标目标完成进度");
    expect(html).toMatch(/<svg[^>]*>[\s\S]*2019年各指标目标完成进度/);
  });
});

describe("entering actuals", () => {
  it("saves an actual, moves progress, and keeps the correction's history in the audit log", async () => {
    const id = await created(`${tag}-enter`);
    const first = await api("PUT", `${IND}/${id}/values/2019`, {
      cookie: who.admin,
      data: { value: 15, note: "2019年统计公报" },
    });
    expect(first.status).toBe(200);
    let table = await api("GET", `${IND}?year=2019`, { cookie: who.admin });
    expect(rowOf(table.body, id)).toMatchObject({
      actual: { value: 15, origin: "entered", note: "2019年统计公报" },
      progress: { percent: 50, met: false, label: "完成 50%" },
    });
    const fixed = await api("PUT", `${IND}/${id}/values/2019`, {
      cookie: who.admin,
      data: { value: 21, note: "更正" },
    });
    expect(fixed.status).toBe(200);
    table = await api("GET", `${IND}?year=2019`, { cookie: who.admin });
    expect(rowOf(table.body, id).progress).toMatchObject({ met: true, label: "已达标", percent: 100 });
    expect(await valuesOf(id)).toMatchObject([{ year: 2019, value: 21, note: "更正" }]);
    const audit = await zibo
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `indicator:${tag}-enter:2019`))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["indicator.value_entered", "indicator.value_corrected"]);
    expect(JSON.parse(audit[1]!.detail!)).toMatchObject({ before: 15, value: 21, note: "更正" });
  });

  it("takes an actual from the page's form: 303 back with the notice, within three waves", async () => {
    const id = await created(`${tag}-form`);
    const ok = await form(who.admin, `/admin/indicators/${id}/values`, {
      year: "2020",
      value: "１８",
      note: "部门报送",
    });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/admin/indicators/${id}?year=2020&done=value`);
    expect(ok.waves).toBeLessThanOrEqual(3);
    expect(await valuesOf(id)).toMatchObject([{ year: 2020, value: 18, note: "部门报送" }]);
    const page = await call(host, "GET", ok.location!, { cookie: who.admin });
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const html = await page.text();
    expect(html).toContain("实际值已保存。");
    expect(html).toContain("完成 80%");
  });

  it("edits a definition: new target, progress follows", async () => {
    const id = await created(`${tag}-edit`);
    await api("PUT", `${IND}/${id}/values/2019`, { cookie: who.admin, data: { value: 15, note: "x" } });
    const res = await api("PATCH", `${IND}/${id}`, {
      cookie: who.admin,
      data: { targets: [{ year: 2020, value: 30 }], name: "改名后的指标" },
    });
    expect(res.status).toBe(200);
    const row = rowOf((await api("GET", `${IND}?year=2019`, { cookie: who.admin })).body, id);
    expect(row).toMatchObject({ name: "改名后的指标", target: { year: 2020, value: 30 }, progress: { percent: 25 } });
  });
});

describe("the indicator forms", () => {
  it("adds an indicator from 新增指标 with its target rows, and redraws a taken code with 409", async () => {
    const fields = {
      code: `${tag}-page`,
      name: "页面新增的指标",
      unit: "个",
      direction: "lower",
      baselineYear: "2018",
      baselineValue: "40",
      "targets.0.year": "2025",
      "targets.0.value": "20",
      "targets.1.year": "",
      "targets.1.value": "",
      "targets.2.year": "2022",
      "targets.2.value": "30",
      source: "entered",
      sourceNote: "园区发展规划",
      sortOrder: "5",
      active: "on",
    };
    const ok = await form(who.admin, "/admin/indicators", fields);
    expect(ok.status, ok.text.slice(0, 300)).toBe(303);
    expect(ok.waves).toBeLessThanOrEqual(3);
    const [row] = await zibo
      .select()
      .from(indicators)
      .where(eq(indicators.code, `${tag}-page`));
    expect(row).toMatchObject({ direction: "lower", baselineValue: 40, targets: '{"2022":30,"2025":20}' });
    expect(ok.location).toBe(`/admin/indicators/${row!.id}?done=created`);
    const again = await form(who.admin, "/admin/indicators", { ...fields, name: "另一个" });
    expect(again.status).toBe(409);
    expect(again.text).toContain("已被另一个指标使用");
    expect(again.text).toContain('value="另一个"');
  });

  it("redraws the definition form with the row's message when a target is not a number", async () => {
    const id = await created(`${tag}-pedit`);
    const res = await form(who.admin, `/admin/indicators/${id}`, {
      name: "x",
      unit: "件",
      direction: "higher",
      baselineYear: "2017",
      baselineValue: "10",
      "targets.0.year": "2020",
      "targets.0.value": "二十",
      source: "entered",
      sortOrder: "0",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写数字");
    expect(res.text).toContain('value="二十"');
    const [row] = await zibo.select().from(indicators).where(eq(indicators.id, id));
    expect(row!.name).toBe(`测试指标${tag}-pedit`);
  });
});

describe("bad input changes nothing", () => {
  it("refuses bad actuals with 422 and a Chinese message", async () => {
    const id = await created(`${tag}-bad`);
    for (const data of [
      { value: "很多", note: "x" },
      { value: 1e13, note: "x" },
      { value: 5, note: "" },
      { value: 5, note: "长".repeat(201) },
    ]) {
      const res = await api("PUT", `${IND}/${id}/values/2019`, { cookie: who.admin, data });
      expect(res.status, JSON.stringify(data)).toBe(422);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(
      (await api("PUT", `${IND}/${id}/values/1999`, { cookie: who.admin, data: { value: 1, note: "x" } })).status,
    ).toBe(422);
    expect(
      (await api("PUT", `${IND}/${id}/values/2016`, { cookie: who.admin, data: { value: 1, note: "x" } })).status,
    ).toBe(422);
    const future = await api("PUT", `${IND}/${id}/values/2099`, { cookie: who.admin, data: { value: 1, note: "x" } });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain("还没有到");
    expect(await valuesOf(id)).toHaveLength(0);
    const page = await form(who.admin, `/admin/indicators/${id}/values`, { year: "2019", value: "abc", note: "x" });
    expect(page.status).toBe(422);
    expect(page.text).toContain("请填写数字");
    expect(page.text).toContain('value="abc"');
    expect(await valuesOf(id)).toHaveLength(0);
  });

  it("refuses an actual for a computed indicator, a taken code, and targets before the baseline", async () => {
    const id = await created(`${tag}-comp`, { source: "computed:enterprises_total" });
    const put = await api("PUT", `${IND}/${id}/values/2019`, { cookie: who.admin, data: { value: 3, note: "x" } });
    expect(put.status).toBe(422);
    expect(put.body.error.message).toContain("自动统计");
    expect((await api("POST", IND, { cookie: who.admin, data: definition(`${tag}-comp`) })).status).toBe(409);
    const early = await api("POST", IND, {
      cookie: who.admin,
      data: definition(`${tag}-early`, { targets: [{ year: 2016, value: 1 }] }),
    });
    expect(early.status).toBe(422);
    const count = await zibo
      .select({ n: sql<number>`count(*)` })
      .from(indicators)
      .where(and(eq(indicators.code, `${tag}-early`)));
    expect(Number(count[0]!.n)).toBe(0);
    expect(await valuesOf(id)).toHaveLength(0);
  });
});

describe("exports and round trips", () => {
  it("answers format=xlsx with a workbook named for the year", async () => {
    const res = await call(host, "GET", `${IND}?format=xlsx&year=2019`, { cookie: who.reviewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("指标与目标-2019年.xlsx");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
  });

  it("reads in two waves and writes in three", async () => {
    const id = await created(`${tag}-rt`);
    const headers = { "content-type": "application/json", cookie: who.admin, "cf-connecting-ip": freshIp() };
    const get = await call(host, "GET", IND, { cookie: who.admin });
    expect(roundTrips(get).waves).toBeLessThanOrEqual(2);
    const put = await call(host, "PUT", `${IND}/${id}/values/2019`, {
      cookie: headers.cookie,
      body: JSON.stringify({ value: 11, note: "x" }),
    });
    expect(put.status).toBe(200);
    expect(roundTrips(put).waves).toBeLessThanOrEqual(3);
    const detail = await call(host, "GET", `/admin/indicators/${id}`, { cookie: who.admin });
    expect(detail.status).toBe(200);
    expect(roundTrips(detail).waves).toBeLessThanOrEqual(2);
  });
});
