/**
 * The list sections of 园区设置 (重点产业, 资质类型, 审核环节, LPR) without JS: the current rows plus two
 * empty ones; a row whose name (LPR: 起始日 and 利率) is left empty is dropped on save, and 审核环节 are
 * ordered by 顺序.
 */
import { Checkbox, Input, Select } from "../../components/form";
import { LPR_TERM_LABEL, type SectionFormProps, STAGE_KIND_LABEL, STAGE_ROLE_LABEL } from "./labels";

/** How many rows the values hold under `prefix` (the highest index given, plus one), and two empty ones. */
export function rowCount(values: Record<string, string | undefined>, prefix: string): number {
  let n = 0;
  for (const key of Object.keys(values)) {
    const m = key.startsWith(`${prefix}.`) ? /^(\d+)\./.exec(key.slice(prefix.length + 1)) : null;
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n + 2;
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A row's own error, then its fields'. */
const rowError = (errors: Record<string, string>, path: string) => errors[path];

/** One coded list (industries, qualification types): a row per entry plus two empty ones. */
function CodedRows(props: SectionFormProps & { path: string; nameLabel: string; extra?: (i: number) => unknown }) {
  const { values, errors, path: p } = props;
  return (
    <div class="rows" id={`f-${p}`}>
      {indexes(rowCount(values, p)).map((i) => (
        <fieldset class="row">
          <legend>{values[`${p}.${i}.zh`] ? `第${i + 1}项` : `第${i + 1}项(新增,可不填)`}</legend>
          <input type="hidden" name={`${p}.${i}.code`} value={values[`${p}.${i}.code`] ?? ""} />
          {rowError(errors, `${p}.${i}`) && <p class="field-error">{rowError(errors, `${p}.${i}`)}</p>}
          <Input
            name={`${p}.${i}.zh`}
            label={`第${i + 1}项 ${props.nameLabel}`}
            value={values[`${p}.${i}.zh`]}
            error={errors[`${p}.${i}.zh`]}
            required={false}
            maxlength={60}
          />
          <Input
            name={`${p}.${i}.en`}
            label={`第${i + 1}项 英文名称(选填)`}
            value={values[`${p}.${i}.en`]}
            error={errors[`${p}.${i}.en`]}
            required={false}
            maxlength={100}
          />
          {props.extra?.(i)}
        </fieldset>
      ))}
    </div>
  );
}

export function IndustryRows(props: SectionFormProps) {
  return <CodedRows {...props} path="priorityIndustries" nameLabel="产业名称" />;
}

export function QualificationRows(props: SectionFormProps) {
  const p = "qualifications";
  return (
    <CodedRows
      {...props}
      path={p}
      nameLabel="资质名称"
      extra={(i) => (
        <Checkbox name={`${p}.${i}.certificate`} value="on" checked={props.values[`${p}.${i}.certificate`] === "on"}>
          需要填写证书编号和日期
        </Checkbox>
      )}
    />
  );
}

const KIND_OPTIONS = Object.entries(STAGE_KIND_LABEL).map(([value, label]) => ({ value, label }));

export function StageRows({ values, errors }: SectionFormProps) {
  const p = "subsidy.stages";
  return (
    <div class="rows" id={`f-${p}`} tabindex={-1}>
      {errors[p] && <p class="field-error">{errors[p]}</p>}
      {indexes(rowCount(values, p)).map((i) => {
        const roles = (values[`${p}.${i}.roles`] ?? "").split(",");
        return (
          <fieldset class="row">
            <legend>{values[`${p}.${i}.zh`] ? `第${i + 1}个环节` : `第${i + 1}个环节(新增,可不填)`}</legend>
            <input type="hidden" name={`${p}.${i}.key`} value={values[`${p}.${i}.key`] ?? ""} />
            {rowError(errors, `${p}.${i}`) && <p class="field-error">{rowError(errors, `${p}.${i}`)}</p>}
            <Input
              name={`${p}.${i}.zh`}
              label={`第${i + 1}个环节 名称`}
              value={values[`${p}.${i}.zh`]}
              error={errors[`${p}.${i}.zh`]}
              required={false}
              maxlength={30}
            />
            <Select
              name={`${p}.${i}.kind`}
              label={`第${i + 1}个环节 类型`}
              value={values[`${p}.${i}.kind`] ?? "review"}
              options={KIND_OPTIONS}
              error={errors[`${p}.${i}.kind`]}
              required={false}
            />
            <fieldset class="roles" id={`f-${p}.${i}.roles`} tabindex={-1}>
              <legend>第{i + 1}个环节 办理人(公示环节不选)</legend>
              {(["reviewer", "zone_admin"] as const).map((r) => (
                <Checkbox name={`${p}.${i}.roles`} value={r} checked={roles.includes(r)}>
                  {STAGE_ROLE_LABEL[r]}
                </Checkbox>
              ))}
              {errors[`${p}.${i}.roles`] && <p class="field-error">{errors[`${p}.${i}.roles`]}</p>}
            </fieldset>
            <Input
              name={`${p}.${i}.dueWorkingDays`}
              label={`第${i + 1}个环节 办理时限(工作日)`}
              value={values[`${p}.${i}.dueWorkingDays`]}
              error={errors[`${p}.${i}.dueWorkingDays`]}
              inputmode="numeric"
              required={false}
              maxlength={3}
            />
            <Input
              name={`${p}.${i}.order`}
              label={`第${i + 1}个环节 顺序`}
              hint="填数字,按从小到大排列;要调整顺序,改这个数字即可。"
              value={values[`${p}.${i}.order`] ?? String(i + 1)}
              error={errors[`${p}.${i}.order`]}
              inputmode="numeric"
              required={false}
              maxlength={3}
            />
          </fieldset>
        );
      })}
    </div>
  );
}

const TERM_OPTIONS = Object.entries(LPR_TERM_LABEL).map(([value, label]) => ({ value, label }));

/** The LPR the zone records over the national list: 期限, 起始日, 利率 %, 来源 per row. */
export function LprRows({ values, errors }: SectionFormProps) {
  const p = "finance.lpr";
  return (
    <div class="rows" id={`f-${p}`} tabindex={-1}>
      {errors[p] && <p class="field-error">{errors[p]}</p>}
      {indexes(rowCount(values, p)).map((i) => (
        <fieldset class="row">
          <legend>{values[`${p}.${i}.from`] ? `第${i + 1}行` : `第${i + 1}行(新增,可不填)`}</legend>
          {rowError(errors, `${p}.${i}`) && <p class="field-error">{rowError(errors, `${p}.${i}`)}</p>}
          <Select
            name={`${p}.${i}.term`}
            label={`第${i + 1}行 期限`}
            value={values[`${p}.${i}.term`] ?? "1y"}
            options={TERM_OPTIONS}
            error={errors[`${p}.${i}.term`]}
            required={false}
          />
          <Input
            name={`${p}.${i}.from`}
            label={`第${i + 1}行 起始日`}
            hint="公布并起用的日期,如 2025-05-20。"
            value={values[`${p}.${i}.from`]}
            error={errors[`${p}.${i}.from`]}
            required={false}
            maxlength={10}
          />
          <Input
            name={`${p}.${i}.rate`}
            label={`第${i + 1}行 利率(%)`}
            hint="如 3.00。"
            value={values[`${p}.${i}.rate`]}
            error={errors[`${p}.${i}.rate`]}
            inputmode="decimal"
            required={false}
            maxlength={6}
          />
          <Input
            name={`${p}.${i}.source`}
            label={`第${i + 1}行 来源`}
            hint="如“全国银行间同业拆借中心受权公布(2025-05-20)”。"
            value={values[`${p}.${i}.source`]}
            error={errors[`${p}.${i}.source`]}
            required={false}
            maxlength={200}
          />
        </fieldset>
      ))}
    </div>
  );
}
