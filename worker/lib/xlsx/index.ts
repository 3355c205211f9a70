/**
 * Excel workbooks (.xlsx) for every export: one sheet per table, Chinese headers in a bold frozen
 * first row, typed cells (元/万元 amounts, whole numbers, per cents, dates in Beijing time). The
 * workbook is streamed: rows are written as the caller's (async) iterable yields them and each
 * sheet's XML is deflated into the zip as it grows, so an export of any size holds one chunk of
 * rows in memory, never the whole table. Why a sheet-XML writer over fflate rather than an xlsx
 * library: docs/decisions/0020-xlsx-exports.md.
 */
import { Zip, ZipDeflate } from "fflate";
import { MAX_COLUMNS, MAX_ROWS, rowXml } from "./cells";
import {
  contentTypesXml,
  ROOT_RELS,
  SHEET_TAIL,
  STYLES_XML,
  sheetHeadXml,
  sheetNames,
  workbookRelsXml,
  workbookXml,
} from "./package-parts";

export type { XlsxColumn, XlsxFormat, XlsxSheet } from "./types";
import type { XlsxSheet } from "./types";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sheet XML is handed to the deflater in pieces of about this many characters. */
const PIECE = 64 * 1024;

/**
 * A Response streaming the workbook: spreadsheet content type, Content-Disposition with the Chinese
 * file name (RFC 5987), private no-store. `fileName` may end in .xlsx or not. Reading rows that
 * fails midway ends the download with an error (the zip then has no directory and does not open),
 * never with a file that looks whole, so read anything that may refuse (permissions, filters)
 * before calling this.
 */
export function xlsxResponse(o: { fileName: string; sheets: XlsxSheet[] }): Response {
  const chunks = workbookChunks(o.sheets);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": attachment(o.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}

/** attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>: the Chinese name in every current browser. */
export function attachment(fileName: string): string {
  const name = /\.xlsx$/i.test(fileName) ? fileName : `${fileName}.xlsx`;
  const stem = name
    .slice(0, -5)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  const ascii = `${stem ? `export-${stem}` : "export"}.xlsx`;
  // RFC 5987 attr-char excludes ' ( ) * ! which encodeURIComponent leaves as they are.
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The zip's bytes as they are produced: the fixed parts first, then each sheet row by row. */
async function* workbookChunks(sheets: readonly XlsxSheet[]): AsyncGenerator<Uint8Array, void, undefined> {
  if (sheets.length === 0) throw new Error("xlsx: a workbook needs at least one sheet");
  for (const s of sheets) {
    if (s.columns.length === 0 || s.columns.length > MAX_COLUMNS) throw new Error(`xlsx: sheet ${s.name}: columns`);
  }
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  // ZipDeflate is synchronous: each push hands its compressed bytes to this callback before returning.
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else if (chunk.length > 0) out.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  }
  const entry = (path: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    return file;
  };
  const whole = (path: string, xml: string) => entry(path).push(encoder.encode(xml), true);

  const names = sheetNames(sheets.map((s) => s.name));
  whole("[Content_Types].xml", contentTypesXml(sheets.length));
  whole("_rels/.rels", ROOT_RELS);
  whole("xl/workbook.xml", workbookXml(names));
  whole("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length));
  whole("xl/styles.xml", STYLES_XML);
  yield* drain();

  for (const [i, sheet] of sheets.entries()) {
    const file = entry(`xl/worksheets/sheet${i + 1}.xml`);
    const formats = sheet.columns.map((c) => c.format);
    let xml = sheetHeadXml(sheet.columns, i === 0);
    let rowNumber = 1;
    for await (const row of sheet.rows) {
      rowNumber++;
      if (rowNumber > MAX_ROWS) throw new Error(`xlsx: sheet ${names[i]} has more rows than Excel opens`);
      xml += rowXml(rowNumber, row, formats);
      if (xml.length >= PIECE) {
        file.push(encoder.encode(xml));
        xml = "";
        yield* drain();
      }
    }
    file.push(encoder.encode(xml + SHEET_TAIL), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
