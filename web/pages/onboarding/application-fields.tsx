/**
 * The company's facts, claimed qualifications and files: the part of the form
 * shared by 申请入驻 and the correction of a returned application.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Checkbox, FileInput, Input, MoneyInput, Select, type FormErrors } from "../../components/form";
import { formatSize } from "./labels";

export interface ApplicationFieldValues {
  text: Record<string, string>;
  qualifications: string[];
}

/** A file 申请入驻 keeps on the server for this form (uploaded as it was chosen, or with a form that had errors). */
export interface KeptFile {
  id: string;
  kind: string;
  filename: string;
  size: number;
}

/**
 * A file field with what is already kept for it: the kept files are listed (the
 * page's script adds a 删除 button and fills the list as files go up), and a
 * new file replaces the kept one. `kind` tells the script what the file is.
 */
function KeptFileField({
  name,
  kind,
  label,
  error,
  hint,
  required,
  kept,
}: {
  name: string;
  kind: string;
  label: string;
  error: string | undefined;
  hint: string;
  required: boolean;
  kept: KeptFile[] | undefined;
}) {
  const mine = kept?.filter((k) => k.kind === kind) ?? [];
  return (
    <div class="file-field" data-kind={kind}>
      <FileInput name={name} label={label} error={error} hint={hint} required={required && mine.length === 0} />
      {kept && (
        <>
          <ul class="kept" id={`f-${name}-kept`} hidden={mine.length === 0}>
            {mine.map((k) => (
              <li data-upload-id={k.id}>
                已保留:<strong>{k.filename}</strong>({formatSize(k.size)}),提交时一并提交;重新选择会替换它。
              </li>
            ))}
          </ul>
          <p class="upload-status" id={`f-${name}-status`} role="status" aria-live="polite"></p>
        </>
      )}
    </div>
  );
}

export function ApplicationFields({
  zone,
  values,
  errors,
  limitLabel,
  filesOnFile,
  kept,
}: {
  zone: ZoneConfig;
  values: ApplicationFieldValues;
  errors: FormErrors | undefined;
  limitLabel: string;
  /** Correction: files already given need not be sent again. */
  filesOnFile?: boolean;
  /** 申请入驻: the files kept on the server for this form (none yet: []); the correction form keeps none. */
  kept?: KeptFile[];
}) {
  const v = (k: string) => values.text[k];
  const e = (k: string) => errors?.fields?.[k];
  const fileHint =
    `PDF、JPG 或 PNG,每个文件不超过 ${limitLabel}。` +
    (filesOnFile ? "已上传的文件不必重复上传;选择新文件会作为补充材料加入。" : "") +
    (kept ? "选好的文件会保留,表单出错后不必重新选择。" : errors ? "出错后需要重新选择文件。" : "");
  return (
    <>
      <fieldset class="group">
        <legend>企业基本信息</legend>
        <Input
          name="companyName"
          label="企业名称"
          value={v("companyName")}
          error={e("companyName")}
          hint="与营业执照一致"
        />
        <div class="grid2">
          <Input
            name="uscc"
            label="统一社会信用代码"
            value={v("uscc")}
            error={e("uscc")}
            hint="18 位,见营业执照"
            maxlength={30}
          />
          <Input name="legalRep" label="法定代表人" value={v("legalRep")} error={e("legalRep")} maxlength={40} />
          <Input
            name="registeredOn"
            label="成立日期"
            type="date"
            value={v("registeredOn")}
            error={e("registeredOn")}
            hint="年-月-日,1949-10-01 至今天之间"
          />
          <MoneyInput
            name="registeredCapital"
            label="注册资本"
            value={v("registeredCapital")}
            error={e("registeredCapitalFen")}
            hint="以元为单位,例如 5000000;也可写 500万"
          />
        </div>
        <Input name="address" label="注册地址" value={v("address")} error={e("address")} />
        <div class="grid2">
          <Select
            name="industry"
            label="所属重点产业"
            value={v("industry")}
            error={e("industry")}
            placeholder="请选择"
            options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))}
          />
          <Input
            name="industryClass"
            label="国民经济行业代码"
            value={v("industryClass")}
            error={e("industryClass")}
            hint="门类字母加 2–4 位数字,例如 C2651"
            maxlength={10}
          />
          <Input
            name="employees"
            label="员工人数"
            inputmode="numeric"
            value={v("employees")}
            error={e("employees")}
            maxlength={9}
          />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>联系人</legend>
        <div class="grid2">
          <Input
            name="contactName"
            label="联系人姓名"
            value={v("contactName")}
            error={e("contactName")}
            autocomplete="name"
            maxlength={40}
          />
          <Input
            name="contactMobile"
            label="联系人手机"
            type="tel"
            inputmode="tel"
            value={v("contactMobile")}
            error={e("contactMobile")}
            autocomplete="tel"
            maxlength={20}
          />
        </div>
        <Input
          name="contactEmail"
          label="联系人邮箱"
          type="email"
          value={v("contactEmail")}
          error={e("contactEmail")}
          autocomplete="email"
          maxlength={200}
        />
      </fieldset>
      <fieldset
        class="group"
        id="f-qualifications"
        aria-describedby={e("qualifications") ? "f-qualifications-error" : undefined}
      >
        <legend>企业资质(可多选)</legend>
        <p class="hint">勾选企业已取得的资质;标明需要证书的,请填写证书编号、发证日期并上传证书。</p>
        {e("qualifications") && (
          <p class="field-error" id="f-qualifications-error">
            {e("qualifications")}
          </p>
        )}
        {zone.qualifications.map((q) => (
          <div class="qual">
            <Checkbox name="qual" value={q.code} checked={values.qualifications.includes(q.code)}>
              {q.zh}
              {q.certificate ? "(需证书)" : ""}
            </Checkbox>
            {q.certificate && (
              <div class="grid2">
                <Input
                  name={`certNo-${q.code}`}
                  label={`${q.zh}证书编号`}
                  value={v(`certNo-${q.code}`)}
                  error={e(`certNo-${q.code}`)}
                  required={false}
                  maxlength={60}
                />
                <Input
                  name={`certDate-${q.code}`}
                  label={`${q.zh}发证日期`}
                  type="date"
                  value={v(`certDate-${q.code}`)}
                  error={e(`certDate-${q.code}`)}
                  required={false}
                />
                <KeptFileField
                  name={`file-cert-${q.code}`}
                  kind={`certificate:${q.code}`}
                  label={`${q.zh}证书文件`}
                  error={e(`file-cert-${q.code}`)}
                  hint={fileHint}
                  required={false}
                  kept={kept}
                />
              </div>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend>申请材料</legend>
        <KeptFileField
          name="file-licence"
          kind="business_licence"
          label="营业执照"
          error={e("file-licence")}
          hint={fileHint}
          required={!filesOnFile}
          kept={kept}
        />
      </fieldset>
    </>
  );
}
