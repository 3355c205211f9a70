/**
 * 设立资金池 and 修改设置 (zone admins): name, size (setting up only) and caps in 万元, coverage tiers
 * as rows (first match wins, else the basic percent), the deadlines in working days, and the document
 * and source of the money. The edit form is the same fields filled from the pool, with its revision.
 */
import { PRODUCT_TYPES } from "../../../worker/db/schema";
import { fenToPlainWan } from "../../../worker/lib/money";
import { FormAlert, type FormErrors, type FormValues, Input, Select, Textarea } from "../../components/form";
import { PRODUCT_TYPE_ZH } from "../finance/shared";
import type { PoolView } from "./types";

/** Tier rows offered (the service's RULE_ROWS). */
const ROWS = 4;
const TRI = [
  { value: "", label: "不限" },
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];

const triOf = (b: boolean | undefined) => (b === undefined ? "" : b ? "yes" : "no");

/** The edit form's fields as the pool stands (amounts as plain 万元 the parser takes back). */
export function poolFormValues(p: PoolView): FormValues {
  const v: FormValues = {
    name: p.name,
    perLoanCap: fenToPlainWan(p.perLoanCapFen),
    perBankCap: fenToPlainWan(p.perBankCapFen),
    defaultPercent: String(p.coverageRules.defaultPercent),
    fileWithinDays: String(p.fileWithinDays),
    reviewWithinDays: String(p.reviewWithinDays),
    basis: p.basis,
  };
  p.coverageRules.rules.slice(0, ROWS).forEach((r, i) => {
    v[`rule.${i}.label`] = r.label;
    v[`rule.${i}.percent`] = String(r.percent);
    v[`rule.${i}.firstLoan`] = triOf(r.when.firstLoan);
    v[`rule.${i}.credit`] = triOf(r.when.credit);
    v[`rule.${i}.type`] = r.when.productTypes?.[0] ?? "";
  });
  return v;
}

export function PoolForm({
  values: v,
  errors,
  open,
  edit,
}: {
  values: FormValues;
  errors?: FormErrors | undefined;
  open: boolean;
  /** Editing this pool (no size: it moves only by 注资); absent: setting one up. */
  edit?: { poolId: string; revision: number } | undefined;
}) {
  const e = errors?.fields ?? {};
  // Field ids stay unique with one edit form per pool on the page: f-name, f-e<pool>-name, …
  const pre = edit ? `f-e${edit.poolId}` : "f";
  const id = (name: string) => `${pre}-${name.replaceAll(".", "-")}`;
  const ids = Object.fromEntries(Object.keys(e).map((k) => [k, id(k)]));
  const heading = edit ? `h-edit-${edit.poolId}` : "h-new-pool";
  return (
    <section aria-labelledby={heading}>
      <details open={open}>
        <summary id={heading}>{edit ? "修改设置" : "设立资金池"}</summary>
        <form method="post" action={edit ? `/admin/risk-pool/pools/${edit.poolId}/edit` : "/admin/risk-pool/pools"}>
          <FormAlert errors={errors} ids={ids} />
          {edit && <input type="hidden" name="revision" value={String(edit.revision)} />}
          <Input id={id("name")} name="name" label="资金池名称" value={v.name} error={e.name} maxlength={60} />
          {edit ? (
            <p class="hint">资金规模通过“注资”增加,每笔注资记入资金流水。</p>
          ) : (
            <Input
              id={id("size")}
              name="size"
              label="资金规模(万元)"
              inputmode="decimal"
              value={v.size}
              error={e.size}
            />
          )}
          <Input
            id={id("perLoanCap")}
            name="perLoanCap"
            label="单笔补偿上限(万元)"
            inputmode="decimal"
            value={v.perLoanCap}
            error={e.perLoanCap}
          />
          <Input
            id={id("perBankCap")}
            name="perBankCap"
            label="单家银行累计补偿上限(万元)"
            inputmode="decimal"
            value={v.perBankCap}
            error={e.perBankCap}
          />
          <fieldset>
            <legend>补偿档次(按顺序取第一条符合的)</legend>
            {Array.from({ length: ROWS }, (_, i) => (
              <div class="rules">
                <Input
                  name={`rule.${i}.label`}
                  id={id(`rule.${i}.label`)}
                  label={`档次${i + 1}名称`}
                  required={false}
                  value={v[`rule.${i}.label`]}
                  error={e[`rule.${i}.label`]}
                  maxlength={40}
                />
                <Select
                  name={`rule.${i}.firstLoan`}
                  id={id(`rule.${i}.first`)}
                  label="首贷"
                  required={false}
                  value={v[`rule.${i}.firstLoan`]}
                  options={TRI}
                />
                <Select
                  name={`rule.${i}.credit`}
                  id={id(`rule.${i}.credit`)}
                  label="信用贷"
                  required={false}
                  value={v[`rule.${i}.credit`]}
                  options={TRI}
                />
                <Select
                  name={`rule.${i}.type`}
                  id={id(`rule.${i}.type`)}
                  label="产品类型"
                  required={false}
                  value={v[`rule.${i}.type`]}
                  options={[
                    { value: "", label: "不限" },
                    ...PRODUCT_TYPES.map((t) => ({ value: t, label: PRODUCT_TYPE_ZH[t] })),
                  ]}
                />
                <Input
                  name={`rule.${i}.percent`}
                  id={id(`rule.${i}.percent`)}
                  label="补偿比例(%)"
                  inputmode="numeric"
                  required={false}
                  value={v[`rule.${i}.percent`]}
                  error={e[`rule.${i}.percent`]}
                  maxlength={3}
                />
              </div>
            ))}
            <Input
              id={id("defaultPercent")}
              name="defaultPercent"
              label="其他贷款的补偿比例(%)"
              inputmode="numeric"
              value={v.defaultPercent}
              error={e.defaultPercent}
              maxlength={3}
            />
          </fieldset>
          <Input
            id={id("fileWithinDays")}
            name="fileWithinDays"
            label="申请时限(违约后几个工作日内)"
            inputmode="numeric"
            value={v.fileWithinDays}
            error={e.fileWithinDays}
            maxlength={3}
          />
          <Input
            id={id("reviewWithinDays")}
            name="reviewWithinDays"
            label="审核时限(工作日)"
            inputmode="numeric"
            value={v.reviewWithinDays}
            error={e.reviewWithinDays}
            maxlength={3}
          />
          <Textarea
            id={id("basis")}
            name="basis"
            label="依据和资金来源"
            hint="政策文件名称和文号、资金来源;演示数据请注明“演示”"
            value={v.basis}
            error={e.basis}
            maxlength={500}
          />
          <button class="btn" type="submit">
            {edit ? "保存修改" : "设立"}
          </button>
        </form>
      </details>
    </section>
  );
}
