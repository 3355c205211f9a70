/**
 * 金融超市统计 (zone staff): how the zone's financing needs fare (posted, open,
 * met, closed, the share met), the money approved and disbursed, and each
 * bank's record against the zone's response times: applications, approvals,
 * declines, overdue, and the average working days to respond and to decide.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { CalendarListNote } from "../../components/calendar-note";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import type { FinanceStatistics } from "./rows";
import { FINANCE_CSS, overdueRule } from "./shared";
import { formatMoney } from "../../../worker/lib/money";

/** The amount figures read as one list: all in 万元. */
const wan = (fen: number) => formatMoney(fen, { unit: "万元" });

export interface FinanceStatisticsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  stats: FinanceStatistics;
}

const days = (d: number | null) => (d === null ? "—" : `${d} 个工作日`);
const share = (part: number, whole: number) =>
  whole ? `${((part / whole) * 100).toFixed(1).replace(/\.0$/, "")}%` : "—";

const CSS = `
.fin .figures{display:grid;gap:10px;grid-template-columns:repeat(2,minmax(0,1fr));margin:0;padding:0;list-style:none}
@media(min-width:760px){.fin .figures{grid-template-columns:repeat(4,minmax(0,1fr))}}
.fin .figures li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px}
.fin .figures strong{display:block;font-size:1.3rem;font-variant-numeric:tabular-nums;color:var(--primary)}
.fin .figures span{color:var(--muted);font-size:.9rem}
`;

function Figures({ items }: { items: { label: string; value: string }[] }) {
  return (
    <ul class="figures">
      {items.map((i) => (
        <li>
          <span>{i.label}</span>
          <strong>{i.value}</strong>
        </li>
      ))}
    </ul>
  );
}

export function FinanceStatisticsPage({ zone, nonce, user, stats: s }: FinanceStatisticsPageProps) {
  return (
    <Layout title="金融超市统计" zone={zone} nonce={nonce} user={user} css={FINANCE_CSS + CSS}>
      <main id="main" class="wrap fin">
        <h1>金融超市统计</h1>
        <p class="lead">
          本园区的办理时限:金融机构应在 {zone.finance.acceptWorkingDays} 个工作日内受理或拒绝贷款申请,受理后{" "}
          {zone.finance.decideWorkingDays} 个工作日内作出授信决定。{overdueRule(zone, "机构")}。
        </p>

        <section aria-labelledby="h-needs">
          <h2 id="h-needs">融资需求</h2>
          <Figures
            items={[
              { label: "已发布", value: `${s.needs.posted} 条` },
              { label: "对接中", value: `${s.needs.open} 条` },
              { label: "已满足", value: `${s.needs.met} 条` },
              { label: "满足率", value: share(s.needs.met, s.needs.posted) },
              { label: "已关闭", value: `${s.needs.closed} 条` },
              { label: "需求总额", value: wan(s.needs.amountPostedFen) },
            ]}
          />
        </section>

        <section aria-labelledby="h-loans">
          <h2 id="h-loans">贷款申请</h2>
          <Figures
            items={[
              { label: "申请", value: `${s.loans.applications} 笔` },
              { label: "办理中", value: `${s.loans.pending} 笔` },
              { label: "授信金额", value: wan(s.loans.approvedFen) },
              { label: "放款金额", value: wan(s.loans.disbursedFen) },
            ]}
          />
          <CalendarListNote dues={[s.loans.latestDueOn]} />
          <p>
            <a href="/api/v1/finance/loans?format=xlsx">导出全部贷款申请(Excel)</a>
          </p>
        </section>

        <section aria-labelledby="h-banks">
          <h2 id="h-banks">各金融机构</h2>
          {s.banks.length === 0 ? (
            <p class="panel">本园区还没有登记金融机构。</p>
          ) : (
            <div class="table-scroll">
              <table class="grid stack">
                <thead>
                  <tr>
                    <th scope="col">机构</th>
                    <th scope="col" class="num">
                      申请
                    </th>
                    <th scope="col" class="num">
                      授信
                    </th>
                    <th scope="col" class="num">
                      拒绝
                    </th>
                    <th scope="col" class="num">
                      超时
                    </th>
                    <th scope="col" class="num">
                      平均受理用时
                    </th>
                    <th scope="col" class="num">
                      平均决定用时
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.banks.map((b) => (
                    <tr>
                      <th scope="row">{b.bank}</th>
                      <td class="num" data-label="申请">
                        {b.applications}
                      </td>
                      <td class="num" data-label="授信">
                        {b.approved}
                      </td>
                      <td class="num" data-label="拒绝">
                        {b.declined}
                      </td>
                      <td class="num" data-label="超时">
                        {b.overdue ? <span class="tag overdue">{b.overdue}</span> : 0}
                      </td>
                      <td class="num" data-label="平均受理用时">
                        {days(b.avgDaysToRespond)}
                      </td>
                      <td class="num" data-label="平均决定用时">
                        {days(b.avgDaysToDecide)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </main>
    </Layout>
  );
}
