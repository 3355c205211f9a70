/**
 * 政策兑现统计 (staff): applications and amounts per programme by status and
 * stage, this year's awards against each programme's annual budget, how long
 * each stage takes on average, and the CSV and Excel exports.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyStatus } from "../../../worker/db/schema";
import { formatMoney } from "../../../worker/lib/money";

/** Every figure on the dashboard is in 万元: its columns keep one unit. */
const wan = (fen: number) => formatMoney(fen, { unit: "万元" });
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { SUBSIDY_STAFF_CSS } from "./staff-shared";

/** The year's figures: per programme by status and stage, and per stage how long it takes. */
interface Dashboard {
  year: number;
  programmes: {
    id: string;
    title: string;
    byStatus: {
      status: SubsidyStatus;
      statusZh: string;
      stage: string | null;
      stageZh: string;
      n: number;
      amountFen: number;
    }[];
    budgetFen: number | null;
    awardedThisYearFen: number;
    paidFen: number;
  }[];
  stages: { key: string; zh: string; waiting: number; averageDays: number | null; completed: number }[];
}

interface DashboardPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  dashboard: Dashboard;
  /** Years offered in the picker, newest first. */
  years: number[];
}

/** Budget use as a bar (decoration) and in words (what is read out). */
function BudgetUse({ used, budget }: { used: number; budget: number | null }) {
  if (budget === null)
    return (
      <>
        {wan(used)}
        <small>未设年度预算</small>
      </>
    );
  const share = budget > 0 ? used / budget : 1;
  // Width classes in 5% steps: inline styles are blocked by the CSP.
  const step = Math.min(20, Math.round(share * 20));
  return (
    <>
      {wan(used)} / {wan(budget)}
      <small>
        已用 {(share * 100).toFixed(1)}%,剩余 {wan(Math.max(0, budget - used))}
      </small>
      <div class={`bar${share > 1 ? " over" : ""}`} aria-hidden="true">
        <span class={`w${step}`} />
      </div>
    </>
  );
}

const WIDTHS = Array.from({ length: 21 }, (_, i) => `.sub .bar span.w${i}{width:${i * 5}%}`).join("");

export function DashboardPage({ zone, nonce, user, dashboard: d, years }: DashboardPageProps) {
  return (
    <Layout title="政策兑现统计" zone={zone} nonce={nonce} user={user} css={SUBSIDY_STAFF_CSS + WIDTHS}>
      <main id="main" class="wrap sub">
        <p class="crumbs">
          <a href="/admin/subsidies">政策兑现</a> › 统计
        </p>
        <h1>政策兑现统计</h1>
        <form method="get" action="/admin/subsidies/dashboard" class="filters">
          <div class="field">
            <label for="f-year">预算年度</label>
            <select id="f-year" name="year">
              {years.map((y) => (
                <option value={String(y)} selected={y === d.year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <button class="btn secondary" type="submit">
            查看
          </button>
        </form>
        <p>
          <a class="btn" href="/admin/subsidies/export">
            导出全部申报(CSV)
          </a>{" "}
          <a class="btn" href="/admin/subsidies/export?format=xlsx">
            导出申报与拨付(Excel)
          </a>
        </p>

        <section aria-labelledby="h-stages">
          <h2 id="h-stages">各环节</h2>
          <div class="table-scroll">
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">环节</th>
                  <th scope="col" class="num">
                    待办
                  </th>
                  <th scope="col" class="num">
                    平均用时
                  </th>
                  <th scope="col" class="num">
                    已办结
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.stages.map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/subsidies?status=in_review&stage=${s.key}`}>{s.zh}</a>
                    </th>
                    <td class="num">{s.waiting}</td>
                    <td class="num">{s.averageDays === null ? "—" : `${s.averageDays} 天`}</td>
                    <td class="num">{s.completed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="h-programmes">
          <h2 id="h-programmes">按扶持项目</h2>
          {d.programmes.length === 0 ? (
            <p class="panel">还没有提交的申报。</p>
          ) : (
            <div class="table-scroll">
              <table class="grid stack">
                <thead>
                  <tr>
                    <th scope="col">扶持项目</th>
                    <th scope="col">状态与环节</th>
                    <th scope="col">{d.year}年批准 / 年度预算</th>
                    <th scope="col" class="num">
                      累计拨付
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.programmes.map((p) => (
                    <tr>
                      <th scope="row">
                        <a href={`/admin/subsidies?programme=${p.id}`}>{p.title}</a>
                      </th>
                      <td data-label="状态与环节">
                        <ul class="plain">
                          {p.byStatus.map((g) => (
                            <li>
                              {g.status === "in_review" && g.stageZh ? `${g.stageZh}中` : g.statusZh}:{g.n} 份,
                              {wan(g.amountFen)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td data-label={`${d.year}年批准 / 年度预算`}>
                        <BudgetUse used={p.awardedThisYearFen} budget={p.budgetFen} />
                      </td>
                      <td class="num" data-label="累计拨付">
                        {wan(p.paidFen)}
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
