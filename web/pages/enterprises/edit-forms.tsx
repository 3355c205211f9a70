/**
 * The member's edit forms: contact details, one year's figures, a qualification
 * claim. Typed values survive an error.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import {
  FileInput,
  FormAlert,
  Input,
  MoneyInput,
  Select,
  type FormErrors,
  type FormValues,
} from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { formatDateZh } from "../../format";
import { ENTERPRISE_CSS } from "./labels";

interface FormPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  values: FormValues;
  errors?: FormErrors | undefined;
}

function FormPage({
  zone,
  nonce,
  user,
  title,
  intro,
  action,
  children,
  errors,
  multipart,
}: Omit<FormPageProps, "values"> & {
  title: string;
  intro: unknown;
  action: string;
  children: unknown;
  multipart?: boolean;
}) {
  return (
    <Layout title={title} zone={zone} nonce={nonce} user={user} css={ENTERPRISE_CSS}>
      <main id="main" class="wrap ent">
        <p class="crumbs">
          <a href="/enterprise">企业资料</a> › {title}
        </p>
        <h1>{title}</h1>
        {intro}
        <FormAlert errors={errors} />
        <form method="post" action={action} novalidate enctype={multipart ? "multipart/form-data" : undefined}>
          <div class="form-grid">{children}</div>
          <div class="actions">
            <button class="btn" type="submit">
              保存
            </button>
            <a class="btn secondary" href="/enterprise">
              取消
            </a>
          </div>
        </form>
      </main>
    </Layout>
  );
}

/** A field's name, the value typed (kept after an error) and its error. */
function bind(values: FormValues, errors: FormErrors | undefined) {
  return (name: string) => ({ name, value: values[name] ?? "", error: errors?.fields?.[name] });
}

export function ProfileFormPage({ zone, nonce, user, values, errors }: FormPageProps) {
  const intro = (
    <p class="note">
      企业名称、统一社会信用代码、法定代表人和注册信息由园区核实,不能在这里修改;如有变更,请联系园区管理员(
      {zone.contact.phone})。
    </p>
  );
  const f = bind(values, errors);
  return (
    <FormPage
      zone={zone}
      nonce={nonce}
      user={user}
      title="修改联系信息"
      intro={intro}
      action="/enterprise/profile"
      errors={errors}
    >
      <Input label="地址" {...f("address")} />
      <Input label="联系人" maxlength={50} {...f("contactName")} />
      <Input label="联系人手机" type="tel" inputmode="numeric" maxlength={20} {...f("contactMobile")} />
      <Input label="联系邮箱" type="email" hint="资质审核结果等通知发到这个邮箱" {...f("contactEmail")} />
      <Input label="员工人数" inputmode="numeric" maxlength={7} {...f("employees")} />
      <Select
        label="重点产业"
        placeholder="请选择"
        options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))}
        {...f("industry")}
      />
      <Input
        label="行业代码(国民经济行业分类)"
        maxlength={5}
        hint="门类字母加 2–4 位数字,如 C2651"
        {...f("industryClass")}
      />
    </FormPage>
  );
}

export function FiguresFormPage({
  zone,
  nonce,
  user,
  values,
  errors,
  maxYear,
  prefilledFrom,
  report,
}: FormPageProps & { maxYear: number; prefilledFrom?: number; report?: { year: number; dueOn: string } }) {
  const intro = (
    <>
      {report && (
        <p class="alert info" role="status">
          园区正在收集 {report.year} 年度报表,请于 {formatDateZh(report.dueOn)}
          前填齐下列各项(研发费用加计扣除额除外)后提交;没有的项请填 0。
        </p>
      )}
      {prefilledFrom !== undefined && (
        <p class="alert info" role="status">
          已按上年数据预填,请核对后提交。(以下数字来自 {prefilledFrom} 年度,保存后才成为本年度的数据。)
        </p>
      )}
      <p class="note">
        金额以元为单位,可带两位小数(如 12345.67),也可写 300万 或
        1.5亿;不清楚的项可以留空。研发人员数不能多于员工人数。保存同一年度会替换原数据,原数据保留在变更记录中。
      </p>
    </>
  );
  const f = bind(values, errors);
  const count = (label: string, name: string, hint?: string) => (
    <Input label={label} inputmode="numeric" maxlength={7} required={false} hint={hint} {...f(name)} />
  );
  return (
    <FormPage
      zone={zone}
      nonce={nonce}
      user={user}
      title="填报年度数据"
      intro={intro}
      action="/enterprise/figures"
      errors={errors}
    >
      <Input label="年度" inputmode="numeric" maxlength={4} hint={`2000–${maxYear}`} {...f("year")} />
      <MoneyInput label="营业收入" required={false} {...f("revenue")} />
      <MoneyInput label="研发费用" required={false} {...f("rdExpense")} />
      <MoneyInput label="研发费用加计扣除额" required={false} {...f("rdSuperDeduction")} />
      <MoneyInput label="纳税额" required={false} {...f("taxPaid")} />
      <MoneyInput label="出口额" required={false} hint="没有出口请填 0" {...f("exports")} />
      {count("员工人数", "employees")}
      {count("研发人员数", "rdStaff")}
      {count("发明专利申请数", "inventionPatentsFiled", "本年度新提交的发明专利申请,件")}
      {count("发明专利授权数", "inventionPatentsGranted", "本年度获得授权的发明专利,件")}
      {count("有效发明专利数", "validInventionPatents", "年末仍有效的发明专利,件")}
    </FormPage>
  );
}

/** `certificateRule`: which files a certificate may be and how large, as the materials feature accepts them. */
export function QualificationFormPage({
  zone,
  nonce,
  user,
  values,
  errors,
  certificateRule,
}: FormPageProps & { certificateRule: string }) {
  const needs = zone.qualifications
    .filter((q) => q.certificate)
    .map((q) => q.zh)
    .join("、");
  const intro = (
    <p class="note">
      提交后由园区审核;审核通过前,已核实的同一资质保持不变。
      {needs ? `${needs}须填写证书编号、发证日期和有效期,并上传证书(${certificateRule})。` : ""}
    </p>
  );
  const f = bind(values, errors);
  return (
    <FormPage
      zone={zone}
      nonce={nonce}
      user={user}
      title="申报资质"
      intro={intro}
      action="/enterprise/qualifications"
      errors={errors}
      multipart
    >
      <Select
        label="资质"
        placeholder="请选择"
        options={zone.qualifications.map((q) => ({ value: q.code, label: q.zh }))}
        {...f("code")}
      />
      <Input label="证书编号" maxlength={64} required={false} {...f("certificateNo")} />
      <Input label="发证日期" type="date" maxlength={10} required={false} {...f("issuedOn")} />
      <Input label="有效期至" type="date" maxlength={10} required={false} {...f("validUntil")} />
      {/* A browser cannot keep a chosen file after an error; the hint says to choose it again. */}
      <FileInput
        name="certificate"
        label="证书文件"
        required={false}
        hint={`${certificateRule};${needs ? `${needs}必传。` : ""}提交未成功时请重新选择文件。`}
        error={errors?.fields?.certificate}
      />
    </FormPage>
  );
}
