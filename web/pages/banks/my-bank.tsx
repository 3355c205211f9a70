/** 我的机构 (bank staff): the bank they belong to, as the zone registered it. The 金融超市 comes later. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { BankContactFacts } from "./bank-contact";
import { bankTitle } from "./labels";

export interface MyBankPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  bank: { name: string; branch: string | null; contactName: string | null; contactPhone: string | null; contactEmail: string | null; status: "active" | "suspended" };
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
          <p>金融超市(发布金融产品、对接企业融资需求)即将开放。</p>
        </section>
      </main>
    </Layout>
  );
}
