/**
 * The site's stylesheet, inlined into each page under the CSP nonce: one
 * request per page, no asset pipeline. Zone branding arrives as CSS variables.
 */
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#dfe3e8;--bg:#f5f7fa;--card:#fff;--radius:10px;--focus:#1f2933;
font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
  "Source Han Sans SC",sans-serif}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.7;font-size:1rem;-webkit-text-size-adjust:100%}
a{color:var(--primary)}
/* Focus: a dark ring with a white gap, visible on every background of the page (3:1 or more);
   on the coloured header the ring is white. Every control, summary and link gets it; form fields
   whenever they have focus (a date field's focus moves inside it, to its parts and its calendar button). */
:focus-visible,:is(input,select,textarea):is(:focus,:focus-within){outline:3px solid var(--focus);outline-offset:2px;
  box-shadow:0 0 0 2px #fff}
header.site :focus-visible,.worknav :focus-visible{outline-color:#fff;box-shadow:none}
.wrap{max-width:1080px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.site{background:var(--primary);color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 24px;
  padding-top:14px;padding-bottom:14px}
header.site a{color:#fff;text-decoration:none}
.brand strong{display:block;font-size:1.25rem;letter-spacing:.04em}
.brand small{display:block;opacity:.85;font-size:.8rem;letter-spacing:.02em}
nav.main{display:flex;gap:18px;flex-wrap:wrap}
nav.main a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;
  border-bottom:2px solid transparent}
nav.main a[aria-current=page]{border-bottom-color:var(--accent)}
.band{background:linear-gradient(180deg,var(--primary) 0,var(--primary) 40%,var(--bg) 40%);padding:8px 0 0}
.hero{background:var(--card);border-radius:var(--radius);box-shadow:0 2px 12px rgba(15,23,42,.08);padding:24px}
.hero h1{margin:0 0 4px;font-size:1.6rem;line-height:1.35}
.hero p{margin:0;color:var(--muted)}
.hero .hero-actions{margin:16px 0 0}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0 0;padding:0;list-style:none}
.chips li{background:color-mix(in srgb,var(--accent) 14%,#fff);color:var(--ink);border-radius:999px;padding:2px 12px;
  font-size:.9rem}
main{padding:24px 0 40px}
main.wrap{padding:24px 16px 40px}
table.grid{border-collapse:collapse;width:100%;font-size:.92rem}
table.grid th,table.grid td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}
table.grid th{background:var(--bg);white-space:nowrap}
table.grid th.num,table.users th.num{text-align:right}
table.grid td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.grid td small{display:block;color:var(--muted)}
.app-no{display:block;color:var(--muted);font-weight:400;font-variant-numeric:tabular-nums}
form.app-search{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:end;margin:0 0 14px}
form.app-search .field{flex:1 1 16rem;margin:0}
h2.section{font-size:1.2rem;margin:28px 0 12px;padding-left:10px;border-left:4px solid var(--primary)}
.docs{display:grid;gap:14px;grid-template-columns:1fr;list-style:none;margin:0;padding:0}
@media(min-width:760px){.docs{grid-template-columns:1fr 1fr}}
.doc{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px 18px;display:flex;
  flex-direction:column;gap:6px}
.doc h3{margin:0;font-size:1.05rem;line-height:1.5}
.doc h3 a{text-decoration:none;color:var(--ink)}
.doc h3 a:hover{color:var(--primary);text-decoration:underline}
.meta{color:var(--muted);font-size:.88rem;display:flex;flex-wrap:wrap;gap:4px 14px}
.badge{display:inline-block;font-size:.8rem;padding:0 8px;border-radius:4px;background:var(--primary);color:#fff;
  vertical-align:2px}
/* A status word is read whole: never one character per line. */
.badge,.tag,.status,.verdict{white-space:nowrap}
.help{margin-top:28px;background:var(--card);border:1px dashed var(--line);border-radius:var(--radius);
  padding:14px 18px;font-size:.95rem}
.help a{font-weight:600}
article.policy{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:20px}
@media(min-width:760px){article.policy{padding:28px 36px}}
article.policy h1{font-size:1.35rem;line-height:1.5;margin:0 0 8px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:12px 0 20px;font-size:.92rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
article.policy h2{font-size:1.05rem;margin:26px 0 8px;color:var(--primary)}
.clause{margin:0 0 12px;padding:6px 10px;border-radius:6px;white-space:pre-line}
.clause:target{background:color-mix(in srgb,var(--accent) 18%,#fff)}
.clause .no{font-weight:700;margin-right:6px;color:var(--primary);text-decoration:none}
.crumbs{font-size:.88rem;color:var(--muted);margin:0 0 14px}
.crumbs a{color:var(--muted)}
.zones{display:grid;gap:14px;list-style:none;padding:0;margin:0}
@media(min-width:760px){.zones{grid-template-columns:repeat(3,1fr)}}
.zone{background:var(--card);border-radius:var(--radius);border-top:6px solid var(--zc);padding:16px;
  border-left:1px solid var(--line);border-right:1px solid var(--line);border-bottom:1px solid var(--line)}
.zone h2{margin:0;font-size:1.1rem}
.error{background:var(--card);border-radius:var(--radius);padding:28px;text-align:center;border:1px solid var(--line)}
.error .code{font-size:3rem;font-weight:800;color:var(--primary);margin:0}
nav.account{display:flex;flex-wrap:wrap;align-items:center;gap:4px 14px}
nav.account a,nav.account button{min-height:44px;min-width:44px;display:inline-flex;align-items:center;
  justify-content:center}
nav.account a[aria-current=page]{box-shadow:inset 0 -2px 0 var(--accent)}
nav.account form{margin:0}
nav.account button{font:inherit;color:#fff;background:transparent;border:1px solid rgba(255,255,255,.7);
  border-radius:6px;padding:0 14px;cursor:pointer}
nav.account .who{display:inline-flex;align-items:baseline;gap:6px;font-weight:600}
nav.account .who small{font-weight:400;opacity:.85;font-size:.8rem}
.narrow{max-width:480px;padding-top:24px;padding-bottom:40px}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:20px 16px}
@media(min-width:760px){.card{padding:28px 32px}}
.card h1{font-size:1.4rem;line-height:1.4;margin:0 0 16px}
.card > p{margin:0 0 14px}
form.stack{display:flex;flex-direction:column;gap:18px;margin:0}
.field{display:flex;flex-direction:column;gap:4px;min-width:0}
.field label{font-weight:600}
.field .hint{color:var(--muted);font-size:.88rem;margin:0}
.field input{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);background:#fff;
  border:1px solid #8a94a3;border-radius:6px}
.field input[aria-invalid=true]{border:2px solid #b42318}
.field-error{color:#b42318;font-size:.92rem;margin:0}
.check{display:flex;align-items:center;gap:10px;min-height:44px;font-weight:600;cursor:pointer}
.check input{width:22px;height:22px;margin:0;accent-color:var(--primary)}
.btn{min-height:44px;padding:8px 22px;font:inherit;font-weight:600;border-radius:6px;border:1px solid var(--primary);
  background:var(--primary);color:#fff;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;
  justify-content:center}
.btn.secondary{background:#fff;color:var(--primary)}
.btn.danger{background:#fff;color:#b42318;border-color:#b42318}
form.stack .btn{width:100%}
@media(min-width:760px){form.stack .btn{width:auto;align-self:flex-start}}
.alert{border-radius:6px;padding:10px 14px;margin:0 0 16px}
.alert.error{background:#fef3f2;border:1px solid #f04438;color:#7a271a}
.alert.ok{background:#ecfdf3;border:1px solid #32d583;color:#054f31}
.alert.info{background:color-mix(in srgb,var(--accent) 12%,#fff);border:1px solid var(--accent)}
.links{display:flex;flex-wrap:wrap;gap:0 18px;margin:14px 0 0}
.links a{display:inline-flex;align-items:center;min-height:44px;min-width:44px}
/* width:0 + min-width:100%: a wide table scrolls inside its box instead of widening a grid column
   (and with it the page) on a phone. */
.table-scroll{overflow-x:auto;width:0;min-width:100%;background:var(--card);border:1px solid var(--line);
  border-radius:var(--radius)}
table.users{border-collapse:collapse;width:100%;font-size:.92rem}
table.users th,table.users td{text-align:left;vertical-align:top;padding:10px 12px;border-bottom:1px solid var(--line)}
table.users th{background:var(--bg);white-space:nowrap}
table.users td small{display:block;color:var(--muted)}
table.users td.num{text-align:right;font-variant-numeric:tabular-nums}
.row-actions{display:flex;flex-wrap:wrap;gap:6px}
.row-actions form{margin:0}
.row-actions .btn{font-size:.88rem;padding:6px 12px;font-weight:500}
.secret-link{display:block;user-select:all;word-break:break-all;background:var(--bg);border:1px dashed var(--primary);
  border-radius:6px;padding:10px 12px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;margin:0 0 14px}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:18px 0 28px}
/* work navigation (signed in) */
.worknav{background:color-mix(in srgb,var(--primary) 88%,#000);}
.worknav .wrap{display:flex;flex-wrap:wrap;gap:0 18px;padding-top:2px;padding-bottom:2px}
.worknav a{color:#fff;text-decoration:none;font-size:.92rem;min-height:44px;min-width:44px;display:inline-flex;
  align-items:center;justify-content:center}
.worknav a:hover{text-decoration:underline}
.worknav a[aria-current=page]{box-shadow:inset 0 -3px 0 var(--accent);font-weight:600}
/* 大字版 switch, in the header; shown only where the script that works it runs. */
.textsize{display:none;min-height:44px;min-width:44px;align-items:center;justify-content:center;font:inherit;
  color:#fff;background:transparent;border:1px solid rgba(255,255,255,.7);border-radius:6px;padding:0 12px;
  cursor:pointer}
html.js .textsize{display:inline-flex}
.textsize[aria-pressed=true]{background:#fff;color:var(--primary);font-weight:700}
/* Tap targets: summaries, and links and buttons in table rows, are 44 px or more. */
summary{min-height:44px;cursor:pointer}
table td a,table th a,table td button{display:inline-flex;align-items:center;min-height:44px;min-width:44px}
.pager a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px}
/* Error summary at the top of a refused form: each wrong field is a link that moves focus to it. */
.error-summary p{margin:0;font-weight:700}
.error-summary ul{margin:6px 0 0;padding-left:1.2em}
.error-summary li{margin:2px 0}
.error-summary a{color:#7a271a;font-weight:600;display:inline-flex;align-items:center;min-height:44px}
.error-summary:focus{outline:3px solid var(--focus);outline-offset:2px}
/* Tables of several columns read as one card per row on phones, each value after its column's
   name (td data-label), so no column, and no action, is pushed off-screen. */
@media(max-width:719px){
table.stack{display:block}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.stack tbody{display:block}
table.stack tr{display:block;padding:8px 0;border-bottom:1px solid var(--line)}
table.stack td,table.stack tbody th{display:block;border:0;padding:2px 12px;text-align:left;white-space:normal}
table.stack tbody th{font-size:1rem}
table.stack tbody td:first-child:not([data-label]){font-weight:600}
table.stack tbody td:first-child:not([data-label]) small{font-weight:400}
table.stack td[data-label]::before{content:attr(data-label) ":";color:var(--muted);font-size:.88rem;margin-right:4px}
table.stack td.num{text-align:left}
}
/* 大字版 (MIIT 适老化): everything sized in rem grows by a quarter, smaller print is lifted to
   18 px at least, lines open up. The class is set on <html> before first paint (layout's head script). */
html.large{font-size:20px}
html.large body{line-height:1.8}
html.large :is(h1,h2,h3,h4){line-height:1.5}
html.large :is(small,.hint,.meta,.crumbs,.badge,.tag,.status,.cite,.brand small,nav.account .who small,footer.site,
  .version-note,.tl-meta,.tl-stage,.field .hint,.ent .facts dt,.sub .tag,.fin .tag,.pol .tag,.ent .tag,
  .fin .cond-verdict,.row-actions .btn,.pol .path,.prog .src,.calc .echo,.diff .fields,ol.timeline .when,
  .pol .field textarea){font-size:18px}
html.large table.stack td[data-label]::before{font-size:18px}
`;
