/**
 * 年度报表 (staff, /admin/reports): every year's reporting window with its completion, and for zone
 * admins the form that opens a year (year + due date). Typed values survive an error.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { FormAlert, Input, type FormErrors, type FormValues } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { filedShare, REPORTS_CSS, WINDOW_STATUS_LABEL, type WindowView } from "./shared";

interface WindowsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  windows: WindowView[];
  /** A zone admin: may open a window. */
  canManage: boolean;
  values: FormValues;
  errors?: FormErrors | undefined;
  notice?: string | undefined;
}

export function WindowsPage({ zone, nonce, user, windows, canManage, values, errors, notice }: WindowsPageProps) {
  return (
    <Layout title="年度报表" zone={zone} nonce={nonce} user={user} current="admin" css={REPORTS_CSS}>
      <main id="main" class="wrap ent rep">
        <h1>年度报表</h1>
        <p class="note">
          开启某一年度的报表后,入园企业会在“我的企业”页看到填报提示,填写营业收入、研发费用、纳税、出口、人员和发明专利等数据(按上年数据预填)。
          截止日前第 7 个和第 1 个工作日,系统自动提醒尚未填齐的企业;也可以在完成情况页随时催报。
        </p>
        {notice && (
          <p class="alert ok" role="status">
            {notice}
          </p>
        )}
        {windows.length === 0 ? (
          <p>还没有开启过年度报表。</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <caption class="skip">各年度报表及完成情况</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">截止日期</th>
                  <th scope="col">状态</th>
                  <th scope="col" class="num">
                    已填报 / 应报
                  </th>
                  <th scope="col" class="num">
                    未填齐
                  </th>
                </tr>
              </thead>
              <tbody>
                {windows.map((w) => (
                  <tr>
                    <td>
                      <a href={`/admin/reports/${w.year}`}>{w.year} 年度报表</a>
                    </td>
                    <td data-label="截止日期">{formatDateZh(w.dueOn)}</td>
                    <td data-label="状态">
                      <span class={`tag ${w.status}`}>{WINDOW_STATUS_LABEL[w.status]}</span>
                    </td>
                    <td class="num" data-label="已填报 / 应报">
                      {w.counts.filed} / {w.counts.enterprises}({filedShare(w.counts)})
                    </td>
                    <td class="num" data-label="未填齐">
                      {w.counts.incomplete + w.counts.unfiled}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canManage && (
          <section aria-labelledby="s-open">
            <h2 id="s-open">开启年度报表</h2>
            <p class="note">每个年度同时只能有一个收集中的报表;已截止的年度可以重新开启(按新的截止日期)。</p>
            <FormAlert errors={errors} />
            <form method="post" action="/admin/reports" novalidate>
              <div class="form-grid">
                <Input
                  name="year"
                  label="报表年度"
                  inputmode="numeric"
                  maxlength={4}
                  hint="填报哪一年的数据,如 2025"
                  value={values.year ?? ""}
                  error={errors?.fields?.year}
                />
                <Input
                  name="dueOn"
                  label="截止日期"
                  type="date"
                  maxlength={10}
                  hint="按北京时间,当天仍可填报"
                  value={values.dueOn ?? ""}
                  error={errors?.fields?.dueOn}
                />
              </div>
              <div class="actions">
                <button class="btn" type="submit">
                  开启报表
                </button>
              </div>
            </form>
          </section>
        )}
      </main>
    </Layout>
  );
}
