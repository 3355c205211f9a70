/**
 * 金融超市: the zone's published loan products, filtered by a GET form (so a
 * filtered list is a link anyone can share) — type, the amount and term wanted,
 * the highest acceptable rate, the guarantee on offer, the industry, a keyword.
 * Each card gives what a borrower compares first: bank, type, amount, rate,
 * term, guarantees and the bank's own words on the product.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { GUARANTEES, PRODUCT_TYPES, type LoanProductRow } from "../../../worker/db/schema";
import type { Guarantee } from "../../../worker/engines/loan-match/match";
import { FormAlert, Input, Select } from "../../components/form";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { Pager } from "../../components/pager";
import { amountRange, FINANCE_CSS, guaranteesText, PRODUCT_TYPE_ZH, rateRange, termRange } from "./shared";
import { GUARANTEE_ZH } from "../../../worker/engines/loan-match/match";

/** The filters as typed (echoed back into the form); amount in 万元, rate in %. */
export interface CatalogueFilters {
  type: string;
  amount: string;
  term: string;
  rate: string;
  guarantee: string;
  industry: string;
  q: string;
}

export interface CatalogueItem {
  product: LoanProductRow;
  bankName: string;
  bankBranch: string | null;
}

export interface CataloguePageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser | null | undefined;
  filters: CatalogueFilters;
  /** Per filter field, why what was typed could not be used (that filter is then left out). */
  errors: Record<string, string>;
  /** One page of the catalogue. */
  items: CatalogueItem[];
  /** Products matching the filters, every page. */
  total: number;
  nextHref: string | null;
  /** Back to the first page, once the visitor has paged on. */
  firstHref: string | null;
  /** Whether any filter was given (the empty state then offers to clear them). */
  filtered: boolean;
  /** A signed-in enterprise member: offered 发布融资需求. */
  member: boolean;
}

const CATALOGUE_CSS = `${FINANCE_CSS}
.fin form.filters{display:grid;gap:10px 14px;grid-template-columns:1fr 1fr;margin:0 0 12px}
.fin form.filters .wide,.fin form.filters .go{grid-column:1/-1}
@media(min-width:760px){.fin form.filters{grid-template-columns:repeat(4,minmax(0,1fr))}
.fin form.filters .wide{grid-column:span 2}.fin form.filters .go{grid-column:auto;align-self:end}}
.fin form.filters .field label{font-size:.92rem}
.fin .count{color:var(--muted);margin:0 0 10px}
.fin .prod h3{margin:0 0 2px;font-size:1.08rem;line-height:1.5}
.fin .prod h3 a{color:var(--ink)}
.fin .prod .bank{margin:0 0 8px;color:var(--muted);font-size:.92rem}
.fin dl.terms{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 12px;margin:0;font-size:.95rem}
.fin dl.terms dt{color:var(--muted)}
.fin dl.terms dd{margin:0;font-variant-numeric:tabular-nums}
.fin .features{margin:8px 0 0;font-size:.92rem}
@media(min-width:760px){.fin .cards.two{grid-template-columns:1fr 1fr}}
`;

const bankLine = (i: { bankName: string; bankBranch: string | null }) =>
  `${i.bankName}${i.bankBranch ? ` · ${i.bankBranch}` : ""}`;

/** One product as the catalogue shows it; `href` may carry ?need= to keep the need chosen. */
function ProductCard({ item, href }: { item: CatalogueItem; href: string }) {
  const p = item.product;
  return (
    <li class="panel prod">
      <h3>
        <a href={href}>{p.name}</a> <span class="tag">{PRODUCT_TYPE_ZH[p.type]}</span>
      </h3>
      <p class="bank">{bankLine(item)}</p>
      <dl class="terms">
        <dt>额度</dt>
        <dd>{amountRange(p.minAmountFen, p.maxAmountFen)}</dd>
        <dt>年利率</dt>
        <dd>{rateRange(p.minRateBp, p.maxRateBp)}</dd>
        <dt>期限</dt>
        <dd>{termRange(p.minTermMonths, p.maxTermMonths)}</dd>
        <dt>担保方式</dt>
        <dd>{guaranteesText(JSON.parse(p.guarantees) as Guarantee[])}</dd>
      </dl>
      {p.features && <p class="features">{p.features}</p>}
    </li>
  );
}

export function CataloguePage(props: CataloguePageProps) {
  const { zone, nonce, user, filters, errors, items, total, nextHref, firstHref, filtered, member } = props;
  const f = filters;
  return (
    <Layout title="金融超市" zone={zone} nonce={nonce} user={user} current="finance" css={CATALOGUE_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/">首页</a> › 金融超市
        </p>
        <h1>金融超市</h1>
        <p class="lead">
          {zone.shortName.zh}金融机构发布的贷款产品,额度、利率、期限和担保方式一目了然。
          {member ? (
            <>
              <a href="/finance/needs">发布融资需求</a>,平台会按你的企业资料逐项比对,列出最合适的产品。
            </>
          ) : (
            "入驻企业登录后可发布融资需求、在线申请贷款。"
          )}
        </p>
        <FormAlert
          errors={
            Object.keys(errors).length > 0
              ? { message: "有筛选条件填写有误,已按其余条件列出;请按提示修改。", fields: errors }
              : undefined
          }
        />
        {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the landmark every page of
            the site uses; a <search> wrapper would be a second element for the same thing. */}
        <form method="get" action="/finance" class="filters panel" role="search" aria-label="筛选产品">
          <Select
            name="type"
            label="产品类型"
            required={false}
            value={f.type}
            placeholder="全部"
            options={PRODUCT_TYPES.map((t) => ({ value: t, label: PRODUCT_TYPE_ZH[t] }))}
            error={errors.type}
          />
          <Select
            name="guarantee"
            label="可提供的担保"
            required={false}
            value={f.guarantee}
            placeholder="不限"
            options={GUARANTEES.map((g) => ({ value: g, label: GUARANTEE_ZH[g] }))}
            error={errors.guarantee}
          />
          <Input
            name="amount"
            label="贷款金额(万元)"
            required={false}
            value={f.amount}
            inputmode="decimal"
            maxlength={15}
            error={errors.amount}
          />
          <Input
            name="term"
            label="期限(月)"
            required={false}
            value={f.term}
            inputmode="numeric"
            maxlength={3}
            error={errors.term}
          />
          <Input
            name="rate"
            label="最高年利率(%)"
            required={false}
            value={f.rate}
            inputmode="decimal"
            maxlength={6}
            error={errors.rate}
          />
          <Select
            name="industry"
            label="所属行业"
            required={false}
            value={f.industry}
            placeholder="不限"
            options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))}
            error={errors.industry}
          />
          <div class="wide">
            <Input name="q" label="关键词" required={false} value={f.q} maxlength={40} error={errors.q} />
          </div>
          <div class="go">
            <button type="submit" class="btn">
              筛选
            </button>
          </div>
        </form>
        <p class="count" aria-live="polite">
          {filtered ? `符合条件的产品 ${total} 个` : `共 ${total} 个产品`}
          {filtered && (
            <>
              {" "}
              · <a href="/finance">清除条件</a>
            </>
          )}
        </p>
        {items.length === 0 ? (
          <div class="panel">
            {filtered ? (
              <p>
                没有符合这些条件的产品。可以放宽金额、期限或利率,或<a href="/finance">查看全部产品</a>。
              </p>
            ) : (
              <p>
                金融超市还没有上架的产品。金融机构发布产品后会在这里列出;也可致电 {zone.contact.office}{" "}
                {zone.contact.phone} 咨询。
              </p>
            )}
          </div>
        ) : (
          <ul class="cards two">
            {items.map((i) => (
              <ProductCard item={i} href={`/finance/products/${i.product.id}`} />
            ))}
          </ul>
        )}
        <Pager total={total} unit="个" nextHref={nextHref} firstHref={firstHref} />
      </main>
    </Layout>
  );
}
