/** 金融机构 (zone_admin): the zone's banks and the form to register one (keeps what was typed on error). */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { BANK_STATUS_LABEL, bankTitle } from "./labels";

export interface BankListRow {
  id: string;
  name: string;
  branch: string | null;
  uscc: string | null;
  contactName: string | null;
  contactPhone: string | null;
  status: "active" | "suspended";
  staff: number;
}

export interface AdminBanksPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  banks: BankListRow[];
  /** The register form as last submitted, and what was wrong with it. */
  values?: Record<string, string>;
  errors?: FormErrors;
}

export function AdminBanksPage({ zone, nonce, user, banks, values = {}, errors }: AdminBanksPageProps) {
  const f = errors?.fields ?? {};
  return (
    <Layout title="金融机构" zone={zone} nonce={nonce} user={user} current="admin">
      <main id="main" class="wrap">
        <h1>金融机构</h1>
        <p>
          在这里登记入驻本园区金融超市的银行等金融机构,再邀请其工作人员开通账号。暂停一个机构会立即退出其所有工作人员的登录。
        </p>
        {banks.length === 0 ? (
          <p class="help">还没有登记任何金融机构。</p>
        ) : (
          <div class="table-scroll">
            <table class="users stack">
              <caption class="skip">本园区的 {banks.length} 个金融机构</caption>
              <thead>
                <tr>
                  <th scope="col">机构</th>
                  <th scope="col">联系人</th>
                  <th scope="col" class="num">
                    人员
                  </th>
                  <th scope="col">状态</th>
                </tr>
              </thead>
              <tbody>
                {banks.map((b) => (
                  <tr>
                    <td>
                      <a href={`/admin/banks/${b.id}`}>{bankTitle(b)}</a>
                      {b.uscc && <small>{b.uscc}</small>}
                    </td>
                    <td data-label="联系人">
                      {b.contactName}
                      <small>{b.contactPhone}</small>
                    </td>
                    <td class="num" data-label="人员">
                      {b.staff}
                    </td>
                    <td data-label="状态">{BANK_STATUS_LABEL[b.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2 class="section" id="register">
          登记金融机构
        </h2>
        <section class="card" aria-labelledby="register">
          <FormAlert errors={errors} />
          <form class="stack" method="post" action="/admin/banks" novalidate>
            <Input
              name="name"
              label="机构名称"
              type="text"
              autocomplete="organization"
              hint="例如:中国银行"
              value={values.name}
              error={f.name}
              maxlength={1024}
            />
            <Input
              name="branch"
              label="分支机构(选填)"
              hint="例如:淄博高新区支行;总行直接服务的可不填。"
              value={values.branch}
              error={f.branch}
              required={false}
              maxlength={100}
            />
            <Input
              name="uscc"
              label="统一社会信用代码"
              type="text"
              autocomplete="off"
              hint="18 位,见营业执照或金融许可证。"
              value={values.uscc}
              error={f.uscc}
              maxlength={1024}
            />
            <Input
              name="contactName"
              label="联系人"
              type="text"
              autocomplete="off"
              value={values.contactName}
              error={f.contactName}
              maxlength={1024}
            />
            <Input
              name="contactPhone"
              label="联系电话"
              type="text"
              autocomplete="off"
              hint="手机号,或带区号的固定电话,如 0533-1234567。"
              value={values.contactPhone}
              error={f.contactPhone}
              maxlength={1024}
            />
            <Input
              name="contactEmail"
              label="联系邮箱"
              type="email"
              autocomplete="off"
              value={values.contactEmail}
              error={f.contactEmail}
              autocapitalize="none"
            />
            <button class="btn" type="submit">
              登记
            </button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
