/**
 * One financing need and the products that fit it, best first: each product
 * with the matcher's verdict on every criterion (amount, term, guarantee,
 * industry, qualifications, years, revenue) and its reason, computed from the
 * enterprise's own records. Applying starts on the product's page with this
 * need chosen. While the need is open it can be marked met or closed.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { FinancingNeedRow, LoanProductRow } from "../../../worker/db/schema";
import type { Criterion, Guarantee } from "../../../worker/engines/loan-match/match";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { MEMBER_CSS } from "./member-shared";
import {
  amountRange,
  CriteriaList,
  guaranteesText,
  MatchBadge,
  NEED_STATUS_ZH,
  PRODUCT_TYPE_ZH,
  rateRange,
  termRange,
} from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface RankedProduct {
  row: LoanProductRow;
  bankName: string;
  criteria: Criterion[];
  fails: number;
  partly: number;
  unknown: number;
}

export interface NeedPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  need: FinancingNeedRow;
  matches: RankedProduct[];
  notice?: Notice | undefined;
}

export function NeedPage({ zone, nonce, user, need, matches, notice }: NeedPageProps) {
  const open = need.status === "open";
  const fitting = matches.filter((m) => m.fails === 0).length;
  return (
    <Layout title="融资需求" zone={zone} nonce={nonce} user={user} current="finance" css={MEMBER_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/finance">金融超市</a> › <a href="/finance/needs">融资需求</a> › {formatMoney(need.amountFen)}
        </p>
        <h1>
          融资需求:{formatMoney(need.amountFen)},{need.termMonths}个月
        </h1>
        <p class="lead">
          <span class={`tag nst-${need.status}`}>{NEED_STATUS_ZH[need.status]}</span> 有效期至
          {formatDateZh(need.validUntil)}
        </p>
        <NoticeBox notice={notice} />
        <section class="panel" aria-labelledby="need-heading">
          <h2 id="need-heading">需求内容</h2>
          <dl class="kv">
            <dt>资金用途</dt>
            <dd>{need.purpose}</dd>
            <dt>可提供的担保</dt>
            <dd>{guaranteesText(JSON.parse(need.guarantees) as Guarantee[])}</dd>
            <dt>用款时间</dt>
            <dd>{formatDateZh(need.neededBy)}</dd>
          </dl>
          {open && (
            <div class="row-actions">
              <form method="post" action={`/finance/needs/${need.id}/close`}>
                <input type="hidden" name="status" value="met" />
                <button type="submit" class="btn secondary">
                  已获得融资
                </button>
              </form>
              <form method="post" action={`/finance/needs/${need.id}/close`}>
                <input type="hidden" name="status" value="closed" />
                <button
                  type="submit"
                  class="btn danger"
                  data-confirm="确定关闭这条融资需求吗?关闭后金融机构不再看到它,也不能重新打开。"
                >
                  不再需要,关闭需求
                </button>
              </form>
            </div>
          )}
        </section>
        <section aria-labelledby="ranked-heading">
          <h2 id="ranked-heading">匹配的产品</h2>
          <p class="lead">
            按不符合项最少、部分符合最少、待确认最少、利率最低、额度最高排序。
            {matches.length ? `${matches.length} 个产品中 ${fitting} 个没有不符合项。` : ""}
            “待确认”表示企业资料里还没有这项信息,可在<a href="/enterprise">我的企业</a>补充。
          </p>
          {matches.length === 0 ? (
            <div class="panel">
              <p>金融超市还没有上架的产品。金融机构发布产品后,这里会列出匹配结果。</p>
            </div>
          ) : (
            <ol class="ranked">
              {matches.map((m, i) => (
                <li class="panel">
                  <div class="rank-head">
                    <span class="rank-no">第{i + 1}名</span>
                    <h3>
                      <a href={`/finance/products/${m.row.id}?need=${need.id}`}>{m.row.name}</a>
                    </h3>
                    <MatchBadge match={m} />
                  </div>
                  <p class="rank-terms">
                    {[
                      m.bankName,
                      PRODUCT_TYPE_ZH[m.row.type],
                      amountRange(m.row.minAmountFen, m.row.maxAmountFen),
                      `年利率${rateRange(m.row.minRateBp, m.row.maxRateBp)}`,
                      termRange(m.row.minTermMonths, m.row.maxTermMonths),
                    ].join(" · ")}
                  </p>
                  <CriteriaList criteria={m.criteria} />
                  {open && (
                    <p class="links">
                      <a href={`/finance/products/${m.row.id}?need=${need.id}#apply-heading`}>查看产品并申请</a>
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
    </Layout>
  );
}
