/**
 * 融资需求: the enterprise's financing needs, newest first, and the form to post
 * one — amount (万元), term, purpose, the guarantees it can offer, when the
 * money is needed and until when the need stands. The form says plainly what
 * banks will see (the need, the company and its industry) and what they will
 * not without the enterprise's consent (its financial data).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { GUARANTEES, type FinancingNeedRow } from "../../../worker/db/schema";
import type { Guarantee } from "../../../worker/engines/loan-match/match";
import { formatDateZh } from "../../format";
import { FormAlert, Input, Textarea, type FormErrors } from "../../components/form";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { MEMBER_CSS } from "./member-shared";
import { guaranteesText, NEED_STATUS_ZH } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { GUARANTEE_ZH } from "../../../worker/engines/loan-match/match";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface MyNeedsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  needs: FinancingNeedRow[];
  /** What was typed, after a refusal; the form's defaults otherwise. */
  values: Record<string, string>;
  /** The guarantees ticked (the form's other values are strings). */
  guarantees: string[];
  errors?: FormErrors | undefined;
  notice?: Notice | undefined;
}

export function MyNeedsPage({ zone, nonce, user, needs, values: v, guarantees, errors, notice }: MyNeedsPageProps) {
  const fe = errors?.fields ?? {};
  return (
    <Layout title="融资需求" zone={zone} nonce={nonce} user={user} current="finance" css={MEMBER_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/finance">金融超市</a> › 融资需求
        </p>
        <h1>融资需求</h1>
        <p class="lead">
          发布一条融资需求,平台按企业资料把金融超市的产品逐项比对、排好顺序;本园区的金融机构也会看到它并主动对接。
        </p>
        <NoticeBox notice={notice} />
        <div class="cols">
          <section aria-labelledby="mine-heading">
            <h2 id="mine-heading">我的融资需求</h2>
            {needs.length === 0 ? (
              <div class="panel">
                <p>
                  还没有发布融资需求。填写“发布融资需求”表单即可发布;也可以直接在<a href="/finance">金融超市</a>
                  挑选产品申请。
                </p>
              </div>
            ) : (
              <div class="table-scroll">
                <table class="grid stack">
                  <caption class="sr">我的融资需求列表</caption>
                  <thead>
                    <tr>
                      <th scope="col">金额与期限</th>
                      <th scope="col">用途</th>
                      <th scope="col">状态</th>
                      <th scope="col">有效期至</th>
                    </tr>
                  </thead>
                  <tbody>
                    {needs.map((n) => (
                      <tr>
                        <td data-label="金额">
                          <a href={`/finance/needs/${n.id}`}>
                            {formatMoney(n.amountFen, { unit: "万元" })},{n.termMonths}个月
                          </a>
                        </td>
                        <td data-label="用途">
                          {n.purpose}
                          <small>担保:{guaranteesText(JSON.parse(n.guarantees) as Guarantee[])}</small>
                        </td>
                        <td data-label="状态">
                          <span class={`tag nst-${n.status}`}>{NEED_STATUS_ZH[n.status]}</span>
                        </td>
                        <td data-label="有效期至">{formatDateZh(n.validUntil)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section class="panel" aria-labelledby="post-heading">
            <h2 id="post-heading">发布融资需求</h2>
            <form method="post" action="/finance/needs" class="stack" novalidate>
              <FormAlert errors={errors} />
              <div class="pair">
                <Input
                  name="amount"
                  label="金额(万元)"
                  value={v.amount}
                  inputmode="decimal"
                  maxlength={15}
                  error={fe.amount}
                />
                <Input name="term" label="期限(月)" value={v.term} inputmode="numeric" maxlength={3} error={fe.term} />
              </div>
              <Textarea
                name="purpose"
                label="资金用途"
                hint="如:采购原材料、购置研发设备、支付技术服务费"
                value={v.purpose}
                maxlength={300}
                error={fe.purpose}
              />
              <fieldset class="choices" aria-describedby={fe.guarantees ? "f-guarantees-error" : "f-guarantees-hint"}>
                <legend>可提供的担保方式</legend>
                <p class="hint" id="f-guarantees-hint">
                  可多选;信用即无需抵押、质押或第三方担保。
                </p>
                {GUARANTEES.map((g) => (
                  <label class="check">
                    <input type="checkbox" name="guarantees" value={g} checked={guarantees.includes(g)} />
                    {GUARANTEE_ZH[g]}
                  </label>
                ))}
                {fe.guarantees && (
                  <p class="field-error" id="f-guarantees-error">
                    {fe.guarantees}
                  </p>
                )}
              </fieldset>
              <div class="pair">
                <Input name="neededBy" type="date" label="用款时间" value={v.neededBy} error={fe.neededBy} />
                <Input name="validUntil" type="date" label="需求有效期至" value={v.validUntil} error={fe.validUntil} />
              </div>
              <p class="hint">
                金融机构能看到需求内容、企业名称和所属行业;企业的资质、成立年限和营业收入只给你在
                <a href="/finance/consents">数据授权</a>中同意的机构看。
              </p>
              <button type="submit" class="btn">
                发布融资需求
              </button>
            </form>
          </section>
        </div>
      </main>
    </Layout>
  );
}
