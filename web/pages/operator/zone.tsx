/**
 * One zone in the console: what the control plane holds, figures from its database, and the
 * operator's actions — 暂停 / 恢复 (asked to confirm), custom hostnames, the first admin's link.
 */
import { FormAlert, Input, type FormErrors, type FormValues } from "../../components/form";
import { formatTimeZh } from "../auth/labels";
import { ConsoleShell, type OperatorHeader } from "./shell";
import { hostnameForDisplay } from "./hostname-label";
import { PROVISION_STEP_LABEL, TENANT_STATUS_LABEL, templateLabel } from "./labels";
import type { ZoneListRow } from "./zones";

export interface ZoneDetail extends ZoneListRow {
  nameEn: string;
  phone: string;
  template: string;
  createdAt: string;
  provisionStep: string | null;
  provisionError: string | null;
}

export interface ZonePageProps {
  nonce: string | undefined;
  operator: OperatorHeader;
  zone: ZoneDetail;
  notice?: { kind: "ok" | "error"; message: string } | undefined;
  /** Which form the errors belong to. */
  form?: { name: "hostname" | "admin"; values: FormValues; errors: FormErrors };
}

export function ZonePage({ nonce, operator, zone, notice, form }: ZonePageProps) {
  const base = `/console/zones/${zone.slug}`;
  // A field's message shows under the field and in the summary's link; the summary's own line
  // then says what to do rather than repeating it a third time.
  const errorsOf = (name: "hostname" | "admin"): FormErrors | undefined => {
    if (form?.name !== name) return undefined;
    const { message, fields } = form.errors;
    return fields && Object.keys(fields).length > 0 ? { fields } : { message };
  };
  return (
    <ConsoleShell title={zone.nameZh} nonce={nonce} operator={operator} current="zones">
      <main id="main" class="wrap">
        <p class="crumbs">
          <a href="/console">园区列表</a> / {zone.nameZh}
        </p>
        <h1>
          {zone.nameZh} <span class={`badge status-${zone.status}`}>{TENANT_STATUS_LABEL[zone.status]}</span>
        </h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        <dl class="facts">
          <dt>园区标识</dt>
          <dd>{zone.slug}</dd>
          <dt>英文名称</dt>
          <dd>{zone.nameEn}</dd>
          <dt>地区</dt>
          <dd>{zone.region}</dd>
          <dt>咨询电话</dt>
          <dd>{zone.phone}</dd>
          <dt>模板</dt>
          <dd>{templateLabel(zone.template)}</dd>
          <dt>网址</dt>
          <dd>
            <a href={`${zone.origin}/`}>{zone.origin}</a>
          </dd>
          <dt>创建时间</dt>
          <dd>
            <time datetime={zone.createdAt}>{formatTimeZh(zone.createdAt)}</time>
          </dd>
          <dt>数据库版本</dt>
          <dd>{zone.stats?.schemaVersion ?? "—"}</dd>
          <dt>用户 / 企业</dt>
          <dd>{zone.stats ? `${zone.stats.users} / ${zone.stats.enterprises}` : "—"}</dd>
          <dt>最近活动</dt>
          <dd>
            {zone.stats?.lastActivityAt ? (
              <time datetime={zone.stats.lastActivityAt}>{formatTimeZh(zone.stats.lastActivityAt)}</time>
            ) : (
              "—"
            )}
          </dd>
          {zone.status === "provisioning" && (
            <>
              <dt>开通进度</dt>
              <dd>
                停在“{stepLabel(zone.provisionStep)}”这一步
                {zone.provisionError && <small>(错误:{zone.provisionError})</small>}
              </dd>
            </>
          )}
        </dl>

        <h2 class="section">服务状态</h2>
        <StatusAction base={base} zone={zone} />

        <h2 class="section">自有域名</h2>
        <p>园区自己的域名(如 yuanqu.example.gov.cn)登记后,经 Cloudflare for SaaS 指向平台,即可用它访问本园区。</p>
        {zone.hostnames.length === 0 ? (
          <p>还没有登记自有域名。</p>
        ) : (
          <ul class="hostnames">
            {zone.hostnames.map((h) => {
              const shown = hostnameForDisplay(h);
              return (
                <li class="console-actions">
                  <span>
                    {shown}
                    {shown !== h && <small>(DNS 中写作 {h})</small>}
                  </span>
                  <form
                    method="post"
                    action={`${base}/hostnames/remove`}
                    data-confirm={`确定移除域名 ${shown}?移除后这个域名将无法访问本园区。`}
                  >
                    <input type="hidden" name="hostname" value={h} />
                    <button class="btn danger" type="submit" aria-label={`移除域名 ${shown}`}>
                      移除
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
        <form class="stack" method="post" action={`${base}/hostnames`} novalidate>
          <FormAlert errors={errorsOf("hostname")} />
          <Input
            name="hostname"
            label="添加自有域名"
            hint="完整域名,不带 http:// 和路径;中文域名会自动转换"
            value={form?.name === "hostname" ? form.values.hostname : undefined}
            error={errorsOf("hostname")?.fields?.hostname}
            maxlength={253}
            autocapitalize="none"
          />
          <button class="btn secondary" type="submit">
            添加域名
          </button>
        </form>

        <h2 class="section">园区管理员</h2>
        <p>
          为园区的首位管理员创建账号,并生成一次性的设置密码链接(60 分钟内有效)。链接只显示一次,请当面或电话交给本人。
          {"填写已有园区管理员的邮箱时不会新建账号,只为其生成新的链接(例如管理员忘了密码又收不到重置邮件)。"}
        </p>
        <form class="stack" method="post" action={`${base}/admins`} novalidate>
          <FormAlert errors={errorsOf("admin")} />
          <Input
            name="name"
            label="管理员姓名"
            value={form?.name === "admin" ? form.values.name : undefined}
            error={errorsOf("admin")?.fields?.name}
            maxlength={50}
          />
          <Input
            name="email"
            label="管理员邮箱"
            type="email"
            value={form?.name === "admin" ? form.values.email : undefined}
            error={errorsOf("admin")?.fields?.email}
            autocapitalize="none"
          />
          <button class="btn secondary" type="submit">
            发放设置密码链接
          </button>
        </form>
      </main>
    </ConsoleShell>
  );
}

function stepLabel(step: string | null): string {
  return step === null ? "—" : (PROVISION_STEP_LABEL[step] ?? step);
}

function StatusAction({ base, zone }: { base: string; zone: ZoneDetail }) {
  if (zone.status === "provisioning")
    return <p>园区还在开通中。到“创建园区”用同一园区标识再次提交,即可从失败的步骤继续。</p>;
  if (zone.status === "active")
    return (
      <form
        class="console-actions"
        method="post"
        action={`${base}/suspend`}
        data-confirm={`确定暂停${zone.nameZh}?暂停后该园区的所有页面和接口都无法访问,任何人都不能登录,数据保持不变。`}
      >
        <span>园区正常服务中。</span>
        <button class="btn danger" type="submit">
          暂停服务
        </button>
      </form>
    );
  return (
    <form
      class="console-actions"
      method="post"
      action={`${base}/resume`}
      data-confirm={`确定恢复${zone.nameZh}的服务?`}
    >
      <span>园区已暂停:页面和接口返回“服务已暂停”,无法登录。</span>
      <button class="btn" type="submit">
        恢复服务
      </button>
    </form>
  );
}
