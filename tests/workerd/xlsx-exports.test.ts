/**
 * The Excel exports (issue 18): each answers with the spreadsheet type and a Chinese file name,
 * opens as a zip whose sheets hold the same cells as the CSV (or the JSON list) of the same data,
 * spends at most 3 round trips before its first byte, is audited, and is refused to whoever may
 * not take the CSV.
 */
import { count, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { auditLog, enterprises, subsidyApplications, subsidyPayments } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { call, dbFor } from "./auth-support";
import { applied, bankWithStaff, financeEnterprise, productBody, publishedProduct } from "./finance-support";
import { roundTrips } from "./round-trip-support";
import { demo, host, slug } from "./subsidies-support";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function freshUscc(): string {
  const body = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => USCC_CHARS[b % 31]).join("");
  return `91370303${body}${checkCharacter(`91370303${body}`)}`;
}

/** Excel serial → 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (the serial is already Beijing wall time). */
function fromSerial(serial: number, withTime: boolean): string {
  const iso = new Date(Math.round((serial - 25569) * 86_400_000)).toISOString();
  return withTime ? iso.slice(0, 19).replace("T", " ") : iso.slice(0, 10);
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** A sheet's rows as the CSV would write them: text as is, numbers as written, dates and times by their style. */
function sheetRows(xml: string, width: number): string[][] {
  const rows: string[][] = [];
  for (const [, body] of xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)) {
    const row = Array<string>(width).fill("");
    for (const [, ref, style, rest] of body!.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)"[^>]*>(.*?)<\/c>/g)) {
      const col = [...ref!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const text = /<t[^>]*>(.*?)<\/t>/.exec(rest!)?.[1];
      const value = /<v>(.*?)<\/v>/.exec(rest!)?.[1];
      if (text !== undefined) row[col] = unescapeXml(text);
      else if (style === "7") row[col] = fromSerial(Number(value), false);
      else if (style === "8") row[col] = fromSerial(Number(value), true);
      else row[col] = value!;
    }
    rows.push(row);
  }
  return rows;
}

/** RFC 4180 lines of a CSV without quoted newlines (none in these exports' test data). */
function csvRows(text: string): string[][] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  return lines.map((line) => {
    const cells: string[] = [];
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      const raw = m[1]!;
      cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
      if (m[2] === "") break;
    }
    return cells;
  });
}

async function workbook(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  const text = (name: string) => strFromU8(files[name]!);
  return { files, text, disposition: res.headers.get("content-disposition") ?? "" };
}

/** The Chinese name a browser saves the file as (the RFC 5987 filename*). */
const savedName = (disposition: string) => decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? "");

describe("Excel exports", () => {
  // A few rows only: the zone's database is shared with the other files, and 500 more enterprises
  // would make round-trip-budgets.test.ts's directory CSV read two chunks. Reading past a chunk is
  // tested where it is cheap: directoryChunks in list-enterprises.test.ts, the writer's streaming
  // in worker/lib/xlsx/xlsx.test.ts.
  const ZONE = slug;
  const ZONE_HOST = host;

  it("the directory (?format=xlsx): every match of the filters, the same cells as its CSV, audited", async () => {
    const tag = `X${newId().slice(0, 6)}`;
    const now = Date.now();
    const many = Array.from({ length: 3 }, (_, i) => ({
      id: newId(),
      name: `${tag}测试企业${String(i).padStart(3, "0")}有限公司`,
      createdAt: now,
      uscc: freshUscc(),
      legalRep: "张三",
      registeredOn: "2015-03-01",
      registeredCapitalFen: 500_000_000 + i,
      industry: "new-materials",
      industryClass: "C2651",
      employees: i,
      contactName: i === 0 ? '李<四>&"五"' : "李四",
      contactMobile: "13800138000",
    }));
    for (let i = 0; i < many.length; i += 100)
      await dbFor(slug)
        .insert(enterprises)
        .values(many.slice(i, i + 100));
    const reviewer = { email: `admin@${ZONE}.demo`, cookie: await demo("admin", ZONE) };

    const res = await call(ZONE_HOST, "GET", `/api/v1/admin/enterprises?q=${tag}&format=xlsx`, {
      cookie: reviewer.cookie,
    });
    const { files, text, disposition } = await workbook(res);
    expect(savedName(disposition)).toMatch(/^淄博.*企业名录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    expect(Object.keys(files)).toContain("xl/worksheets/sheet1.xml");
    expect(text("xl/workbook.xml")).toContain('<sheet name="企业名录"');
    const sheet = text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('state="frozen"');

    const csv = csvRows(
      await (await call(ZONE_HOST, "GET", `/admin/enterprises.csv?q=${tag}`, { cookie: reviewer.cookie })).text(),
    );
    const cells = sheetRows(sheet, csv[0]!.length);
    expect(csv).toHaveLength(4); // the header and 3 enterprises
    expect(cells).toHaveLength(4);
    expect(cells[0]).toEqual(csv[0]);
    expect(cells[0]![0]).toBe("企业名称");
    expect(cells).toEqual(csv);
    expect(cells[1]).toEqual([
      `${tag}测试企业000有限公司`,
      many[0]!.uscc,
      "张三",
      "2015-03-01",
      "5000000.00",
      "新材料",
      "C2651",
      "0",
      "",
      '李<四>&"五"',
      "13800138000",
      "",
      "正常",
    ]);
    // Registered capital is a number in 元 (style 4: #,##0.00), the date a real date (style 7).
    expect(sheet).toMatch(/<c r="E2" s="4"><v>5000000.00<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="D2" s="7"><v>42064<\/v><\/c>/);

    const audits = await dbFor(ZONE)
      .select()
      .from(auditLog)
      .where(sql`${auditLog.actor} = ${reviewer.email} and ${auditLog.action} = 'enterprise.directory_exported'`);
    expect(audits.map((a) => JSON.parse(String(a.detail)))).toContainEqual(
      expect.objectContaining({ rows: 3, format: "xlsx", query: `?q=${tag}&format=xlsx` }),
    );
  });

  it("the directory's Excel is for zone staff only, and a bad format or filter is a 422 in Chinese", async () => {
    expect((await get("/api/v1/admin/enterprises?format=xlsx")).status).toBe(401);
    expect((await get("/api/v1/admin/enterprises?format=xlsx", await demo("enterprise"))).status).toBe(403);
    expect((await get("/api/v1/admin/enterprises?format=xlsx", await demo("bank"))).status).toBe(403);
    const admin = await demo("admin");
    const bad = await get("/api/v1/admin/enterprises?format=pdf", admin);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/xlsx/);
    expect((await get("/api/v1/admin/enterprises?format=xlsx&status=closed", admin)).status).toBe(422);
    // The directory page offers the download with its filters.
    const page = await (await get("/admin/enterprises?status=active", admin)).text();
    expect(page).toContain('href="/api/v1/admin/enterprises?status=active&amp;format=xlsx"');
  });

  it("政策兑现 (?format=xlsx): applications and payments as two sheets, the applications equal to the CSV", async () => {
    const admin = await demo("admin");
    const res = await get("/admin/subsidies/export?format=xlsx", admin);
    const { text, disposition } = await workbook(res);
    expect(savedName(disposition)).toMatch(/^淄博.*政策兑现-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = text("xl/workbook.xml");
    expect(book).toContain('<sheet name="申报" sheetId="1"');
    expect(book).toContain('<sheet name="拨付" sheetId="2"');

    // Other test files add applications to this zone while this one runs: the three reads are compared
    // once no application came in between them (the workbook read first and again last).
    const db = dbFor(slug);
    const submittedCount = async () =>
      (
        await db.select({ n: count() }).from(subsidyApplications).where(sql`${subsidyApplications.status} <> 'draft'`)
      )[0]!.n;
    const state = async () =>
      `${await submittedCount()}:${(await db.select({ n: count() }).from(subsidyPayments))[0]!.n}`;
    let [csv, applications, n, sheet] = [[] as string[][], [] as string[][], -1, text];
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = await state();
      sheet = (await workbook(await get("/admin/subsidies/export?format=xlsx", admin))).text;
      csv = csvRows(await (await get("/admin/subsidies/export", admin)).text());
      applications = sheetRows(sheet("xl/worksheets/sheet1.xml"), csv[0]!.length);
      n = await submittedCount();
      if ((await state()) === before) break;
    }
    expect(n).toBeGreaterThan(0);
    expect(applications).toHaveLength(n + 1);
    expect(csv).toHaveLength(n + 1);
    expect(applications[0]).toEqual(csv[0]);
    // Same rows; applications submitted in the same millisecond may come in either order.
    const byNumber = (rows: string[][]) => rows.slice(1).sort((a, b) => a.join().localeCompare(b.join()));
    expect(byNumber(applications)).toEqual(byNumber(csv));
    expect(applications[1]).toEqual(csv[1]);

    const payments = sheetRows(sheet("xl/worksheets/sheet2.xml"), 9);
    expect(payments[0]).toEqual([
      "凭证号",
      "申报编号",
      "企业名称",
      "统一社会信用代码",
      "项目编号",
      "项目名称",
      "拨付金额(元)",
      "拨付日期",
      "登记时间(北京时间)",
    ]);
    const paid = await db.select().from(subsidyPayments);
    expect(paid.length).toBeGreaterThan(0);
    expect(payments).toHaveLength(paid.length + 1);
    for (const p of paid) {
      const row = payments.find((r) => r[0] === p.voucherNo);
      expect(row, p.voucherNo).toBeDefined();
      expect(row![6]).toBe((p.amountFen / 100).toFixed(2));
      expect(row![7]).toBe(p.paidOn);
    }
  });

  it("政策兑现's Excel is for zone staff only; a bad format is a 422 in Chinese", async () => {
    const anonymous = await get("/admin/subsidies/export?format=xlsx");
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    expect((await get("/admin/subsidies/export?format=xlsx", await demo("enterprise"))).status).toBe(403);
    expect((await get("/admin/subsidies/export?format=xlsx", await demo("bank"))).status).toBe(403);
    const reviewer = await demo("reviewer");
    const bad = await get("/admin/subsidies/export?format=pdf", reviewer);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("导出格式只能是 csv 或 xlsx");
    const ok = await get("/admin/subsidies/export?format=xlsx", reviewer);
    expect(ok.status).toBe(200);
    // Like the CSV, an export's reads come in chunks: before the first byte, the session, one read wave, the audit.
    expect(roundTrips(ok).waves).toBeLessThanOrEqual(3);
    await ok.body?.cancel();
    const dashboard = await (await get("/admin/subsidies/dashboard", reviewer)).text();
    expect(dashboard).toContain('href="/admin/subsidies/export?format=xlsx"');
    // The audit records the workbook and what it held.
    const [audit] = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "subsidy.exported"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(JSON.parse(String(audit!.detail))).toMatchObject({ format: "xlsx" });
  });

  it("the applications API (?format=xlsx): the queue's filters, the same rows as the JSON list", async () => {
    const reviewer = await demo("reviewer");
    type List = { total: number; applications: { number: string; statusZh: string }[] };
    const listOf = async (filter: string) =>
      (await (await get(`/api/v1/subsidies/applications?limit=100&${filter}`, reviewer)).json()) as List;
    const numbers = (l: List) => l.applications.map((a) => a.number).join();
    for (const filter of ["", "status=paid", "status=in_review&q=ZB"]) {
      // Other files write applications into this zone meanwhile: compare an export with the list read just
      // before and just after it, once the two agree (nothing was written between them).
      let list = await listOf(filter);
      let res = await get(`/api/v1/subsidies/applications?format=xlsx&${filter}`, reviewer);
      for (let tries = 0; tries < 5; tries++) {
        const after = await listOf(filter);
        if (numbers(after) === numbers(list)) break;
        await res.body?.cancel();
        list = after;
        res = await get(`/api/v1/subsidies/applications?format=xlsx&${filter}`, reviewer);
      }
      expect(roundTrips(res).waves, filter).toBeLessThanOrEqual(3);
      const { text } = await workbook(res);
      expect(text("xl/workbook.xml")).not.toContain("拨付");
      const rows = sheetRows(text("xl/worksheets/sheet1.xml"), 12);
      expect(rows[0]![0]).toBe("申报编号");
      expect(rows.length - 1, filter).toBe(list.total);
      if (!filter) expect(list.total).toBeGreaterThan(0);
      expect(
        rows
          .slice(1)
          .map((r) => r[0])
          .sort(),
        filter,
      ).toEqual(list.applications.map((a) => a.number).sort());
      if (filter.includes("paid")) expect(new Set(rows.slice(1).map((r) => r[5]))).toEqual(new Set(["已拨付"]));
    }
    const member = await get("/api/v1/subsidies/applications?format=xlsx", await demo("enterprise"));
    expect(member.status).toBe(403);
    expect(JSON.stringify(await member.json())).toContain("导出 Excel 仅供园区工作人员使用");
    expect((await get("/api/v1/subsidies/applications?format=xlsx", await demo("bank"))).status).toBe(403);
    expect((await get("/api/v1/subsidies/applications?format=xlsx")).status).toBe(401);
  });

  it("金融超市 loans (?format=xlsx): the list each reader may see, newest first, amounts in 万元", async () => {
    const bank = await bankWithStaff();
    const product = await publishedProduct(bank.cookie, productBody(newId().slice(0, 6)));
    const member = await financeEnterprise();
    await applied(member.cookie, product.id, { amountFen: 234_567_800 });
    type Loans = { total: number; applications: { number: string; amountFen: number; bankName: string }[] };
    for (const [who, cookie] of [
      ["admin", await demo("admin")],
      ["bank", bank.cookie],
      ["enterprise", member.cookie],
    ] as const) {
      const list = (await (await get("/api/v1/finance/loans?limit=100", cookie)).json()) as Loans;
      const res = await get("/api/v1/finance/loans?format=xlsx", cookie);
      expect(roundTrips(res).waves, who).toBeLessThanOrEqual(3);
      const { text, disposition } = await workbook(res);
      expect(savedName(disposition)).toMatch(/^淄博.*金融超市.*贷款申请-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(text("xl/workbook.xml")).toContain('<sheet name="贷款申请"');
      const rows = sheetRows(text("xl/worksheets/sheet1.xml"), 17);
      expect(rows[0]!.slice(0, 5), who).toEqual(["申请编号", "企业名称", "银行", "产品", "申请金额(万元)"]);
      expect(rows.length - 1, who).toBe(list.total);
      expect(list.total, who).toBeGreaterThan(0);
      const first = list.applications[0]!;
      expect(rows[1]![0], who).toBe(first.number);
      expect(rows[1]![2], who).toBe(first.bankName);
      expect(rows[1]![4], who).toBe(who === "admin" ? String(first.amountFen / 1_000_000) : "234.5678");
      if (who !== "admin")
        expect(
          rows.slice(1).map((r) => r[2]),
          who,
        ).toEqual([bank.name]);
    }
  });

  it("the loans' Excel is refused to anonymous visitors and a bad format, and is linked from the pages", async () => {
    expect((await get("/api/v1/finance/loans?format=xlsx")).status).toBe(401);
    const admin = await demo("admin");
    const bad = await get("/api/v1/finance/loans?format=csv", admin);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("format 只能是 json 或 xlsx");
    expect(await (await get("/admin/finance", admin)).text()).toContain('href="/api/v1/finance/loans?format=xlsx"');
    const bank = await demo("bank");
    expect(await (await get("/bank/loans?q=%E7%A7%91%E6%8A%80", bank)).text()).toContain(
      'href="/api/v1/finance/loans?format=xlsx&amp;q=%E7%A7%91%E6%8A%80"',
    );
  });

  it("documents format=xlsx and the spreadsheet answer in the OpenAPI document", async () => {
    type Op = { parameters: { name: string; schema: { enum?: string[] } }[]; responses: Record<string, Json> };
    type Json = { content: Record<string, unknown> };
    const doc = (await (await get("/api/openapi.json")).json()) as { paths: Record<string, { get: Op }> };
    for (const path of ["/api/v1/admin/enterprises", "/api/v1/finance/loans", "/api/v1/subsidies/applications"]) {
      const op = doc.paths[path]!.get;
      expect(op.parameters.find((p) => p.name === "format")?.schema.enum, path).toEqual(["json", "xlsx"]);
      expect(Object.keys(op.responses["200"]!.content), path).toEqual(["application/json", XLSX]);
    }
  });
});
