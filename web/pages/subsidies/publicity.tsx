/**
 * 公示 (public): the zone's subsidy awards in their notice period — enterprise,
 * programme, amount and the period, nothing personal — each with a form to
 * lodge an objection (异议) with contact details, and the page that confirms
 * one was received.
 */
import { type ListPage, Pager } from "../../components/pager";
import type { ZoneConfig } from "../../../tenants/schema";
import { formatMoney } from "../../../worker/lib/money";
import { FormAlert, Input, Textarea, type FormErrors } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { SUBSIDY_STAFF_CSS } from "./staff-shared";

export interface PublicityItem {
  id: string;
  number: string | null;
  enterprise: string;
  programme: string;
  amountFen: number | null;
  from: string | null;
  to: string | null;
}

export interface PublicityPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null | undefined;
  items: PublicityItem[];
  /** The total on notice and the links to the next and first pages. */
  page: ListPage;
  /** An objection that was refused: on which item, what was typed, why. */
  failed?: { id: string; values: Record<string, string>; errors: FormErrors } | undefined;
}

export function PublicityPage({ zone, nonce, user, items, page, failed }: PublicityPageProps) {
  return (
    <Layout title="政策兑现公示" zone={zone} nonce={nonce} user={user} current="publicity" css={SUBSIDY_STAFF_CSS}>
      <main id="main" class="wrap sub">
        <h1>政策兑现公示</h1>
        <p class="lead">
          以下企业拟获得扶持资金,现予公示,公示期为{zone.subsidy.noticeWorkingDays}
          个工作日。对公示内容有异议的,请在公示期内实名提出,并留下联系方式以便核实;园区管理员处理前,相关资金暂不拨付。
        </p>
        {items.length === 0 ? (
          <p class="panel">目前没有正在公示的项目。</p>
        ) : (
          <ul class="notice-list">
            {items.map((it) => {
              const mine = failed?.id === it.id ? failed : undefined;
              const id = (name: string) => `f-${name}-${it.id}`;
              return (
                <li class="panel notice-item">
                  <h2 id={`h-${it.id}`}>{it.enterprise}</h2>
                  <dl class="kv">
                    {it.number && (
                      <>
                        <dt>申报编号</dt>
                        <dd>{it.number}</dd>
                      </>
                    )}
                    <dt>扶持项目</dt>
                    <dd>{it.programme}</dd>
                    <dt>拟扶持金额</dt>
                    <dd>{it.amountFen !== null ? formatMoney(it.amountFen, { unit: "万元" }) : "—"}</dd>
                    <dt>公示期</dt>
                    <dd>
                      {it.from ? formatDateZh(it.from) : "—"} 至 {it.to ? formatDateZh(it.to) : "—"}
                    </dd>
                  </dl>
                  <details open={mine ? true : undefined}>
                    <summary>对此项提出异议</summary>
                    <form
                      method="post"
                      action={`/publicity/${it.id}/objection`}
                      aria-label={`对${it.enterprise}的公示提出异议`}
                      novalidate
                    >
                      <FormAlert errors={mine?.errors} />
                      <Input
                        name="name"
                        id={id("name")}
                        label="姓名或单位"
                        maxlength={60}
                        autocomplete="name"
                        value={mine?.values.name}
                        error={mine?.errors.fields?.name}
                      />
                      <Input
                        name="contact"
                        id={id("contact")}
                        label="联系方式"
                        hint="电话或邮箱,仅供园区核实,不会公开。"
                        maxlength={100}
                        value={mine?.values.contact}
                        error={mine?.errors.fields?.contact}
                      />
                      <Textarea
                        name="content"
                        id={id("content")}
                        label="异议内容"
                        hint="请具体说明事实和理由(至少 10 个字)。"
                        maxlength={2000}
                        value={mine?.values.content}
                        error={mine?.errors.fields?.content}
                      />
                      <button class="btn" type="submit">
                        提交异议
                      </button>
                    </form>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
        <Pager page={page} unit="项" />
      </main>
    </Layout>
  );
}

export function ObjectionReceivedPage({
  zone,
  nonce,
  user,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null | undefined;
}) {
  return (
    <Layout title="异议已收到" zone={zone} nonce={nonce} user={user} current="publicity" css={SUBSIDY_STAFF_CSS}>
      <main id="main" class="wrap narrow sub">
        <div class="card" role="status">
          <h1>已收到您的异议</h1>
          <p>园区管理员会尽快核实,并按您留下的联系方式与您联系。核实期间,该项扶持资金暂不拨付。</p>
          <p>
            如需补充,请联系 {zone.contact.office}:<a href={`tel:${zone.contact.phone}`}>{zone.contact.phone}</a>。
          </p>
          <p>
            <a href="/publicity">返回公示页面</a>
          </p>
        </div>
      </main>
    </Layout>
  );
}
