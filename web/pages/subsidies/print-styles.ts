/**
 * The 申报书's stylesheet. On screen it reads as a document on the site's page (with 返回 and
 * 打印 above it); printed it is a plain A4 document for sealing: no header, navigation, buttons
 * or footer of the site, black on white, page margins, rows and steps never split across pages,
 * the application's number and the page in each page's footer.
 */

/** A4 with margins, and the number and page in the footer (Chromium prints @page margin boxes). */
export function pageCss(number: string | null): string {
  // The number is ours (letters, digits, hyphens); anything else is dropped rather than escaped into CSS.
  const safe = (number ?? "").replace(/[^A-Za-z0-9-]/g, "");
  const lead = safe ? `"申报编号 ${safe} · "` : "";
  return (
    "@page{size:A4;margin:16mm 15mm 18mm}" +
    `@page{@bottom-center{content:${lead}"第 " counter(page) " 页,共 " counter(pages) " 页";` +
    "font-size:9pt;color:#000}}"
  );
}

export const PRINT_CSS = `
.doc-page{max-width:860px}
.print-tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:0 0 16px}
.print-tools .crumbs{margin:0}
.print-tools .hint{margin:0;color:var(--muted);font-size:.88rem;flex-basis:100%}
.doc-sheet{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:20px 16px}
@media(min-width:760px){.doc-sheet{padding:36px 44px}}
.doc-head{text-align:center;margin:0 0 20px}
.doc-head img{height:48px;width:auto;max-width:160px;object-fit:contain}
.doc-zone{margin:4px 0 0;font-size:1.05rem;font-weight:600;letter-spacing:.06em}
.doc-head h1{font-size:1.6rem;letter-spacing:.3em;margin:8px 0 6px}
.doc-no{margin:0;font-variant-numeric:tabular-nums}
.doc-draft{margin:10px 0 0;padding:6px 10px;border:1px dashed #b42318;color:#7a271a;display:inline-block}
.doc-sheet section{margin:0 0 22px}
.doc-sheet h2{font-size:1.1rem;margin:0 0 8px;padding:0 0 4px;border-bottom:2px solid var(--ink)}
.doc-sheet table{border-collapse:collapse;width:100%;font-size:.95rem}
.doc-sheet th,.doc-sheet td{border:1px solid #98a2b3;padding:6px 10px;text-align:left;vertical-align:top;
  word-break:break-word}
.doc-sheet thead th,.doc-sheet tbody th{background:var(--bg);font-weight:600}
.doc-sheet table.kv tbody th{width:9em}
.doc-sheet td.num,.doc-sheet th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.doc-sheet .excerpt{margin:6px 0 0;color:var(--muted);font-size:.92rem}
.doc-sheet .eval{margin:12px 0 0}
.seal{display:grid;grid-template-columns:1fr;gap:12px;margin:14px 0 0}
@media(min-width:640px){.seal{grid-template-columns:1fr 1fr 1fr}}
.seal div{border:1px solid #98a2b3;min-height:120px;padding:8px 10px;display:flex;flex-direction:column;
  justify-content:space-between}
.seal .date{letter-spacing:.5em;text-align:right}
.doc-foot{margin:18px 0 0;color:var(--muted);font-size:.85rem;text-align:right}
/* On a phone the materials table reads as one card per file, each value with its column's name. */
@media screen and (max-width:639px){
.doc-sheet table.rows thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.doc-sheet table.rows tr{display:block;border:1px solid #98a2b3;border-top:0}
.doc-sheet table.rows tr:first-child{border-top:1px solid #98a2b3}
.doc-sheet table.rows td{display:block;border:0;padding:3px 10px}
.doc-sheet table.rows td[data-label]::before{content:attr(data-label) ":";color:var(--muted);margin-right:4px}
.doc-sheet table.kv tbody th{width:6.5em}
}
@media print{
html,body{background:#fff;color:#000;font-size:10.5pt;line-height:1.6}
.skip,header.site,.worknav,footer.site,.print-tools,nav,button,.btn,form{display:none !important}
main,main.wrap{padding:0;margin:0;max-width:none}
.doc-sheet{border:0;border-radius:0;padding:0}
.doc-sheet *{color:#000 !important;background:transparent !important;box-shadow:none !important}
.doc-sheet a{text-decoration:none}
.doc-sheet th,.doc-sheet td,.seal div{border-color:#000}
.doc-sheet thead{display:table-header-group}
/* The promise, the seal and the signature stay together on one page. */
.doc-sheet tr,.doc-sheet li,.seal-section,.doc-sheet .cond,.doc-sheet .steps li{break-inside:avoid;
  page-break-inside:avoid}
.doc-sheet h2,.doc-sheet h3{break-after:avoid;page-break-after:avoid}
.seal{grid-template-columns:1fr 1fr 1fr}
.tag,.verdict,.cite{border-color:#000 !important}
.timeline li{border-left-color:#000}
.timeline li::before{border:1px solid #000}
/* Paper has no screen reader: the word beside each condition's mark is printed. */
.cond .mark{border:1px solid #000}
.cond .outcome{position:static;width:auto;height:auto;overflow:visible;clip:auto}
}
`;
