/**
 * One indicator (zone staff): its figures by year against the target as a line chart, what the
 * chosen year's actual is and where it comes from, and for zone admins the form to enter or
 * correct an actual and the form to change the definition.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Chart, CHART_CSS } from "../../components/charts/chart";
import type { ChartSpec } from "../../components/charts/chart-spec";
import { FormAlert, type FormErrors, type FormValues, Input, Textarea } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { shanghaiDate } from "../../../worker/lib/calendar";
import type { HeaderUser } from "../auth/labels";
import { SUBSIDY_STAFF_CSS } from "../subsidies/staff-shared";
import { DefinitionForm } from "./definition-form";
import { DIRECTION_LABEL, INDICATORS_CSS, type IndicatorView, isComputed, SOURCE_LABEL, withUnit } from "./labels";

export interface IndicatorPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  indicator: IndicatorView;
  year: number;
  canEdit: boolean;
  notice?: string | undefined;
  /** The actual's form as typed, and what was wrong with it. */
  value?: { values: FormValues; errors?: FormErrors | undefined };
  definition: { values: FormValues; errors?: FormErrors | undefined };
}

function trendChart(i: IndicatorView): ChartSpec {
  const target = i.target ?? i.targets.at(-1) ?? null;
  return {
    id: `trend-${i.code}`,
    title: `${i.name}(${i.unit})历年数值`,
    kind: "line",
    categories: i.byYear.map((p) => `${p.year}年`),
    series: [{ label: i.name, values: i.byYear.map((p) => p.value) }],
    unit: i.unit === "%" ? "percent" : "number",
    unitLabel: i.unit,
    ...(target ? { reference: { label: `${target.year}年目标`, values: i.byYear.map(() => target.value) } } : {}),
    note: `${i.baseline.year}年为基期值;之后各年为${isComputed(i) ? "平台统计值" : "填报的实际值"},未填报的年份空缺。`,
  };
}

export function IndicatorPage(p: IndicatorPageProps) {
  const { indicator: i, year } = p;
  // A correction starts from what is entered for the year.
  const entered = i.actual?.origin === "entered" ? i.actual : null;
  const entry = p.value ?? {
    values: { year: String(year), value: entered ? String(entered.value) : "", note: entered?.note ?? "" },
  };
  const ef = entry.errors?.fields ?? {};
  return (
    <Layout
      title={i.name}
      zone={p.zone}
      nonce={p.nonce}
      user={p.user}
      current="admin"
      css={SUBSIDY_STAFF_CSS + CHART_CSS + INDICATORS_CSS}
    >
      <main id="main" class="wrap sub ind">
        <p class="crumbs">
          <a href={`/admin/indicators?year=${year}`}>指标与目标</a> › {i.name}
        </p>
        <h1>{i.name}</h1>
        {p.notice && (
          <div class="alert ok" role="status">
            {p.notice}
          </div>
        )}
        <dl class="facts">
          <dt>单位与方向</dt>
          <dd>
            {i.unit},{DIRECTION_LABEL[i.direction]}
          </dd>
          <dt>基期</dt>
          <dd>
            {i.baseline.year}年 {withUnit(i.baseline.value, i.unit)}
          </dd>
          <dt>目标</dt>
          <dd>
            {i.targets.length === 0
              ? "未设目标"
              : i.targets.map((t) => `${t.year}年 ${withUnit(t.value, i.unit)}`).join(";")}
          </dd>
          <dt>{year}年实际值</dt>
          <dd>
            {i.actual ? withUnit(i.actual.value, i.unit) : "未填报"}
            {i.actual && <small class="src">({i.actual.origin === "computed" ? "平台统计" : i.actual.note})</small>}
            {i.progress && `,${i.progress.label}`}
          </dd>
          <dt>数据来源</dt>
          <dd>
            {SOURCE_LABEL[i.source] ?? i.source}
            {i.behind && (
              <>
                {" "}
                <a href={i.behind}>查看名单</a>
              </>
            )}
          </dd>
          {i.sourceNote && (
            <>
              <dt>出处</dt>
              <dd class="src">{i.sourceNote}</dd>
            </>
          )}
        </dl>
        <Chart spec={trendChart(i)} />
        {i.entries.length > 0 && (
          <section aria-labelledby="entries">
            <h2 id="entries">已填报的实际值</h2>
            <div class="table-scroll">
              <table class="grid stack">
                <thead>
                  <tr>
                    <th scope="col">年份</th>
                    <th scope="col">实际值</th>
                    <th scope="col">数据出处</th>
                    <th scope="col">填报人与时间</th>
                  </tr>
                </thead>
                <tbody>
                  {i.entries.map((e) => (
                    <tr>
                      <th scope="row">{e.year}年</th>
                      <td data-label="实际值">{withUnit(e.value, i.unit)}</td>
                      <td data-label="数据出处" class="src">
                        {e.note}
                      </td>
                      <td data-label="填报人与时间">
                        {e.enteredBy === "system" ? "系统(演示数据)" : (e.enteredBy ?? "—")}
                        <small>{formatDateZh(shanghaiDate(new Date(e.enteredAt)))}</small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="help">更正会覆盖当年的值;更正前的数值、出处和修改人记入操作日志。</p>
          </section>
        )}

        {p.canEdit && !isComputed(i) && (
          <section aria-labelledby="enter" class="card">
            <h2 id="enter">填报或更正实际值</h2>
            <p class="help">同一年份再次填报会更正原值,原值与修改人记入操作日志。</p>
            <FormAlert errors={entry.errors} />
            <form class="stack" method="post" action={`/admin/indicators/${i.id}/values`} novalidate>
              <Input
                name="year"
                label="年份"
                inputmode="numeric"
                value={entry.values.year}
                error={ef.year}
                maxlength={4}
              />
              <Input
                name="value"
                label={`实际值(${i.unit})`}
                inputmode="decimal"
                value={entry.values.value}
                error={ef.value}
                maxlength={20}
              />
              <Textarea
                name="note"
                label="数据出处"
                hint="例如:2019年东营市国民经济和社会发展统计公报;最多 200 字。"
                value={entry.values.note}
                error={ef.note}
                maxlength={200}
              />
              <button class="btn" type="submit">
                保存实际值
              </button>
            </form>
          </section>
        )}

        {p.canEdit && (
          <section aria-labelledby="define" class="card">
            <h2 id="define">修改指标设置</h2>
            <DefinitionForm
              action={`/admin/indicators/${i.id}`}
              values={p.definition.values}
              errors={p.definition.errors}
              withCode={false}
              submit="保存指标设置"
            />
          </section>
        )}
      </main>
    </Layout>
  );
}

export function NewIndicatorPage(p: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  values: FormValues;
  errors?: FormErrors | undefined;
}) {
  return (
    <Layout
      title="新增指标"
      zone={p.zone}
      nonce={p.nonce}
      user={p.user}
      current="admin"
      css={SUBSIDY_STAFF_CSS + INDICATORS_CSS}
    >
      <main id="main" class="wrap sub ind">
        <p class="crumbs">
          <a href="/admin/indicators">指标与目标</a> › 新增指标
        </p>
        <h1>新增指标</h1>
        <section class="card" aria-label="指标设置">
          <DefinitionForm action="/admin/indicators" values={p.values} errors={p.errors} withCode submit="添加指标" />
        </section>
      </main>
    </Layout>
  );
}
