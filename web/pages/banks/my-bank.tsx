/** 我的机构 (bank staff): the bank they belong to, as the zone registered it, and the way to its 金融超市 pages. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { BankContactFacts } from "./bank-contact";
import { bankTitle } from "./labels";

export interface MyBankPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  bank: {
    name: string;
    branch: string | null;
    contactName: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
    status: "active" | "suspended";
  };
}

export function MyBankPage({ zone, nonce, user, bank }: MyBankPageProps) {
  return (
    <Layout title="我的机构" zone={zone} nonce={nonce} user={user}>
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="bank-title">
          <h1 id="bank-title">我的机构</h1>
          {bank.status === "suspended" && (
            <div class="alert error" role="alert">
              本机构在{zone.shortName.zh}的服务已暂停。如有疑问,请联系园区:{zone.contact.phone}。
            </div>
          )}
          <dl class="facts">
            <dt>机构</dt>
            <dd>{bankTitle(bank)}</dd>
            <BankContactFacts bank={bank} />
          </dl>
          <h2 id="bank-finance">在金融超市办理</h2>
          <ul class="bank-links" aria-labelledby="bank-finance">
            <li>
              <a href="/bank/products">我的产品</a>:发布、修改和下架本机构的贷款产品
            </li>
            <li>
              <a href="/bank/needs">融资需求</a>:园区企业发布的、与本机构产品匹配的融资需求
            </li>
            <li>
              <a href="/bank/loans">贷款申请</a>:企业提交的贷款申请,受理、授信、放款或拒绝
            </li>
          </ul>
        </section>
      </main>
    </Layout>
  );
}
