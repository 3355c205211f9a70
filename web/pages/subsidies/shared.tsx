/**
 * What every 政策兑现 page shares, the enterprise's and the staff's: the status
 * tag, the amount in one phrase, the timeline in words, the notice box and the
 * stylesheet. Money is integer fen shown with formatMoney; times are Beijing time.
 *
 * The timeline is told to one of two audiences: staff see who acted; the
 * enterprise sees its own colleagues by address and everyone else as 园区,
 * 系统 or 公众 (never who lodged an objection, never which reviewer).
 */
import { Textarea } from "../../components/form";
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyEventRow, SubsidyStatus } from "../../../worker/db/schema";
import { STATUS_ZH } from "../../labels/subsidies";
import { formatMoney, formatMoneyRange, type MoneyUnit } from "../../../worker/lib/money";
import { EVALUATION_CSS } from "../../components/evaluation";
import { formatTimeZh } from "../auth/labels";

export type Notice = { kind: "ok" | "error" | "info"; message: string };

export function NoticeBox({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return (
    <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
      {notice.message}
    </div>
  );
}

const stageName = (zone: ZoneConfig, key: string | null): string | null =>
  zone.subsidy.stages.find((s) => s.key === key)?.zh ?? null;

/**
 * In review or returned at a stage the zone has since removed from its review flow (园区设置).
 * Staff read which stage and move it on; the enterprise reads 审核中 and REARRANGING, never the
 * removed stage's code: nothing is asked of it until the zone has moved the application.
 */
export function inRemovedStage(zone: ZoneConfig, status: SubsidyStatus, stage: string | null): boolean {
  return (status === "in_review" || status === "returned") && stage !== null && stageName(zone, stage) === null;
}

/** What the enterprise reads about an application in a removed stage. */
export const REARRANGING = "园区正在调整审核环节,这份申报暂时停在原处,调整完成后园区会继续办理。";

/** The status in words, naming the stage while it is in review or returned from one. */
function statusText(zone: ZoneConfig, status: SubsidyStatus, stage: string | null, forEnterprise: boolean): string {
  if (forEnterprise && inRemovedStage(zone, status, stage)) return STATUS_ZH.in_review;
  const zh = stageName(zone, stage);
  if (status === "in_review" && zh) return `${zh}中`;
  if (status === "returned" && zh) return `退回补正(${zh})`;
  return STATUS_ZH[status];
}

export function StatusTag({
  zone,
  status,
  stage,
  audience = "staff",
}: {
  zone: ZoneConfig;
  status: SubsidyStatus;
  stage: string | null;
  audience?: "staff" | "enterprise";
}) {
  const enterprise = audience === "enterprise";
  // An application waiting on the zone's rearrangement looks like one in review to its enterprise.
  const shown = enterprise && inRemovedStage(zone, status, stage) ? "in_review" : status;
  return <span class={`tag st-${shown}`}>{statusText(zone, status, stage, enterprise)}</span>;
}

/**
 * An application's amount: the figure, the review range, or that review sets it.
 * `unit` keeps a table column in one unit.
 */
export function amountPhrase(
  a: { amountFen: number | null; rangeMinFen?: number | null; rangeMaxFen?: number | null },
  unit?: MoneyUnit,
): string {
  if (a.amountFen !== null) return formatMoney(a.amountFen, { unit });
  if (a.rangeMaxFen != null) return `${formatMoneyRange(a.rangeMinFen ?? 0, a.rangeMaxFen, { unit })}(评审确定)`;
  return "评审确定";
}

const EVENT_TEXT: Record<string, string> = {
  created: "创建草稿",
  submitted: "提交申报",
  resubmitted: "补正后重新提交",
  passed: "通过",
  returned: "退回补正",
  rejected: "驳回",
  publicity_started: "开始公示",
  objection: "收到公示异议",
  objection_dismissed: "异议不成立,继续公示",
  objection_upheld: "异议成立",
  advanced: "公示期满,自动进入下一环节",
  awarded: "批准拨付",
  paid: "登记拨付",
  withdrawn: "撤回",
  comment: "园区意见",
  member_comment: "企业留言",
  stage_moved: "移至现有环节",
  interest_confirmed: "放款银行确认已付利息",
};

/** What the enterprise's own people do; every other step is the zone's (or the clock's, or the public's). */
const ENTERPRISE_ACTIONS = new Set(["created", "submitted", "resubmitted", "withdrawn", "member_comment"]);

function actorText(e: SubsidyEventRow, audience: "staff" | "enterprise"): string {
  if (e.actor === "system") return "系统";
  if (e.actor === "public") return "公众";
  if (audience === "staff" || ENTERPRISE_ACTIONS.has(e.action)) return e.actor;
  if (e.action === "interest_confirmed") return "放款银行";
  return "园区";
}

/** Every step, oldest first: what happened, between which stages, the amount, who, when, and the comment. */
export function Timeline({
  zone,
  events,
  audience = "staff",
}: {
  zone: ZoneConfig;
  events: readonly SubsidyEventRow[];
  audience?: "staff" | "enterprise";
}) {
  return (
    <ol class="timeline">
      {events.map((e) => {
        // A stage the zone has since removed shows by its key to staff (the event's note names it);
        // the enterprise is not shown a code it cannot read.
        const byKey = audience === "staff";
        const from = stageName(zone, e.stage) ?? (byKey ? e.stage : null);
        const to = stageName(zone, e.toStage) ?? (byKey ? e.toStage : null);
        return (
          <li>
            <p class="tl-head">
              <strong>{EVENT_TEXT[e.action] ?? e.action}</strong>
              {from && <span class="tl-stage">{from}</span>}
              {to && <span class="tl-stage">→ {to}</span>}
              {e.amountFen !== null && <span class="tl-amount">{formatMoney(e.amountFen)}</span>}
            </p>
            <p class="tl-meta">
              <time datetime={new Date(e.at).toISOString()}>{formatTimeZh(new Date(e.at))}</time> ·{" "}
              {actorText(e, audience)}
            </p>
            {e.note && <p class="tl-note">{e.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export const SUBSIDY_CSS = `${EVALUATION_CSS}
.sub h1{font-size:1.4rem;line-height:1.4;margin:0 0 6px}
.sub h2{font-size:1.12rem;margin:0 0 10px}
.sub section{margin:0 0 24px}
.sub .lead{color:var(--muted);margin:0 0 14px}
.sub .panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px}
@media(min-width:760px){.sub .panel{padding:20px 24px}}
.sub .panel + .panel{margin-top:12px}
.sub .tag{display:inline-block;font-size:.82rem;border-radius:4px;padding:0 6px;border:1px solid var(--line);
  white-space:nowrap}
.sub .tag.st-in_review{background:#eff8ff;border-color:#53b1fd}
.sub .tag.st-returned{background:#fffaeb;border-color:#fdb022}
.sub .tag.st-awarded,.sub .tag.st-paid{background:#ecfdf3;border-color:#32d583}
.sub .tag.st-rejected,.sub .tag.overdue{background:#fef3f2;border-color:#f04438;color:#7a271a}
.sub .field select,.sub .field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);
  background:#fff;border:1px solid #8a94a3;border-radius:6px}
.sub .field [aria-invalid=true]{border:2px solid #b42318}
.sub dl.kv{display:grid;grid-template-columns:1fr;gap:2px 16px;margin:0}
@media(min-width:720px){.sub dl.kv{grid-template-columns:max-content 1fr}}
.sub dl.kv dt{color:var(--muted);font-size:.9rem}
.sub dl.kv dd{margin:0 0 8px;word-break:break-all}
.sub .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sub .cols{display:grid;gap:16px;grid-template-columns:1fr}
@media(min-width:960px){.sub .cols{grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:start}}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{border-left:3px solid var(--line);padding:0 0 12px 14px;position:relative}
.timeline li::before{content:"";position:absolute;left:-7px;top:8px;width:11px;height:11px;border-radius:50%;
  background:var(--primary)}
.timeline p{margin:0}
.tl-head{display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline}
.tl-stage,.tl-meta{color:var(--muted);font-size:.88rem}
.tl-amount{font-weight:600;font-variant-numeric:tabular-nums}
.tl-note{background:var(--bg);border-radius:6px;padding:4px 10px;margin-top:4px !important;white-space:pre-line}
`;

/** A comment on the timeline (staff: 园区意见, shown to the enterprise; members: 留言 to the zone). */
export function CommentForm({
  action,
  label,
  hint,
  value,
  error,
}: {
  action: string;
  label: string;
  hint: string;
  value?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <form method="post" action={action} class="comment-form">
      <Textarea name="text" id="f-comment" label={label} hint={hint} maxlength={1000} value={value} error={error} />
      <button type="submit" class="btn secondary">
        发送
      </button>
    </form>
  );
}
