/**
 * 融资需求 (bank staff): the zone's open financing needs, ranked by how well
 * the bank's best published product fits each. Per need: amount, term,
 * purpose, guarantees, when it is needed, the enterprise and its industry, the
 * best-fitting product with every criterion's verdict and reason, and the
 * enterprise's financial facts — only where it consented for this bank.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { GUARANTEES } from "../../../worker/db/schema";
import { GUARANTEE_ZH, type Guarantee } from "../../../worker/engines/loan-match/match";
import { Select } from "../../components/form";
import { namesOf } from "../../labels/finance";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import type { BankNeedRow } from "./rows";
import { CriteriaList, FINANCE_CSS, FinancialFacts, guaranteesText, MatchBadge } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { pageHref, Pager } from "../../components/pager";

export interface BankNeedsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** One page of the list, its total and the next page's cursor. */
  page: { rows: BankNeedRow[]; total: number; nextCursor: string | null; hasProducts: boolean };
  filters: { guarantee?: Guarantee | undefined; fit: "all" | "full" };
  /** Whether this is a later page (then the pager links back to the first). */
  paged: boolean;
}

function NeedCard({ zone, row }: { zone: ZoneConfig; row: BankNeedRow }) {
  const names = namesOf(zone);
  const n = row.need;
  const best = row.best!;
  const h = `h-need-${n.id}`;
  return (
    <li>
      <article class="panel" aria-labelledby={h}>
        <h2 id={h}>
          {row.enterprise}
          <small class="range"> · {row.industry ? names.industry(row.industry) : "行业未填报"}</small>
        </h2>
        <dl class="kv">
          <dt>融资金额</dt>
          <dd>{formatMoney(n.amountFen)}</dd>
          <dt>期限</dt>
          <dd>{n.termMonths}个月</dd>
          <dt>资金用途</dt>
          <dd>{n.purpose}</dd>
          <dt>可提供担保</dt>
          <dd>{guaranteesText(JSON.parse(n.guarantees) as Guarantee[])}</dd>
          <dt>用款时间</dt>
          <dd>{formatDateZh(n.neededBy)}前</dd>
          <dt>有效期至</dt>
          <dd>{formatDateZh(n.validUntil)}</dd>
          <dt>发布时间</dt>
          <dd>{formatTimeZh(new Date(n.createdAt))}</dd>
        </dl>
        <h3>
          最匹配的产品:{best.product.row.name} <MatchBadge match={best} />
        </h3>
        <CriteriaList criteria={best.criteria} />
        <h3>企业财务信息</h3>
        <FinancialFacts zone={zone} facts={row.facts} shared={row.consented} />
      </article>
    </li>
  );
}

function Filters({ filters }: { filters: BankNeedsPageProps["filters"] }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the site's landmark for filters.
    <form method="get" action="/bank/needs" class="filters panel" role="search" aria-label="筛选融资需求">
      <Select
        name="guarantee"
        label="企业可提供的担保"
        required={false}
        value={filters.guarantee ?? ""}
        placeholder="不限"
        options={GUARANTEES.map((g) => ({ value: g, label: GUARANTEE_ZH[g] }))}
      />
      <Select
        name="fit"
        label="匹配程度"
        required={false}
        value={filters.fit}
        options={[
          { value: "all", label: "全部需求" },
          { value: "full", label: "只看金额、期限和担保都符合的" },
        ]}
      />
      <div class="go">
        <button type="submit" class="btn">
          筛选
        </button>
      </div>
    </form>
  );
}

export function BankNeedsPage({ zone, nonce, user, page, filters, paged }: BankNeedsPageProps) {
  const { rows, hasProducts } = page;
  const params = { guarantee: filters.guarantee, fit: filters.fit === "full" ? "full" : undefined };
  const filtered = params.guarantee !== undefined || params.fit !== undefined;
  return (
    <Layout title="融资需求" zone={zone} nonce={nonce} user={user} css={FINANCE_CSS}>
      <main id="main" class="wrap fin">
        <h1>融资需求</h1>
        <p class="lead">
          {zone.shortName.zh}
          {"企业发布的、仍在有效期内的融资需求,按与你行已发布产品的匹配程度排序:" +
            "金额、期限和担保方式都符合的在前,其次是担保方式符合的,同一档内新发布的在前。" +
            "企业的资质、成立年限和营业收入,只有在企业授权你行查看后才会显示;企业申请贷款时即视为授权。"}
        </p>
        {!hasProducts ? (
          <p class="panel">
            你行还没有已发布的产品。<a href="/bank/products">发布产品</a>后,这里会列出与之匹配的融资需求。
          </p>
        ) : (
          <>
            <Filters filters={filters} />
            {rows.length === 0 ? (
              <p class="panel">{filtered ? "没有符合筛选条件的融资需求。" : "目前没有有效的融资需求。"}</p>
            ) : (
              <>
                <p aria-live="polite">
                  {filtered ? "符合条件的" : "共 "}
                  {page.total} 条融资需求{paged ? ",这是后面的一页" : ""}
                </p>
                <ol class="cards">
                  {rows.map((row) => (
                    <NeedCard zone={zone} row={row} />
                  ))}
                </ol>
                <Pager
                  total={page.total}
                  unit="条"
                  nextHref={page.nextCursor ? pageHref("/bank/needs", params, page.nextCursor) : null}
                  firstHref={paged ? pageHref("/bank/needs", params) : null}
                />
              </>
            )}
          </>
        )}
      </main>
    </Layout>
  );
}
