/** 创建园区: the form behind POST /console/new-zone (the same service as the platform API). */
import { templateLabel } from "./labels";
import { FormAlert, Input, Select, type FormErrors, type FormValues } from "../../components/form";
import { ConsoleShell, type OperatorHeader } from "./shell";

export interface NewZonePageProps {
  nonce: string | undefined;
  operator: OperatorHeader;
  templates: readonly string[];
  values?: FormValues;
  errors?: FormErrors;
}

export function NewZonePage({ nonce, operator, templates, values, errors }: NewZonePageProps) {
  return (
    <ConsoleShell title="创建园区" nonce={nonce} operator={operator} current="new-zone">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="new-zone-title">
          <h1 id="new-zone-title">创建园区</h1>
          <p>
            创建后园区立即在自己的子域名上提供服务。若某一步失败,园区会停在“开通中”,用同一园区标识再次提交即可从失败处继续。
          </p>
          <FormAlert errors={errors} />
          <form class="stack" method="post" action="/console/new-zone" novalidate>
            <Input
              name="slug"
              label="园区标识(子域名)"
              hint="2–32 个小写字母、数字或连字符,以字母开头、不以连字符结尾,例如 gaoxin;它就是园区网址的开头,创建后不能修改"
              value={values?.slug}
              error={errors?.fields?.slug}
              maxlength={32}
              autocapitalize="none"
            />
            <Input
              name="nameZh"
              label="园区中文名称"
              hint="例如:某某高新技术产业开发区"
              value={values?.nameZh}
              error={errors?.fields?.nameZh}
              maxlength={40}
            />
            <Input
              name="nameEn"
              label="园区英文名称"
              value={values?.nameEn}
              error={errors?.fields?.nameEn}
              maxlength={100}
            />
            <Input
              name="province"
              label="省份"
              value={values?.province}
              error={errors?.fields?.province}
              maxlength={20}
            />
            <Input name="city" label="城市" value={values?.city} error={errors?.fields?.city} maxlength={20} />
            <Input
              name="phone"
              label="咨询电话"
              type="tel"
              hint="区号和号码,例如 0533-1234567"
              value={values?.phone}
              error={errors?.fields?.phone}
              maxlength={20}
            />
            <Select
              name="template"
              label="模板"
              hint="空白模板不带政策文件;复制示范园区会带上它的政策和园区设置(名称、电话等用上面填写的),之后园区管理员可在“园区设置”中修改"
              value={values?.template ?? "blank"}
              error={errors?.fields?.template}
              options={templates.map((t) => ({ value: t, label: templateLabel(t) }))}
            />
            <button class="btn" type="submit">
              创建园区
            </button>
          </form>
        </section>
      </main>
    </ConsoleShell>
  );
}
