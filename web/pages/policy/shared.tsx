/**
 * What the policy pages share: their stylesheet, the version line, a notice, and the excerpt marked inside its
 * clause.
 */
import { EVALUATION_CSS } from "../../components/evaluation";
import { formatDateZh } from "../../format";

/** The version in force, as the pages show it. */
export interface VersionLine {
  id: number;
  label: string;
  effectiveFrom: string;
}

export function VersionNote({ version }: { version: VersionLine }) {
  return (
    <p class="version-note">
      现行政策:第{version.id}版({version.label}),
      <time datetime={version.effectiveFrom}>{formatDateZh(version.effectiveFrom)}</time>起施行
    </p>
  );
}

export type Notice = { kind: "ok" | "error" | "info"; message: string };

export function NoticeBox({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return (
    <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
      {notice.message}
    </div>
  );
}

/**
 * The clause split around its excerpt, so the award's sentences can be marked.
 * Excerpts are verbatim but the documents keep the seed's line breaks, so the
 * match ignores whitespace; null when the excerpt is not found.
 */
export function splitExcerpt(text: string, excerpt: string): [string, string, string] | null {
  const at: number[] = [];
  let squashed = "";
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    squashed += text[i];
    at.push(i);
  }
  const needle = excerpt.replace(/\s+/g, "");
  const found = needle ? squashed.indexOf(needle) : -1;
  if (found < 0) return null;
  const start = at[found]!;
  const end = at[found + needle.length - 1]! + 1;
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

export function ClauseText({ text, excerpt }: { text: string; excerpt: string }) {
  const parts = splitExcerpt(text, excerpt);
  if (!parts) return <p class="clause-text">{text}</p>;
  return (
    <p class="clause-text">
      {parts[0]}
      <mark>{parts[1]}</mark>
      {parts[2]}
    </p>
  );
}

export const POLICY_CSS = `${EVALUATION_CSS}
.pol .badge.expired{background:#b42318}
.pol h1{font-size:1.45rem;line-height:1.4;margin:0 0 6px}
.pol h2{font-size:1.15rem;margin:0 0 10px}
.pol section{margin:0 0 24px}
.pol .lead{color:var(--muted);margin:0 0 14px}
.version-note{color:var(--muted);font-size:.88rem;margin:0 0 16px}
.pol .panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px}
@media(min-width:760px){.pol .panel{padding:20px 24px}}
.pol .search{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 18px}
@media(min-width:720px){.pol .search{grid-template-columns:1fr auto}}
.pol .field select,.pol .field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);
  background:#fff;border:1px solid #8a94a3;border-radius:6px}
.pol .field select[aria-invalid=true]{border:2px solid #b42318}
.pol .field textarea{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;line-height:1.5}
.pol .cats{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 18px;padding:0;list-style:none}
.pol .cats a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;
  padding:0 12px;border-radius:999px;border:1px solid var(--line);background:var(--card);text-decoration:none;
  color:var(--ink);font-size:.9rem}
.pol .cats a[aria-current=true]{background:var(--primary);border-color:var(--primary);color:#fff}
.progs{display:grid;gap:12px;grid-template-columns:1fr;list-style:none;margin:0;padding:0}
@media(min-width:760px){.progs{grid-template-columns:1fr 1fr}}
.prog{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:14px 16px;display:flex;
  flex-direction:column;gap:6px}
.prog h3,.prog h4{margin:0;font-size:1.05rem;line-height:1.5}
.prog h3 a,.prog h4 a{color:var(--ink);text-decoration:none}
.prog h3 a:hover,.prog h4 a:hover{color:var(--primary);text-decoration:underline}
.prog p{margin:0}
.prog .amount{font-weight:600}
.prog .who{color:var(--muted);font-size:.9rem}
.prog .src{font-size:.85rem;color:var(--muted)}
.prog .row{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.pol .empty{background:var(--card);border:1px dashed var(--line);border-radius:var(--radius);padding:20px;
  text-align:center}
.pol dl.kv{display:grid;grid-template-columns:1fr;gap:2px 16px;margin:0}
@media(min-width:720px){.pol dl.kv{grid-template-columns:max-content 1fr}}
.pol dl.kv dt{color:var(--muted);font-size:.9rem}
.pol dl.kv dd{margin:0 0 8px}
.clause-text{white-space:pre-line;margin:0;line-height:1.9}
.clause-text mark{background:color-mix(in srgb,var(--accent) 30%,#fff);padding:1px 0}
.pol ul.list{margin:0;padding-left:1.2em}
.pol ul.list li{margin:0 0 4px}
.calc{display:grid;gap:16px;grid-template-columns:1fr}
@media(min-width:900px){.calc{grid-template-columns:minmax(0,5fr) minmax(0,6fr);align-items:start}}
.calc form{display:flex;flex-direction:column;gap:14px}
.calc .echo{color:var(--primary);font-size:.88rem;margin:0}
.calc .actions{display:flex;flex-wrap:wrap;gap:8px}
.result{min-height:120px}
.result > h3{margin:0 0 10px}
@media(min-width:900px){.result{position:sticky;top:12px}}
.result:target{outline:3px solid var(--accent);outline-offset:4px}
.pol .jump{margin:8px 0 0}
.pol .panel + .panel{margin-top:14px}
.pol .calc > .panel{margin-top:0}
.calc form > .hint{margin:0;color:var(--muted);font-size:.9rem}
.pol small.who{color:var(--muted)}
.pol .path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
.pol .tag{display:inline-block;font-size:.8rem;border-radius:4px;padding:0 6px;border:1px solid var(--line)}
.pol .tag.current{background:#ecfdf3;border-color:#32d583}
.pol .tag.scheduled{background:#fffaeb;border-color:#fdb022}
.pol details{border-top:1px solid var(--line);padding:8px 0 0;margin:8px 0 0}
.pol summary{cursor:pointer;min-height:44px;color:var(--primary)}
.pol .counts{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9rem;color:var(--muted);margin:0}
.diff{margin:0;padding:0;list-style:none}
.diff > li{border-top:1px solid var(--line);padding:8px 0}
.diff .before{background:#fef3f2;text-decoration:line-through;word-break:break-all}
.diff .after{background:#ecfdf3;word-break:break-all}
.diff .fields{margin:4px 0 0;padding-left:1.2em;font-size:.88rem}
`;
