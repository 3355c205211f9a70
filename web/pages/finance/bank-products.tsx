/**
 * 我的产品 (bank staff): the bank's loan products with their status (草稿 /
 * 已发布 / 已下架), terms at a glance, and what can be done with each: edit,
 * publish or withdraw, and see the public page of a published one.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { LoanProductRow } from "../../../worker/db/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { amountRange, FINANCE_CSS, PRODUCT_TYPE_ZH, ProductStatusTag, rateRange, termRange } from "./shared";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface BankProductsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  bankName: string;
  products: LoanProductRow[];
  notice?: Notice | undefined;
}

export function BankProductsPage({ zone, nonce, user, bankName, products, notice }: BankProductsPageProps) {
  return (
    <Layout title="我的产品" zone={zone} nonce={nonce} user={user} css={FINANCE_CSS}>
      <main id="main" class="wrap fin">
        <h1>我的产品</h1>
        <p class="lead">
          {bankName}在{zone.shortName.zh}金融超市的贷款产品。新建的产品是草稿,发布后企业才能看到和申请。
        </p>
        <NoticeBox notice={notice} />
        <p>
          <a class="btn" href="/bank/new-product">
            新建产品
          </a>
        </p>
        {products.length === 0 ? (
          <p class="panel">还没有产品。</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">产品</th>
                  <th scope="col">额度</th>
                  <th scope="col">年利率</th>
                  <th scope="col">期限</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`/bank/products/${p.id}`}>{p.name}</a>
                      <small>
                        {PRODUCT_TYPE_ZH[p.type]} · 更新于 {formatTimeZh(new Date(p.updatedAt))}
                      </small>
                    </th>
                    <td data-label="额度">{amountRange(p.minAmountFen, p.maxAmountFen)}</td>
                    <td data-label="年利率">{rateRange(p.minRateBp, p.maxRateBp)}</td>
                    <td data-label="期限">{termRange(p.minTermMonths, p.maxTermMonths)}</td>
                    <td data-label="状态">
                      <ProductStatusTag status={p.status} />
                    </td>
                    <td data-label="操作">
                      <div class="row-actions">
                        <a class="btn secondary" href={`/bank/products/${p.id}`} aria-label={`编辑${p.name}`}>
                          编辑
                        </a>
                        <form method="post" action={`/bank/products/${p.id}/status`}>
                          {p.status === "published" ? (
                            <button
                              class="btn secondary"
                              type="submit"
                              name="action"
                              value="withdraw"
                              aria-label={`下架${p.name}`}
                              data-confirm={`确定下架“${p.name}”吗?下架后企业不能再看到和申请,办理中的申请不受影响。`}
                            >
                              下架
                            </button>
                          ) : (
                            <button
                              class="btn"
                              type="submit"
                              name="action"
                              value="publish"
                              aria-label={`发布${p.name}`}
                            >
                              发布
                            </button>
                          )}
                        </form>
                        {p.status === "published" && <a href={`/finance/products/${p.id}`}>公开页面</a>}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </Layout>
  );
}
