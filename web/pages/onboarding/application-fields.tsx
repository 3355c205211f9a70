/**
 * The company's facts, claimed qualifications and files: the part of the form
 * shared by 申请入驻 and the correction of a returned application.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Checkbox, FileInput, Input, MoneyInput, Select, type FormErrors } from "../../components/form";

export interface ApplicationFieldValues {
  text: Record<string, string>;
  qualifications: string[];
}

export function ApplicationFields({ zone, values, errors, limitLabel, filesOnFile }: {
  zone: ZoneConfig;
  values: ApplicationFieldValues;
  errors: FormErrors | undefined;
  limitLabel: string;
  /** Correction: files already given need not be sent again. */
  filesOnFile?: boolean;
}) {
  const v = (k: string) => values.text[k];
  const e = (k: string) => errors?.fields?.[k];
  const fileHint = `PDF、JPG 或 PNG,每个文件不超过 ${limitLabel}。${filesOnFile ? "已上传的文件不必重复上传;选择新文件会作为补充材料加入。" : ""}${errors ? "出错后需要重新选择文件。" : ""}`;
  return (
    <>
      <fieldset class="group">
        <legend>企业基本信息</legend>
        <Input name="companyName" label="企业名称" value={v("companyName")} error={e("companyName")} hint="与营业执照一致" />
        <div class="grid2">
          <Input name="uscc" label="统一社会信用代码" value={v("uscc")} error={e("uscc")} hint="18 位,见营业执照" maxlength={30} />
          <Input name="legalRep" label="法定代表人" value={v("legalRep")} error={e("legalRep")} maxlength={40} />
          <Input name="registeredOn" label="成立日期" type="date" value={v("registeredOn")} error={e("registeredOn")} hint="年-月-日" />
          <MoneyInput name="registeredCapital" label="注册资本" value={v("registeredCapital")} error={e("registeredCapitalFen")} hint="以元为单位,例如 5000000" />
        </div>
        <Input name="address" label="注册地址" value={v("address")} error={e("address")} />
        <div class="grid2">
          <Select name="industry" label="所属重点产业" value={v("industry")} error={e("industry")} placeholder="请选择" options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))} />
          <Input name="industryClass" label="国民经济行业代码" value={v("industryClass")} error={e("industryClass")} hint="门类字母加 2–4 位数字,例如 C2651" maxlength={10} />
          <Input name="employees" label="员工人数" inputmode="numeric" value={v("employees")} error={e("employees")} maxlength={9} />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>联系人</legend>
        <div class="grid2">
          <Input name="contactName" label="联系人姓名" value={v("contactName")} error={e("contactName")} autocomplete="name" maxlength={40} />
          <Input name="contactMobile" label="联系人手机" type="tel" inputmode="tel" value={v("contactMobile")} error={e("contactMobile")} autocomplete="tel" maxlength={20} />
        </div>
        <Input name="contactEmail" label="联系人邮箱" type="email" value={v("contactEmail")} error={e("contactEmail")} autocomplete="email" maxlength={200} />
      </fieldset>
      <fieldset class="group">
        <legend>企业资质(可多选)</legend>
        <p class="hint">勾选企业已取得的资质;标明需要证书的,请填写证书编号、发证日期并上传证书。</p>
        {e("qualifications") && <p class="field-error">{e("qualifications")}</p>}
        {zone.qualifications.map((q) => (
          <div class="qual">
            <Checkbox name="qual" value={q.code} checked={values.qualifications.includes(q.code)}>
              {q.zh}{q.certificate ? "(需证书)" : ""}
            </Checkbox>
            {q.certificate && (
              <div class="grid2">
                <Input name={`certNo-${q.code}`} label={`${q.zh}证书编号`} value={v(`certNo-${q.code}`)} error={e(`certNo-${q.code}`)} required={false} maxlength={60} />
                <Input name={`certDate-${q.code}`} label={`${q.zh}发证日期`} type="date" value={v(`certDate-${q.code}`)} error={e(`certDate-${q.code}`)} required={false} />
                <FileInput name={`file-cert-${q.code}`} label={`${q.zh}证书文件`} error={e(`file-cert-${q.code}`)} hint={fileHint} required={false} />
              </div>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend>申请材料</legend>
        <FileInput name="file-licence" label="营业执照" error={e("file-licence")} hint={fileHint} required={!filesOnFile} />
      </fieldset>
    </>
  );
}
