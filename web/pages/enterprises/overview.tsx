/**
 * The sections of one enterprise's overview, shared by the member's own page
 * (with edit links and member actions) and the staff's read-only detail page.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { EnterpriseOverview } from "./view-types";
import { formatMoney, moneyUnit } from "../../../worker/lib/money";
import { formatDateZh } from "../../format";
import { formatTimeZh } from "../auth/labels";
import {
  displayValue,
  ENTERPRISE_STATUS_LABEL,
  FIELD_LABEL,
  industryName,
  QUALIFICATION_STATUS_LABEL,
  subjectLabel,
  wanOrDash,
} from "./labels";

/** Whose page the sections are on: the member's own (with its actions) or staff's read-only view. */
export type Mode = { kind: "member"; selfId: string } | { kind: "staff" };

const Fact = ({ label, value }: { label: string; value: string | number | null }) => (
  <div>
    <dt>{label}</dt>
    <dd>{value === null || value === "" ? "—" : value}</dd>
  </div>
);

export function ProfileSection({ zone, o, mode }: { zone: ZoneConfig; o: EnterpriseOverview; mode: Mode }) {
  const e = o.enterprise;
  return (
    <section aria-labelledby="s-profile">
      <h2 id="s-profile">企业资料</h2>
      <dl class="facts">
        <Fact label="企业名称" value={e.name} />
        <Fact label="统一社会信用代码" value={e.uscc} />
        <Fact label="法定代表人" value={e.legalRep} />
        <Fact label="注册日期" value={e.registeredOn ? formatDateZh(e.registeredOn) : null} />
        <Fact label="注册资本" value={e.registeredCapitalFen === null ? null : formatMoney(e.registeredCapitalFen)} />
        <Fact label="状态" value={ENTERPRISE_STATUS_LABEL[e.status]} />
        <Fact label="地址" value={e.address} />
        <Fact label="重点产业" value={industryName(zone, e.industry)} />
        <Fact label="行业代码" value={e.industryClass} />
        <Fact label="员工人数" value={e.employees} />
        <Fact label="联系人" value={e.contactName} />
        <Fact label="联系电话" value={e.contactMobile} />
        <Fact label="联系邮箱" value={e.contactEmail} />
      </dl>
      {mode.kind === "member" && (
        <>
          <p class="note">
            企业名称、统一社会信用代码、法定代表人和注册信息由园区核实,不能在这里修改;如有变更,请联系园区管理员(
            {zone.contact.phone})。
          </p>
          <div class="actions">
            <a class="btn secondary" href="/enterprise/profile">
              修改联系信息
            </a>
          </div>
        </>
      )}
    </section>
  );
}

export function QualificationsSection({ o, mode }: { o: EnterpriseOverview; mode: Mode }) {
  return (
    <section aria-labelledby="s-quals">
      <h2 id="s-quals">资质</h2>
      {o.qualifications.length === 0 ? (
        <p>还没有申报资质。</p>
      ) : (
        <div class="table-scroll">
          <table class="grid stack">
            <thead>
              <tr>
                <th scope="col">资质</th>
                <th scope="col">证书编号</th>
                <th scope="col">有效期</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {o.qualifications.map((q) => (
                <tr>
                  <td data-label="资质">{q.name}</td>
                  <td data-label="证书编号">
                    {q.certificateNo ?? "—"}
                    {q.certificateId && (
                      <small>
                        <a href={`/materials/${q.certificateId}`} target="_blank" rel="noopener">
                          查看证书
                        </a>
                      </small>
                    )}
                  </td>
                  <td data-label="有效期">
                    {q.issuedOn || q.validUntil
                      ? `${q.issuedOn ? formatDateZh(q.issuedOn) : "—"} 至 ` +
                        `${q.validUntil ? formatDateZh(q.validUntil) : "—"}`
                      : "—"}
                  </td>
                  <td data-label="状态">
                    <span class={`tag ${q.status}`}>{QUALIFICATION_STATUS_LABEL[q.status]}</span>{" "}
                    {q.status === "verified" && q.expired && <span class="tag expired">已过期</span>}
                    {q.reviewNote && <small>{q.reviewNote}</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mode.kind === "member" && (
        <>
          <p class="note">新申报或更新资质(如换发证书)都要经园区审核;审核通过前,已核实的资质保持不变。</p>
          <div class="actions">
            <a class="btn secondary" href="/enterprise/qualifications/new">
              申报资质
            </a>
          </div>
        </>
      )}
    </section>
  );
}

export function FiguresSection({ o, mode }: { o: EnterpriseOverview; mode: Mode }) {
  return (
    <section aria-labelledby="s-figures">
      <h2 id="s-figures">年度经营数据</h2>
      {o.figures.length === 0 ? (
        <p>还没有填报年度数据。</p>
      ) : (
        <div class="table-scroll">
          <table class="grid stack">
            <caption class="skip">年度经营数据,金额单位:万元</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col" class="num">
                  营业收入
                </th>
                <th scope="col" class="num">
                  研发费用
                </th>
                <th scope="col" class="num">
                  研发费用加计扣除额
                </th>
                <th scope="col" class="num">
                  纳税额
                </th>
                <th scope="col" class="num">
                  员工
                </th>
                <th scope="col" class="num">
                  研发人员
                </th>
                <th scope="col" class="num">
                  出口额
                </th>
                <th scope="col" class="num">
                  发明专利(申请/授权/有效)
                </th>
                {mode.kind === "member" && <th scope="col">操作</th>}
              </tr>
            </thead>
            <tbody>
              {o.figures.map((f) => (
                <tr>
                  <th scope="row">{f.year}</th>
                  <td class="num" data-label="营业收入">
                    {wanOrDash(f.revenueFen)}
                  </td>
                  <td class="num" data-label="研发费用">
                    {wanOrDash(f.rdExpenseFen)}
                  </td>
                  <td class="num" data-label="研发费用加计扣除额">
                    {wanOrDash(f.rdSuperDeductionFen)}
                  </td>
                  <td class="num" data-label="纳税额">
                    {wanOrDash(f.taxPaidFen)}
                  </td>
                  <td class="num" data-label="员工">
                    {f.employees ?? "—"}
                  </td>
                  <td class="num" data-label="研发人员">
                    {f.rdStaff ?? "—"}
                  </td>
                  <td class="num" data-label="出口额">
                    {wanOrDash(f.exportsFen)}
                  </td>
                  <td class="num" data-label="发明专利(申请/授权/有效)">
                    {[f.inventionPatentsFiled, f.inventionPatentsGranted, f.validInventionPatents]
                      .map((v) => v ?? "—")
                      .join(" / ")}
                  </td>
                  {mode.kind === "member" && (
                    <td>
                      <a href={`/enterprise/figures?year=${f.year}`}>修改</a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mode.kind === "member" && (
        <div class="actions">
          <a class="btn secondary" href="/enterprise/figures">
            填报年度数据
          </a>
        </div>
      )}
    </section>
  );
}

export function HistorySection({ zone, o }: { zone: ZoneConfig; o: EnterpriseOverview }) {
  return (
    <section aria-labelledby="s-history">
      <h2 id="s-history">变更记录</h2>
      {o.history.length === 0 ? (
        <p>暂无变更。</p>
      ) : (
        <ol class="history">
          {o.history.map((h) => {
            const before = (h.before ? JSON.parse(h.before) : {}) as Record<string, unknown>;
            const after = (h.after ? JSON.parse(h.after) : {}) as Record<string, unknown>;
            // Only labelled fields: ids and bookkeeping keys (withdrawn, certificateMaterialId, …) are not for people.
            const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k in FIELD_LABEL);
            return (
              <li>
                <time datetime={new Date(h.at).toISOString()}>{formatTimeZh(new Date(h.at))}</time> · {h.actor} ·{" "}
                {subjectLabel(h.subject)}:{"createdFromApplication" in after && " 入驻申请通过,建立企业档案;"}
                {keys.map((k) => {
                  // A before → after pair of amounts reads in one unit.
                  const unit = moneyUnit(...[before[k], after[k]].filter((v): v is number => typeof v === "number"));
                  const from = h.before ? `${displayValue(zone, k, before[k], unit)} → ` : "";
                  return ` ${FIELD_LABEL[k]} ${from}${displayValue(zone, k, after[k], unit)};`;
                })}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
