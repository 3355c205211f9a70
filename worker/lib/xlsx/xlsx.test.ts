import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnLetter, excelSerial, xmlText } from "./cells";
import { attachment, XLSX_CONTENT_TYPE, xlsxResponse, type XlsxSheet } from "./index";
import { csvValues } from "./csv-values";
import { sheetNames } from "./package-parts";

async function workbook(sheets: XlsxSheet[], fileName = "企业名录-2026-12-05") {
  const res = xlsxResponse({ fileName, sheets });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  return { res, files };
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, 0));
    yield item;
  }
}

describe("xlsxResponse", () => {
  it("answers with the spreadsheet type, a Chinese file name and no caching", async () => {
    const { res } = await workbook([{ name: "表", columns: [{ header: "名称", format: "text" }], rows: [] }]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toBe(
      `attachment; filename="export-2026-12-05.xlsx"; filename*=UTF-8''${encodeURIComponent("企业名录-2026-12-05.xlsx")}`,
    );
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe("企业名录-2026-12-05.xlsx");
  });

  it("writes a package Excel can open: content types, relationships, workbook, styles, each sheet", async () => {
    const { files } = await workbook([
      { name: "申报", columns: [{ header: "编号", format: "text" }], rows: [["ZB-1"]] },
      { name: "拨付", columns: [{ header: "金额(元)", format: "yuan" }], rows: slowly([[12345]]) },
    ]);
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    expect(files["xl/workbook.xml"]).toContain('<sheet name="申报" sheetId="1" r:id="rId1"/>');
    expect(files["xl/workbook.xml"]).toContain('<sheet name="拨付" sheetId="2" r:id="rId2"/>');
    expect(files["xl/_rels/workbook.xml.rels"]).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
        'Target="worksheets/sheet2.xml"',
    );
    expect(files["[Content_Types].xml"]).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(files["xl/worksheets/sheet1.xml"]).toContain(
      '<c r="A2" s="2" t="inlineStr"><is><t xml:space="preserve">ZB-1</t></is></c>',
    );
    expect(files["xl/worksheets/sheet2.xml"]).toContain('<c r="A2" s="4"><v>123.45</v></c>');
    // Only the first sheet is the selected tab.
    expect(files["xl/worksheets/sheet1.xml"]).toContain('tabSelected="1"');
    expect(files["xl/worksheets/sheet2.xml"]).not.toContain("tabSelected");
  });

  it("puts the Chinese headers in a bold, frozen first row with column widths", async () => {
    const { files } = await workbook([
      {
        name: "企业名录",
        columns: [
          { header: "企业名称", format: "text", width: 30 },
          { header: "注册资本(元)", format: "yuan" },
        ],
        rows: [],
      },
    ]);
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="16" customWidth="1"/>');
    expect(sheet).toContain(
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>企业名称</t></is></c>' +
        '<c r="B1" s="1" t="inlineStr"><is><t>注册资本(元)</t></is></c></row>',
    );
    // Style 1 (the header) uses the bold font.
    const xfs = files["xl/styles.xml"]!.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]!.match(/<xf [^>]*>/g)!;
    expect(xfs[1]).toContain('fontId="1"');
    expect(files["xl/styles.xml"]).toContain("<font><b/>");
  });

  it("types each cell by its column: 元, 万元, whole numbers, per cents, dates and moments in Beijing time", async () => {
    const columns = [
      { header: "金额(元)", format: "yuan" },
      { header: "金额(万元)", format: "wan" },
      { header: "人数", format: "integer" },
      { header: "占比", format: "percent" },
      { header: "日期", format: "date" },
      { header: "时间", format: "datetime" },
      { header: "代码", format: "text" },
      { header: "比重(%)", format: "number" },
    ] as const;
    // 2026-06-01 16:30 UTC is 2026-06-02 00:30 in Beijing: the date is the 2nd.
    const moment = Date.UTC(2026, 5, 1, 16, 30);
    const { files } = await workbook([
      {
        name: "类型",
        columns: [...columns],
        rows: [[1234567, 250_000_000, 42, 35.5, "2026-03-01", moment, 91370300, 2.64]],
      },
    ]);
    const row = files["xl/worksheets/sheet1.xml"]!.match(/<row r="2">.*?<\/row>/)![0];
    expect(row).toContain('<c r="A2" s="4"><v>12345.67</v></c>');
    expect(row).toContain('<c r="B2" s="5"><v>250</v></c>');
    expect(row).toContain('<c r="C2" s="3"><v>42</v></c>');
    expect(row).toContain('<c r="D2" s="6"><v>0.355</v></c>');
    expect(row).toContain(`<c r="E2" s="7"><v>${46082}</v></c>`); // 2026-03-01
    expect(row).toContain(`<c r="F2" s="8"><v>${46175 + 0.5 / 24}</v></c>`); // 2026-06-02 00:30
    expect(row).toContain('<c r="G2" s="2" t="inlineStr"><is><t xml:space="preserve">91370300</t></is></c>');
    expect(row).toContain('<c r="H2" s="9"><v>2.64</v></c>'); // General: as it is, not rounded
    const styles = files["xl/styles.xml"]!;
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.00%"/>');
    const xfs = styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]!.match(/<xf [^>]*>/g)!;
    expect(xfs.map((x) => x.match(/numFmtId="(\d+)"/)![1])).toEqual([
      "0",
      "49",
      "49",
      "3",
      "4",
      "4",
      "164",
      "165",
      "166",
      "0",
    ]);
  });

  it("leaves empty values out and keeps a value that does not fit its column as text", async () => {
    const { files } = await workbook([
      {
        name: "空",
        columns: [
          { header: "甲", format: "yuan" },
          { header: "乙", format: "date" },
          { header: "丙", format: "text" },
        ],
        rows: [
          [null, "2026-02-30", ""],
          [undefined, "待定", "x"],
        ],
      },
    ]);
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain(
      '<row r="2"><c r="B2" s="2" t="inlineStr"><is><t xml:space="preserve">2026-02-30</t></is></c></row>',
    );
    expect(sheet).toContain('<c r="B3" s="2" t="inlineStr"><is><t xml:space="preserve">待定</t></is></c>');
  });

  it("escapes XML, drops characters XML cannot carry, and never makes a formula", async () => {
    const { files } = await workbook([
      {
        name: "文字",
        columns: [{ header: "A&B <说明>", format: "text" }],
        rows: [['=HYPERLINK("x")&<b>\u0001\u0007甲']],
      },
    ]);
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain("<t>A&amp;B &lt;说明&gt;</t>");
    expect(sheet).toContain('<t xml:space="preserve">=HYPERLINK(&quot;x&quot;)&amp;&lt;b&gt;甲</t>');
    expect(sheet).not.toContain("<f>");
  });

  it("streams many rows from an async source, in order, with every row numbered", async () => {
    async function* many() {
      for (let i = 0; i < 5000; i++) yield [`企业${i}`, i * 100];
    }
    const res = xlsxResponse({
      fileName: "大表",
      sheets: [
        {
          name: "大表",
          columns: [
            { header: "名称", format: "text" },
            { header: "金额(元)", format: "yuan" },
          ],
          rows: many(),
        },
      ],
    });
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    expect(parts.length).toBeGreaterThan(2); // bytes arrive as rows do, not as one buffer at the end
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheet.match(/<row /g)!.length).toBe(5001);
    expect(sheet).toContain(
      '<row r="5001"><c r="A5001" s="2" t="inlineStr"><is><t xml:space="preserve">企业4999</t></is></c>' +
        '<c r="B5001" s="4"><v>4999.00</v></c></row>',
    );
  });

  it("ends the download with an error when reading rows fails, rather than a file that looks whole", async () => {
    async function* failing() {
      yield ["一"];
      throw new Error("database went away");
    }
    const res = xlsxResponse({
      fileName: "坏",
      sheets: [{ name: "坏", columns: [{ header: "甲", format: "text" }], rows: failing() }],
    });
    await expect(res.arrayBuffer()).rejects.toThrow("database went away");
  });
});

describe("xlsx parts", () => {
  it("names sheets as Excel requires", () => {
    expect(
      sheetNames([
        "a/b:c*d?e[f]g\\h",
        "'引号'",
        "",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
        "SHEET",
        "sheet",
        "History",
      ]),
    ).toEqual([
      "a b c d e f g h",
      "引号",
      "Sheet3",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
      "SHEET",
      "sheet (2)",
      "History (2)",
    ]);
  });

  it("letters columns past Z", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("reads dates as Beijing dates", () => {
    expect(excelSerial("1900-03-01", "date")).toBe(61);
    expect(excelSerial("2026-12-31", "date")).toBe(46387);
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Beijing.
    expect(excelSerial(Date.UTC(2026, 11, 31, 20), "date")).toBe(46388);
    expect(excelSerial(new Date(Date.UTC(2026, 11, 31, 4)), "datetime")).toBe(46387.5);
    expect(excelSerial("2026-12-31 12:00:00", "datetime")).toBe(46387.5);
    expect(excelSerial("2026-13-01", "date")).toBeNull();
    expect(excelSerial("not a date", "date")).toBeNull();
  });

  it("escapes and cleans text for XML", () => {
    expect(xmlText(`a<b>&"c"\u0000\ud800x😀`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;x😀");
  });

  it("keeps an ASCII fallback and encodes what RFC 5987 reserves", () => {
    expect(attachment("淄博(高新区)'名录'!.xlsx")).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent("淄博")}%28` +
        `${encodeURIComponent("高新区")}%29%27${encodeURIComponent("名录")}%27%21.xlsx`,
    );
    expect(attachment("enterprises-zibo-2026-12-05")).toBe(
      `attachment; filename="export-enterprises-zibo-2026-12-05.xlsx"; ` +
        `filename*=UTF-8''enterprises-zibo-2026-12-05.xlsx`,
    );
  });
});

describe("csvValues", () => {
  it("writes a typed row as the CSV always has: plain 元 and 万元, Beijing times, empty for nothing", () => {
    const columns = [
      { header: "名称", format: "text" },
      { header: "金额(元)", format: "yuan" },
      { header: "金额(万元)", format: "wan" },
      { header: "日期", format: "date" },
      { header: "时间", format: "datetime" },
      { header: "人数", format: "integer" },
      { header: "空", format: "yuan" },
    ] as const;
    const moment = Date.UTC(2026, 5, 1, 16, 30, 5, 900); // 2026-06-02 00:30:05.9 in Beijing
    expect(csvValues([...columns], ["甲", 1234567, 12_345_000, "2026-03-01", moment, 42, null])).toEqual([
      "甲",
      "12345.67",
      "12.345",
      "2026-03-01",
      "2026-06-02 00:30:05",
      42,
      null,
    ]);
  });
});
