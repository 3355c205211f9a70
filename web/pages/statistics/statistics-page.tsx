/**
 * 数据看板 (zone staff, /admin/statistics): the zone's work for a year or a quarter in five
 * sections — 企业, 申请入驻, 奖补, 金融超市, 政策触达 — each with its key numbers and its charts
 * (server-drawn SVG with a table of the same numbers); bars link to the lists behind them. Printed,
 * it is the figures and charts alone (no navigation, selector or buttons).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Chart, CHART_CSS } from "../../components/charts/chart";
import { Layout } from "../../layout";
import { formatMoney } from "../../../worker/lib/money";
import type { StatisticsFigures as Statistics } from "./figures";
import type { HeaderUser } from "../auth/labels";
import { enterpriseCharts, financeCharts, onboardingChart, subsidyCharts } from "./chart-specs";

const wan = (fen: number) => formatMoney(fen, { unit: "万元" });
const orDash = (v: number | null, unit: string) => (v === null ? "—" : `${v} ${unit}`);

const CSS = `
.stats .filters{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:end;margin:0 0 12px}
.stats .filters .field{margin:0;min-width:8em}
.stats .field select{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);background:#fff;
  border:1px solid #8a94a3;border-radius:6px}
.stats .tools{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 18px}
.stats .period{color:var(--muted);margin:0 0 14px}
.stats section{margin:0 0 28px}
.stats h2{border-bottom:2px solid var(--line);padding:0 0 6px}
.stats .figures{display:grid;gap:10px;grid-template-columns:repeat(2,minmax(0,1fr));margin:0 0 8px;padding:0;
  list-style:none}
@media(min-width:760px){.stats .figures{grid-template-columns:repeat(4,minmax(0,1fr))}}
.stats .figures li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px}
.stats .figures strong{display:block;font-size:1.3rem;font-variant-numeric:tabular-nums;color:var(--primary);
  overflow-wrap:anywhere}
.stats .figures span{color:var(--muted);font-size:.9rem}
.stats .tools a{min-height:44px;display:inline-flex;align-items:center}
.stats .hint{color:var(--muted);font-size:.92rem}
@media print{
  header.site,footer.site,.worknav,.stats .filters,.stats .tools,.skip{display:none!important}
  .stats section{break-inside:auto}
  .stats .figures li{border-color:#98a2b3}
  body{background:#fff}
}
`;

interface Figure {
  label: string;
  value: string;
  /** The list the number summarises, when there is one. */
  href?: string;
}

function Figures({ items }: { items: Figure[] }) {
  return (
    <ul class="figures">
      {items.map((i) => (
        <li>
          <strong>{i.href ? <a href={i.href}>{i.value}</a> : i.value}</strong>
          <span>{i.label}</span>
        </li>
      ))}
    </ul>
  );
}

const figure = (v: number | null, unit: string) => (v === null ? "未填报" : `${v.toLocaleString("zh-CN")} ${unit}`);
const money = (fen: number | null) => (fen === null ? "未填报" : wan(fen));

/** 企业年报: the year's figures the zone's enterprises filed, summed; the completion page has who filed. */
function YearlyReport({ r }: { r: Statistics["yearlyReport"] }) {
  return (
    <section aria-labelledby="h-report">
      <h2 id="h-report">{r.year} 年度企业报表</h2>
      <Figures
        items={[
          { label: "已完整填报的企业", value: `${r.filed} 家`, href: `/admin/reports/${r.year}?status=filed` },
          { label: "已填但不完整", value: `${r.incomplete} 家`, href: `/admin/reports/${r.year}?status=incomplete` },
          { label: "营业收入合计", value: money(r.revenueFen) },
          { label: "研发费用合计", value: money(r.rdExpenseFen) },
          { label: "纳税额合计", value: money(r.taxPaidFen) },
          { label: "出口额合计", value: money(r.exportsFen) },
          { label: "员工人数合计", value: figure(r.employees, "人") },
          { label: "研发人员合计", value: figure(r.rdStaff, "人") },
          { label: "发明专利申请", value: figure(r.inventionPatentsFiled, "件") },
          { label: "发明专利授权", value: figure(r.inventionPatentsGranted, "件") },
          { label: "有效发明专利", value: figure(r.validInventionPatents, "件") },
        ]}
      />
      <p class="hint">
        按各企业在年度报表中填写的{r.year}年数据合计(在用企业;未填的项目不计入);各企业的填报情况见年度报表页。
      </p>
    </section>
  );
}

export interface StatisticsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  stats: Statistics;
  /** Years offered in the selector, newest first. */
  years: number[];
}

export function StatisticsPage({ zone, nonce, user, stats: s, years }: StatisticsPageProps) {
  const period = s.quarter ? `${s.year}年第${s.quarter}季度` : `${s.year}年`;
  const query = `year=${s.year}${s.quarter ? `&quarter=${s.quarter}` : ""}`;
  const f = s.finance;
  return (
    <Layout title={`数据看板 · ${period}`} zone={zone} nonce={nonce} user={user} current="admin" css={CSS + CHART_CSS}>
      <main id="main" class="wrap stats">
        <h1>数据看板</h1>
        <form method="get" action="/admin/statistics" class="filters">
          <div class="field">
            <label for="f-year">年度</label>
            <select id="f-year" name="year">
              {years.map((y) => (
                <option value={String(y)} selected={y === s.year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-quarter">季度</label>
            <select id="f-quarter" name="quarter">
              <option value="" selected={s.quarter === null}>
                全年
              </option>
              {[1, 2, 3, 4].map((n) => (
                <option value={String(n)} selected={s.quarter === n}>
                  第{n}季度
                </option>
              ))}
            </select>
          </div>
          <button class="btn secondary" type="submit">
            查看
          </button>
        </form>
        <p class="tools">
          <a class="btn" href={`/api/v1/admin/statistics?${query}&format=xlsx`}>
            下载 Excel
          </a>
        </p>
        <p class="period">
          统计期间:{s.period.from} 至 {s.period.to}(北京时间)。各图下方的表格列出图中的全部数字。
        </p>

        <section aria-labelledby="h-ent">
          <h2 id="h-ent">企业</h2>
          <Figures
            items={[
              { label: "在册企业(期末)", value: `${s.enterprises.total} 家`, href: "/admin/enterprises" },
              { label: "期内新入驻", value: `${s.enterprises.new} 家` },
            ]}
          />
          {enterpriseCharts(s).map((spec) => (
            <Chart spec={spec} />
          ))}
        </section>

        <section aria-labelledby="h-onb">
          <h2 id="h-onb">申请入驻</h2>
          <Figures
            items={[
              { label: "期内收到申请", value: `${s.onboarding.received} 件`, href: "/admin/onboarding" },
              { label: "已通过", value: `${s.onboarding.approved} 件` },
              { label: "未通过", value: `${s.onboarding.rejected} 件` },
              { label: "平均审核用时", value: orDash(s.onboarding.averageDaysToDecide, "天") },
            ]}
          />
          <Chart spec={onboardingChart(s)} />
        </section>

        <section aria-labelledby="h-sub">
          <h2 id="h-sub">奖补</h2>
          <Figures
            items={[
              { label: "期内提交申报", value: `${s.subsidies.applications} 件`, href: "/admin/subsidies" },
              { label: "期内核定金额", value: wan(s.subsidies.awardedFen) },
              { label: "期内拨付金额", value: wan(s.subsidies.paidFen) },
              {
                label: "各项目年度预算合计",
                value: s.subsidies.budgetFen === null ? "未设" : wan(s.subsidies.budgetFen),
              },
            ]}
          />
          {subsidyCharts(s).map((spec) => (
            <Chart spec={spec} />
          ))}
        </section>

        <section aria-labelledby="h-fin">
          <h2 id="h-fin">金融超市</h2>
          <Figures
            items={[
              { label: "期内发布融资需求", value: `${f.needsPosted} 项`, href: "/admin/finance" },
              { label: "其中已满足", value: `${f.needsMet} 项` },
              { label: "贷款申请", value: `${f.loanApplications.total} 件` },
              { label: "申请金额", value: wan(f.askedFen) },
              { label: "授信金额", value: wan(f.grantedFen) },
              { label: "放款金额", value: wan(f.disbursedFen) },
              {
                label: `平均受理用时(时限 ${f.responseDays.slaAccept} 个工作日)`,
                value: orDash(f.responseDays.accept, "个工作日"),
              },
              {
                label: "按时受理比例",
                value: f.responseDays.withinSla === null ? "—" : `${f.responseDays.withinSla}%`,
              },
            ]}
          />
          {financeCharts(s).map((spec) => (
            <Chart spec={spec} />
          ))}
        </section>

        <YearlyReport r={s.yearlyReport} />

        <section aria-labelledby="h-reach">
          <h2 id="h-reach">政策触达</h2>
          <Figures
            items={[
              { label: "期内发出免申即享通知", value: `${s.reach.noticesSent} 封` },
              { label: "收到通知后提交的申报", value: `${s.reach.applicationsFollowed} 件` },
            ]}
          />
          <p class="hint">
            免申即享通知在新政策版本生效后,按企业资料测算出新符合条件的项目,以邮件发给企业的成员;“收到通知后提交的申报”指企业在收到列有该项目的通知之后,于统计期间内首次提交的申报。
          </p>
        </section>
      </main>
    </Layout>
  );
}
