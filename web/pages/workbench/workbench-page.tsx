/**
 * 工作台 (staff home, /admin): one card per kind of waiting work with its count, how many are late,
 * its oldest few (each one click away) and a link to the full list; an empty card says so.
 * Cards whose work waits come first, so what needs doing is at the top on a phone too.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { CalendarListNote } from "../../components/calendar-note";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { SUBSIDY_STAFF_CSS } from "../subsidies/staff-shared";

export interface WorkbenchItemView {
  id: string;
  /** The number people read (ZB-2026-000123), or null where the kind has none (入驻, 资质). */
  number: string | null;
  title: string;
  detail: string;
  /** Since when it waits (ms): in this stage, lodged, submitted or decided. */
  since: number | null;
  dueOn: string | null;
  overdue: boolean;
  href: string;
}

export interface WorkbenchSectionView {
  key: string;
  title: string;
  count: number;
  /** How many of them are past their due day; null where the kind has no due day. */
  late: number | null;
  listHref: string;
  empty: string;
  /** A sentence on who acts, where it is not this person. */
  note: string | null;
  items: WorkbenchItemView[];
}

interface WorkbenchPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  today: string;
  sections: WorkbenchSectionView[];
}

const WORKBENCH_CSS = `
.wb .cards{display:grid;gap:12px;grid-template-columns:1fr}
@media(min-width:860px){.wb .cards{grid-template-columns:1fr 1fr}}
.wb .cards .panel + .panel{margin-top:0}
.wb .card-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:4px 12px}
.wb .card-head h2{margin:0;font-size:1.1rem}
.wb .count{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums;margin:0}
.wb .count small{font-size:.9rem;font-weight:400;color:var(--muted);margin-left:4px}
.wb ol.items{list-style:none;margin:10px 0 0;padding:0}
.wb ol.items li{border-top:1px solid var(--line);padding:8px 0;overflow-wrap:anywhere}
.wb ol.items a.item{display:inline-flex;align-items:center;min-height:44px;font-weight:600}
.wb .meta{display:block;color:var(--muted);font-size:.88rem}
.wb .all{display:inline-flex;align-items:center;min-height:44px;margin-top:4px}
.wb .empty{color:var(--muted);margin:8px 0 0}
.wb .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wb .who-acts{font-size:.9rem;color:var(--muted);margin:6px 0 0}
`;

function Item({ it }: { it: WorkbenchItemView }) {
  return (
    <li>
      <a class="item" href={it.href}>
        {it.title}
      </a>
      {it.number && <small class="app-no"> 编号 {it.number}</small>}
      <span class="meta">{it.detail}</span>
      <span class="meta">
        {it.since !== null && <>自 {formatTimeZh(new Date(it.since))} 起等待</>}
        {it.dueOn && (
          <>
            {it.since !== null ? " · " : ""}期限 {formatDateZh(it.dueOn)}
          </>
        )}
        {it.overdue && (
          <>
            {" "}
            <span class="tag overdue">已逾期</span>
          </>
        )}
      </span>
    </li>
  );
}

function Card({ s }: { s: WorkbenchSectionView }) {
  const id = `wb-${s.key.replace(/[^a-z0-9-]/g, "-")}`;
  return (
    <section class="panel" aria-labelledby={id} data-kind={s.key}>
      <div class="card-head">
        <h2 id={id}>{s.title}</h2>
        <p class="count" data-count={s.count}>
          {s.count}
          <small>件</small>
          {s.late ? (
            <>
              {" "}
              <span class="tag overdue">{s.late} 件逾期</span>
            </>
          ) : null}
        </p>
      </div>
      {s.note && <p class="who-acts">{s.note}</p>}
      {s.items.length === 0 ? (
        <p class="empty">{s.empty}</p>
      ) : (
        <>
          <ol class="items" aria-label={`${s.title},最早的 ${s.items.length} 件`}>
            {s.items.map((it) => (
              <Item it={it} />
            ))}
          </ol>
          <a class="all" href={s.listHref}>
            {s.count > s.items.length ? `查看全部 ${s.count} 件` : "在列表中查看"}
            <span class="vh">({s.title})</span>
          </a>
        </>
      )}
    </section>
  );
}

export function WorkbenchPage({ zone, nonce, user, today, sections }: WorkbenchPageProps) {
  const waiting = sections.filter((s) => s.count > 0);
  const idle = sections.filter((s) => s.count === 0);
  // Items back after a correction are also counted in their stage's card: counted once here.
  const total = waiting.filter((s) => s.key !== "resubmitted").reduce((sum, s) => sum + s.count, 0);
  return (
    <Layout
      title="工作台"
      zone={zone}
      nonce={nonce}
      user={user}
      current="admin"
      css={SUBSIDY_STAFF_CSS + WORKBENCH_CSS}
    >
      <main id="main" class="wrap sub wb">
        <h1>工作台</h1>
        <p class="lead">
          {total > 0
            ? `${formatDateZh(today)},共有 ${total} 件事项等待办理,最早的排在前面。`
            : `${formatDateZh(today)},没有待处理的事项。`}
        </p>
        <CalendarListNote dues={sections.flatMap((s) => s.items.map((i) => i.dueOn))} from={today} />
        <div class="cards">
          {[...waiting, ...idle].map((s) => (
            <Card s={s} />
          ))}
        </div>
      </main>
    </Layout>
  );
}
