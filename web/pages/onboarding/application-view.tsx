/** An application as read-only parts: every field, the materials, the timeline. Used by the applicant and by staff. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { ApplicationView } from "./view-types";
import { formatDateZh } from "../../format";
import { formatTimeZh } from "../auth/labels";
import { formatMoney } from "../../../worker/lib/money";
import { EVENT_LABEL, formatSize, industryName, materialKindName, qualificationName, STATUS_LABEL } from "./labels";

export function StatusBadge({ status }: { status: ApplicationView["status"] }) {
  return <span class={`status ${status}`}>{STATUS_LABEL[status]}</span>;
}

export function ApplicationFacts({ zone, app }: { zone: ZoneConfig; app: ApplicationView }) {
  return (
    <dl class="facts wide">
      <dt>企业名称</dt>
      <dd>{app.companyName}</dd>
      <dt>统一社会信用代码</dt>
      <dd>{app.uscc}</dd>
      <dt>法定代表人</dt>
      <dd>{app.legalRep}</dd>
      <dt>成立日期</dt>
      <dd>{formatDateZh(app.registeredOn)}</dd>
      <dt>注册资本</dt>
      <dd>{formatMoney(app.registeredCapitalFen)}</dd>
      <dt>注册地址</dt>
      <dd>{app.address}</dd>
      <dt>所属重点产业</dt>
      <dd>{industryName(zone, app.industry)}</dd>
      <dt>国民经济行业代码</dt>
      <dd>{app.industryClass}</dd>
      <dt>员工人数</dt>
      <dd>{app.employees} 人</dd>
      <dt>联系人</dt>
      <dd>{app.contactName}</dd>
      <dt>联系人手机</dt>
      <dd>{app.contactMobile}</dd>
      <dt>联系人邮箱</dt>
      <dd>{app.contactEmail}</dd>
      <dt>申报资质</dt>
      <dd>
        {app.qualifications.length === 0
          ? "无"
          : app.qualifications.map((q) => (
              <div>
                {qualificationName(zone, q.code)}
                {q.certificateNo ? `,证书编号 ${q.certificateNo}` : ""}
                {q.issuedOn ? `,发证日期 ${formatDateZh(q.issuedOn)}` : ""}
              </div>
            ))}
      </dd>
    </dl>
  );
}

export function MaterialList({ zone, app }: { zone: ZoneConfig; app: ApplicationView }) {
  if (app.materials.length === 0) return <p>没有上传材料。</p>;
  return (
    <ul class="materials">
      {app.materials.map((m) => (
        <li>
          {materialKindName(zone, m.kind)}:
          <a href={m.url} target="_blank" rel="noopener">
            {m.filename}
          </a>
          ({formatSize(m.size)})
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ app }: { app: ApplicationView }) {
  return (
    <ol class="timeline">
      {app.events.map((ev) => (
        <li>
          <strong>{EVENT_LABEL[ev.action] ?? ev.action}</strong>{" "}
          <span class="when">
            <time datetime={ev.at}>{formatTimeZh(ev.at)}</time> · {ev.actor}
          </span>
          {ev.comment && <blockquote>{ev.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
