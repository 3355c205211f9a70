/**
 * The fixed parts of an .xlsx package (ECMA-376): content types, relationships, the workbook and
 * its styles, and a worksheet's head and tail. Only what Excel, WPS and LibreOffice need to open
 * the file with typed, formatted cells; nothing they would each interpret differently.
 */
import { columnLetter, STYLE, xmlText } from "./cells";
import type { XlsxColumn } from "./types";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `${sheets}</Types>`
  );
}

export const ROOT_RELS =
  `${XML}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export function workbookXml(sheetNames: readonly string[]): string {
  const sheets = sheetNames.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.join("")}</sheets></workbook>`;
}

export function workbookRelsXml(sheetCount: number): string {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    `${XML}<Relationships xmlns="${PKG_REL}">${rels}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
}

/**
 * Number formats: 元 and 万元 as #,##0.00 (the unit is in the column's header, as in the CSV's
 * "金额(元)"), whole numbers #,##0, per cents 0.00%, dates yyyy-mm-dd. cellXfs follow STYLE's order.
 */
export const STYLES_XML = (() => {
  const xf = (numFmtId: number, extra = "") =>
    `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ""}${extra}/>`;
  const byStyle: string[] = [];
  byStyle[0] = xf(0);
  byStyle[STYLE.header] =
    '<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" ' +
    'applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>';
  byStyle[STYLE.text] = xf(49);
  byStyle[STYLE.integer] = xf(3);
  byStyle[STYLE.yuan] = xf(4);
  byStyle[STYLE.wan] = xf(4);
  byStyle[STYLE.percent] = xf(164);
  byStyle[STYLE.date] = xf(165);
  byStyle[STYLE.datetime] = xf(166);
  byStyle[STYLE.number] = xf(0);
  return (
    `${XML}<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="3"><numFmt numFmtId="164" formatCode="0.00%"/>` +
    `<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>` +
    `<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>` +
    `</fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
    `<border><left/><right/><top/><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${byStyle.length}">${byStyle.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
})();

/** Width in characters: CJK counts double; amounts and dates get room for their formatted value. */
export function columnWidth(column: XlsxColumn): number {
  if (column.width !== undefined) return Math.min(255, Math.max(1, column.width));
  let header = 0;
  for (const ch of column.header) header += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  const least = { text: 12, integer: 10, number: 10, yuan: 16, wan: 14, percent: 10, date: 12, datetime: 17 }[
    column.format
  ];
  return Math.min(60, Math.max(least, header + 2));
}

/** The sheet up to its first data row: column widths, the header row frozen in place, the header row itself. */
export function sheetHeadXml(columns: readonly XlsxColumn[], selected: boolean): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"/>`)
    .join("");
  const header = columns
    .map(
      (c, i) => `<c r="${columnLetter(i)}1" s="${STYLE.header}" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`,
    )
    .join("");
  return (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData><row r="1">${header}</row>`
  );
}

export const SHEET_TAIL = "</sheetData></worksheet>";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters cannot be in a sheet name either
const NOT_IN_SHEET_NAME = /[[\]:*?/\\\u0000-\u001f]/g;

/**
 * Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not blank, not starting or
 * ending with an apostrophe, unique regardless of case ("History" is Excel's own).
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>(["history"]);
  return wanted.map((raw, i) => {
    const base =
      Array.from(
        raw
          .replace(NOT_IN_SHEET_NAME, " ")
          .trim()
          .replace(/^'+|'+$/g, ""),
      )
        .slice(0, 31)
        .join("")
        .trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name =
        Array.from(base)
          .slice(0, 31 - suffix.length)
          .join("") + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
