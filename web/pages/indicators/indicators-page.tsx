/**
 * 指标与目标 (zone staff): each indicator's baseline, the target that applies, the chosen year's
 * actual (entered with its source, or counted by the platform with a link to the list behind
 * it), progress toward the target, and one chart of every indicator's progress. Zone admins get
 * the links to enter actuals and to add an indicator.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Chart, CHART_CSS } from "../../components/charts/chart";
import type { ChartSpec } from "../../components/charts/chart-spec";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { SUBSIDY_STAFF_CSS } from "../subsidies/staff-shared";
import {
  DIRECTION_LABEL,
  INDICATORS_CSS,
  type IndicatorTable,
  type IndicatorView,
  isComputed,
  SOURCE_LABEL,
  withUnit,
} from "./labels";

export interface IndicatorsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  table: IndicatorTable;
  canEdit: boolean;
  notice?: string | undefined;
}

function progressChart(t: IndicatorTable): ChartSpec | null {
  const shown = t.indicators.filter((i) => i.active && i.progress);
  if (shown.length === 0) return null;
  return {
    id: "progress",
    title: `${t.year}年各指标目标完成进度`,
    kind: "bar",
    categories: shown.map((i) => i.name),
    series: [
      {
        label: "完成进度",
        values: shown.map((i) => i.progress?.percent ?? null),
        href: shown.map((i) => `/admin/indicators/${i.id}?year=${t.year}`),
      },
    ],
    unit: "percent",
    reference: { label: "目标", values: shown.map(() => 100) },
    note:
      "进度 =(实际值 − 基期值)÷(目标值 − 基期值),越低越好的指标同样按此计算;达到或超过目标记为 100%。" +
      "只列出本年度有实际值的指标。",
  };
}

function ActualCell({ i, year }: { i: IndicatorView; year: number }) {
  if (!i.actual)
    return (
      <>
        未填报
        <small>{isComputed(i) ? "平台暂无可统计的记录" : `尚未填报${year}年实际值`}</small>
      </>
    );
  return (
    <>
      {withUnit(i.actual.value, i.unit)}
      <small class="src">
        {i.actual.origin === "computed" ? `平台统计:${i.actual.note}` : `来源:${i.actual.note}`}
      </small>
      {i.behind && (
        <a class="tap" href={i.behind}>
          查看名单
        </a>
      )}
    </>
  );
}

export function IndicatorsPage({ zone, nonce, user, table: t, canEdit, notice }: IndicatorsPageProps) {
  const chart = progressChart(t);
  return (
    <Layout
      title="指标与目标"
      zone={zone}
      nonce={nonce}
      user={user}
      current="admin"
      css={SUBSIDY_STAFF_CSS + CHART_CSS + INDICATORS_CSS}
    >
      <main id="main" class="wrap sub ind">
        <h1>指标与目标</h1>
        <p class="intro">
          园区用来衡量自身发展的指标:基期值、各年度目标和每年的实际值。能从平台记录统计的指标(如高新技术企业数)由平台自动计算,其余由园区管理员按统计公报等来源填报,每次修改都记入操作日志。
        </p>
        {notice && (
          <div class="alert ok" role="status">
            {notice}
          </div>
        )}
        <form method="get" action="/admin/indicators" class="filters">
          <div class="field">
            <label for="f-year">年度</label>
            <select id="f-year" name="year">
              {t.years.map((y) => (
                <option value={String(y)} selected={y === t.year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <button class="btn secondary" type="submit">
            查看
          </button>
        </form>
        <p class="actions">
          <a class="btn secondary" href={`/api/v1/admin/indicators?format=xlsx&year=${t.year}`}>
            导出 Excel
          </a>
          {canEdit && (
            <a class="btn secondary" href="/admin/new-indicator">
              新增指标
            </a>
          )}
        </p>

        {t.indicators.length === 0 ? (
          <p class="panel">还没有设置指标。{canEdit ? "点“新增指标”添加第一个。" : "请园区管理员添加。"}</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack" id="indicators">
              <caption class="skip">
                {t.year}年的 {t.indicators.length} 项指标
              </caption>
              <thead>
                <tr>
                  <th scope="col">指标</th>
                  <th scope="col">基期</th>
                  <th scope="col">目标</th>
                  <th scope="col">{t.year}年实际值</th>
                  <th scope="col">进度</th>
                </tr>
              </thead>
              <tbody>
                {t.indicators.map((i) => (
                  <tr data-code={i.code}>
                    <th scope="row">
                      <a href={`/admin/indicators/${i.id}?year=${t.year}`}>{i.name}</a>
                      <small>
                        单位:{i.unit} · {DIRECTION_LABEL[i.direction]} · {SOURCE_LABEL[i.source] ?? i.source}
                        {i.active ? "" : " · 已停用"}
                      </small>
                    </th>
                    <td data-label="基期">
                      {withUnit(i.baseline.value, i.unit)}
                      <small>{i.baseline.year}年</small>
                    </td>
                    <td data-label="目标">
                      {i.target ? (
                        <>
                          {withUnit(i.target.value, i.unit)}
                          <small>{i.target.year}年</small>
                        </>
                      ) : (
                        "未设目标"
                      )}
                    </td>
                    <td data-label={`${t.year}年实际值`}>
                      <ActualCell i={i} year={t.year} />
                    </td>
                    <td data-label="进度" class="progress">
                      {i.progress ? (
                        <span class={i.progress.met ? "met" : i.progress.label === "低于基期" ? "behind" : ""}>
                          {i.progress.label}
                        </span>
                      ) : (
                        "—"
                      )}
                      {canEdit && !isComputed(i) && (
                        <a class="tap" href={`/admin/indicators/${i.id}?year=${t.year}#enter`}>
                          {i.actual ? "更正实际值" : "填报实际值"}
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {t.indicators.some(isComputed) && (
          <p class="help">
            标有“平台统计”的指标由平台按已核验的记录自动计算,只计入在本平台登记的企业,口径可能小于全市或全区的统计数;点“查看名单”可核对。
          </p>
        )}
        {chart && <Chart spec={chart} />}
      </main>
    </Layout>
  );
}
