/**
 * One form for a new loan product and for editing one: name and type, the
 * amount (万元), annual rate (%) and term (months) ranges, the guarantees it
 * accepts, the zone's industries it targets (none = 不限) and the
 * qualifications it requires, minimum years and revenue, region, features,
 * materials (one per line) and contact. Editing also offers 发布 / 下架.
 * A refused form comes back with what was typed and a message under each field.
 */
import type { Child } from "hono/jsx";
import type { ZoneConfig } from "../../../tenants/schema";
import { GUARANTEES, PRODUCT_TYPES, type LoanProductRow } from "../../../worker/db/schema";
import { Checkbox, FormAlert, Input, Select, Textarea, type FormErrors } from "../../components/form";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import type { ProductFormValues } from "./rows";
import { FINANCE_CSS, PRODUCT_TYPE_ZH, ProductStatusTag } from "./shared";
import { GUARANTEE_ZH } from "../../../worker/engines/loan-match/match";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface ProductFormPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** null: a new product. */
  product: LoanProductRow | null;
  values: ProductFormValues;
  errors?: FormErrors | undefined;
  notice?: Notice | undefined;
}

/** A group of checkboxes with one legend, hint and error, linked for screen readers. */
function Choices({
  name,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: { value: string; label: string }[];
  checked: string[];
}) {
  const ids = [hint ? `f-${name}-hint` : null, error ? `f-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class="choices" aria-describedby={ids} aria-invalid={error ? "true" : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      )}
      {options.map((o) => (
        <Checkbox name={name} value={o.value} checked={checked.includes(o.value)}>
          {o.label}
        </Checkbox>
      ))}
      {error && (
        <p class="field-error" id={`f-${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

const Pair = ({ children }: { children: Child }) => <div class="pair">{children}</div>;

export function ProductFormPage({ zone, nonce, user, product, values, errors, notice }: ProductFormPageProps) {
  const t = values.text;
  const e = errors?.fields ?? {};
  const title = product ? `编辑产品:${product.name}` : "新建贷款产品";
  return (
    <Layout title={title} zone={zone} nonce={nonce} user={user} css={FINANCE_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/bank/products">我的产品</a> › {product ? "编辑" : "新建"}
        </p>
        <h1>{title}</h1>
        <NoticeBox notice={notice} />
        {product && (
          <section class="panel" aria-labelledby="h-status">
            <h2 id="h-status">
              状态:
              <ProductStatusTag status={product.status} />
            </h2>
            <p class="range">
              {product.status === "published" ? (
                <>
                  已在金融超市展示。<a href={`/finance/products/${product.id}`}>查看公开页面</a>
                </>
              ) : (
                "发布后,产品会出现在本园区的金融超市,企业可以申请。"
              )}
            </p>
            <form method="post" action={`/bank/products/${product.id}/status`} class="inline">
              {product.status === "published" ? (
                <button
                  class="btn secondary"
                  type="submit"
                  name="action"
                  value="withdraw"
                  data-confirm={`确定下架“${product.name}”吗?下架后企业不能再看到和申请,办理中的申请不受影响。`}
                >
                  下架
                </button>
              ) : (
                <button class="btn" type="submit" name="action" value="publish">
                  发布
                </button>
              )}
            </form>
          </section>
        )}
        <form
          method="post"
          action={product ? `/bank/products/${product.id}` : "/bank/products"}
          class="panel"
          novalidate
        >
          <FormAlert errors={errors} />
          {product && <input type="hidden" name="revision" value={t.revision || String(product.revision)} />}
          <Input name="name" label="产品名称" maxlength={40} value={t.name} error={e.name} />
          <Select
            name="type"
            label="产品类型"
            value={t.type}
            placeholder="请选择"
            options={PRODUCT_TYPES.map((p) => ({ value: p, label: PRODUCT_TYPE_ZH[p] }))}
            error={e.type}
          />
          <Pair>
            <Input
              name="minAmount"
              label="最低额度(万元)"
              inputmode="decimal"
              maxlength={20}
              value={t.minAmount}
              error={e.minAmount}
            />
            <Input
              name="maxAmount"
              label="最高额度(万元)"
              inputmode="decimal"
              maxlength={20}
              value={t.maxAmount}
              error={e.maxAmount}
            />
          </Pair>
          <Pair>
            <Input
              name="minRate"
              label="最低年利率(%)"
              inputmode="decimal"
              maxlength={8}
              value={t.minRate}
              error={e.minRate}
            />
            <Input
              name="maxRate"
              label="最高年利率(%)"
              inputmode="decimal"
              maxlength={8}
              value={t.maxRate}
              error={e.maxRate}
            />
          </Pair>
          <Pair>
            <Input
              name="minTerm"
              label="最短期限(月)"
              inputmode="numeric"
              maxlength={4}
              value={t.minTerm}
              error={e.minTerm}
            />
            <Input
              name="maxTerm"
              label="最长期限(月)"
              inputmode="numeric"
              maxlength={4}
              value={t.maxTerm}
              error={e.maxTerm}
            />
          </Pair>
          <Choices
            name="guarantees"
            legend="可接受的担保方式"
            options={GUARANTEES.map((g) => ({ value: g, label: GUARANTEE_ZH[g] }))}
            checked={values.guarantees}
            error={e.guarantees}
          />
          <Choices
            name="industries"
            legend="面向行业"
            hint="不选表示不限行业。"
            options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))}
            checked={values.industries}
            error={e.industries}
          />
          <Choices
            name="qualifications"
            legend="申请资质要求"
            hint="不选表示不要求资质。"
            options={zone.qualifications.map((q) => ({ value: q.code, label: q.zh }))}
            checked={values.qualifications}
            error={e.qualifications}
          />
          <Pair>
            <Input
              name="minYears"
              label="最低经营年限(年)"
              required={false}
              inputmode="numeric"
              maxlength={4}
              hint="不填表示不限。"
              value={t.minYears}
              error={e.minYears}
            />
            <Input
              name="minRevenue"
              label="最低年营业收入(万元)"
              required={false}
              inputmode="decimal"
              maxlength={20}
              hint="不填表示不限。"
              value={t.minRevenue}
              error={e.minRevenue}
            />
          </Pair>
          <Input name="region" label="适用地区" required={false} maxlength={40} value={t.region} error={e.region} />
          <Textarea
            name="features"
            label="产品特色"
            required={false}
            maxlength={500}
            value={t.features}
            error={e.features}
          />
          <Textarea
            name="materials"
            label="申请材料"
            required={false}
            hint="每行一项,如:营业执照。"
            maxlength={1300}
            value={t.materials}
            error={e.materials}
          />
          <Pair>
            <Input
              name="contactName"
              label="联系人"
              required={false}
              maxlength={30}
              value={t.contactName}
              error={e.contactName}
            />
            <Input
              name="contactPhone"
              type="tel"
              label="联系电话"
              required={false}
              maxlength={30}
              value={t.contactPhone}
              error={e.contactPhone}
            />
          </Pair>
          <p>
            <button class="btn" type="submit">
              {product ? "保存修改" : "保存为草稿"}
            </button>
          </p>
        </form>
      </main>
    </Layout>
  );
}
