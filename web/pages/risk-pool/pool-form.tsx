/**
 * 设立资金池 (zone admins): name, size and caps in 万元, coverage tiers as rows (first match wins,
 * else the basic percent), the deadlines in working days, and the document and source of the money.
 */
import { PRODUCT_TYPES } from "../../../worker/db/schema";
import { FormAlert, type FormErrors, type FormValues, Input, Select, Textarea } from "../../components/form";
import { PRODUCT_TYPE_ZH } from "../finance/shared";

/** Tier rows offered (the service's RULE_ROWS). */
const ROWS = 4;
const TRI = [
  { value: "", label: "不限" },
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];

export function PoolForm({
  values: v,
  errors,
  open,
}: {
  values: FormValues;
  errors?: FormErrors | undefined;
  open: boolean;
}) {
  const e = errors?.fields ?? {};
  return (
    <section aria-labelledby="h-new-pool">
      <details open={open}>
        <summary id="h-new-pool">设立资金池</summary>
        <form method="post" action="/admin/risk-pool/pools">
          <FormAlert errors={errors} />
          <Input name="name" label="资金池名称" value={v.name} error={e.name} maxlength={60} />
          <Input name="size" label="资金规模(万元)" inputmode="decimal" value={v.size} error={e.size} />
          <Input
            name="perLoanCap"
            label="单笔补偿上限(万元)"
            inputmode="decimal"
            value={v.perLoanCap}
            error={e.perLoanCap}
          />
          <Input
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
                  id={`f-rule-${i}-label`}
                  label={`档次${i + 1}名称`}
                  required={false}
                  value={v[`rule.${i}.label`]}
                  error={e[`rule.${i}.label`]}
                  maxlength={40}
                />
                <Select
                  name={`rule.${i}.firstLoan`}
                  id={`f-rule-${i}-first`}
                  label="首贷"
                  required={false}
                  value={v[`rule.${i}.firstLoan`]}
                  options={TRI}
                />
                <Select
                  name={`rule.${i}.credit`}
                  id={`f-rule-${i}-credit`}
                  label="信用贷"
                  required={false}
                  value={v[`rule.${i}.credit`]}
                  options={TRI}
                />
                <Select
                  name={`rule.${i}.type`}
                  id={`f-rule-${i}-type`}
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
                  id={`f-rule-${i}-percent`}
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
              name="defaultPercent"
              label="其他贷款的补偿比例(%)"
              inputmode="numeric"
              value={v.defaultPercent}
              error={e.defaultPercent}
              maxlength={3}
            />
          </fieldset>
          <Input
            name="fileWithinDays"
            label="申请时限(违约后几个工作日内)"
            inputmode="numeric"
            value={v.fileWithinDays}
            error={e.fileWithinDays}
            maxlength={3}
          />
          <Input
            name="reviewWithinDays"
            label="审核时限(工作日)"
            inputmode="numeric"
            value={v.reviewWithinDays}
            error={e.reviewWithinDays}
            maxlength={3}
          />
          <Textarea
            name="basis"
            label="依据和资金来源"
            hint="政策文件名称和文号、资金来源;演示数据请注明“演示”"
            value={v.basis}
            error={e.basis}
            maxlength={500}
          />
          <button class="btn" type="submit">
            设立
          </button>
        </form>
      </details>
    </section>
  );
}
