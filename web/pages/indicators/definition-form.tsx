/**
 * An indicator's definition as a form (新增指标, and 修改指标 on its page): name, unit, direction,
 * baseline, targets by year as rows (the filled ones count; two empty rows to add more), where the
 * value comes from, the citation, order and whether it is in use. Keeps what was typed on error.
 */
import { Checkbox, FormAlert, type FormErrors, type FormValues, Input, Select, Textarea } from "../../components/form";
import { DIRECTION_LABEL, SOURCE_LABEL } from "./labels";

/** Target rows the form shows: the filled ones and this many empty ones. */
export const EMPTY_TARGET_ROWS = 2;

export function DefinitionForm({
  action,
  values,
  errors,
  withCode,
  submit,
}: {
  action: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  withCode: boolean;
  submit: string;
}) {
  const f = errors?.fields ?? {};
  let filled = 0;
  while (values[`targets.${filled}.year`] || values[`targets.${filled}.value`]) filled++;
  const rows = Array.from({ length: filled + EMPTY_TARGET_ROWS }, (_, i) => i);
  return (
    <>
      <FormAlert errors={errors} />
      <form class="stack" method="post" action={action} novalidate>
        {withCode && (
          <Input
            name="code"
            label="代码"
            hint="小写字母、数字和连字符,以字母开头,例如 high-tech-enterprises;创建后不能修改。"
            value={values.code}
            error={f.code}
            maxlength={41}
          />
        )}
        <Input name="name" label="指标名称" value={values.name} error={f.name} maxlength={60} />
        <Input
          name="unit"
          label="单位"
          hint="例如:%、家、件/万人、万元"
          value={values.unit}
          error={f.unit}
          maxlength={20}
        />
        <Select
          name="direction"
          label="方向"
          value={values.direction}
          error={f.direction}
          options={(["higher", "lower"] as const).map((d) => ({ value: d, label: DIRECTION_LABEL[d] }))}
        />
        <div class="rows">
          <Input
            name="baselineYear"
            label="基期年份"
            inputmode="numeric"
            value={values.baselineYear}
            error={f.baselineYear}
            maxlength={4}
          />
          <Input
            name="baselineValue"
            label="基期值(选填)"
            inputmode="decimal"
            value={values.baselineValue}
            error={f.baselineValue}
            required={false}
            maxlength={20}
          />
        </div>
        <fieldset id="f-targets" tabindex={-1}>
          <legend>各年度目标</legend>
          {f.targets && <p class="error">{f.targets}</p>}
          {rows.map((i) => (
            <div class="rows">
              <Input
                name={`targets.${i}.year`}
                label={`目标 ${i + 1} 年份`}
                inputmode="numeric"
                value={values[`targets.${i}.year`]}
                error={f[`targets.${i}.year`]}
                required={false}
                maxlength={4}
              />
              <Input
                name={`targets.${i}.value`}
                label={`目标 ${i + 1} 数值`}
                inputmode="decimal"
                value={values[`targets.${i}.value`]}
                error={f[`targets.${i}.value`]}
                required={false}
                maxlength={20}
              />
            </div>
          ))}
        </fieldset>
        <Select
          name="source"
          label="数据来源"
          hint="平台统计的指标不能手工填报,数值随平台记录变化。"
          value={values.source}
          error={f.source}
          options={Object.entries(SOURCE_LABEL).map(([value, label]) => ({ value, label }))}
        />
        <Textarea
          name="sourceNote"
          label="指标出处(选填)"
          hint="指标出自哪份文件、哪张表,原文如何印刷,便于核对。"
          value={values.sourceNote}
          error={f.sourceNote}
          required={false}
          maxlength={500}
        />
        <Input
          name="sortOrder"
          label="排序号"
          hint="0–9999,小的排在前面。"
          inputmode="numeric"
          value={values.sortOrder}
          error={f.sortOrder}
          maxlength={4}
        />
        <Checkbox name="active" value="on" checked={values.active === "on"}>
          启用(停用的指标仍保留数据,但不进入进度图)
        </Checkbox>
        <button class="btn" type="submit">
          {submit}
        </button>
      </form>
    </>
  );
}
