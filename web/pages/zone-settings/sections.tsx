/**
 * The eight forms of 园区设置, one per section (金融服务 holds the loan time limits and the LPR);
 * each posts only its own part of the settings.
 */
import type { Child } from "hono/jsx";
import { FormAlert, Input, Textarea, type FormErrors } from "../../components/form";
import { whiteContrast, MIN_CONTRAST } from "./contrast";
import { type SectionFormProps, SETTINGS_SECTIONS, type SettingsSection } from "./labels";
import { LogoSection, type LogoSectionProps } from "./logo";
import { IndustryRows, LprRows, QualificationRows, StageRows } from "./rows";

function SectionForm({
  section,
  errors,
  version,
  intro,
  children,
}: {
  section: SettingsSection;
  errors: FormErrors | undefined;
  /** The settings version the page shows: a save made on an older one is refused (409), not merged. */
  version: number;
  intro?: Child;
  children: Child;
}) {
  return (
    <section class="card settings" aria-labelledby={`s-${section}`}>
      <h2 id={`s-${section}`}>{SETTINGS_SECTIONS[section]}</h2>
      {intro}
      <FormAlert errors={errors} />
      <form class="stack" method="post" action={`/admin/settings/${section}`} novalidate>
        <input type="hidden" name="version" value={String(version)} />
        {children}
        <button class="btn" type="submit">
          保存{SETTINGS_SECTIONS[section]}
        </button>
      </form>
    </section>
  );
}

/** Text inputs named by path, re-filled from `values`, each with its error. */
function Text(p: SectionFormProps & { name: string; label: string; hint?: string; maxlength?: number }) {
  return (
    <Input
      name={p.name}
      label={p.label}
      {...(p.hint ? { hint: p.hint } : {})}
      value={p.values[p.name]}
      error={p.errors[p.name]}
      maxlength={p.maxlength ?? 100}
    />
  );
}

function Days(p: SectionFormProps & { name: string; label: string; hint?: string }) {
  return (
    <Input
      name={p.name}
      label={p.label}
      {...(p.hint ? { hint: p.hint } : {})}
      value={p.values[p.name]}
      error={p.errors[p.name]}
      inputmode="numeric"
      maxlength={3}
    />
  );
}

function ContrastNote({ colour, label }: { colour: string | undefined; label: string }) {
  const ratio = whiteContrast(colour ?? "");
  if (ratio === null || ratio >= MIN_CONTRAST) return null;
  return (
    <p class="alert info">
      {label}上的白色文字对比度只有 {ratio.toFixed(2)}:1,低于 4.5:1,视力不好的人会看不清。请换一个更深的颜色。
    </p>
  );
}

export interface SectionsProps {
  forms: Record<SettingsSection, SectionFormProps & { alert?: FormErrors }>;
  /** The version in force when the page was made; every form sends it back. */
  version: number;
  logo: Omit<LogoSectionProps, "version">;
}

export function SettingsSections({ forms, version, logo }: SectionsProps) {
  const f = forms;
  const v = version;
  return (
    <>
      <SectionForm version={v} section="basic" errors={f.basic.alert}>
        <Text {...f.basic} name="name.zh" label="园区名称" />
        <Text {...f.basic} name="name.en" label="英文名称" />
        <Text {...f.basic} name="shortName.zh" label="简称" hint="手机上页面顶部显示的名称,如“淄博高新区”。" />
        <Text {...f.basic} name="shortName.en" label="英文简称" />
        <Text {...f.basic} name="region.province" label="所在省份" maxlength={30} />
        <Text {...f.basic} name="region.city" label="所在城市" maxlength={30} />
      </SectionForm>

      <SectionForm version={v} section="contact" errors={f.contact.alert}>
        <Text {...f.contact} name="contact.phone" label="电话" hint="带区号的固定电话,如 0546-8317796。" />
        <Text {...f.contact} name="contact.office" label="办公室" hint="接听电话的部门,如“企业服务中心”。" />
        <Text
          {...f.contact}
          name="contact.passwordHelp"
          label="忘记密码提示"
          hint="登录页上告诉企业忘记密码怎么办的一句话。"
          maxlength={200}
        />
      </SectionForm>

      <SectionForm
        version={v}
        section="branding"
        errors={f.branding.alert}
        intro={<p>页面顶部和按钮的颜色,填 # 加 6 位十六进制数,如 #0b6e5f。</p>}
      >
        <ContrastNote colour={f.branding.values["branding.primary"]} label="主色" />
        <Text {...f.branding} name="branding.primary" label="主色" maxlength={7} />
        {/* No contrast note for the accent: it marks the current page and tints backgrounds, never text. */}
        <Text
          {...f.branding}
          name="branding.accent"
          label="辅色"
          hint="用于标出当前页面和浅色底纹,上面不放文字"
          maxlength={7}
        />
      </SectionForm>

      <LogoSection {...logo} version={v} />

      <SectionForm
        version={v}
        section="industries"
        errors={f.industries.alert}
        intro={<p>企业入驻时从这里选择所属产业。清空一项的名称并保存即删除该项;已选它的企业资料不受影响。</p>}
      >
        <IndustryRows {...f.industries} />
      </SectionForm>

      <SectionForm
        version={v}
        section="qualifications"
        errors={f.qualifications.alert}
        intro={<p>企业可以申报的资质。清空一项的名称并保存即删除该项。</p>}
      >
        <QualificationRows {...f.qualifications} />
      </SectionForm>

      <SectionForm
        version={v}
        section="stages"
        errors={f.stages.alert}
        intro={
          <p>
            政策兑现申报依次经过的环节:第一个是审核,恰有一个公示环节,拨付在最后。清空名称即删除该环节。
            删除或调整环节不会移动已经在办的申报:停在被删除环节的申报留在原处,直到工作人员办理。
          </p>
        }
      >
        <StageRows {...f.stages} />
      </SectionForm>

      <SectionForm
        version={v}
        section="calendar"
        errors={f.calendar.alert}
        intro={<p>国家法定节假日和调休已自动计入,这里只填本园区另外的安排。</p>}
      >
        <Days {...f.calendar} name="subsidy.noticeWorkingDays" label="公示期(工作日)" />
        <Days
          {...f.calendar}
          name="subsidy.correctionWorkingDays"
          label="补正期限(工作日)"
          hint="退回企业补正材料时,给企业的期限。"
        />
        <Textarea
          name="subsidy.holidays"
          label="本地放假日"
          hint="每行一个日期,如 2026-05-06。"
          value={f.calendar.values["subsidy.holidays"]}
          error={f.calendar.errors["subsidy.holidays"]}
          required={false}
          maxlength={4000}
        />
        <Textarea
          name="subsidy.extraWorkdays"
          label="本地调休上班日"
          hint="周末需要上班的日子,每行一个日期。"
          value={f.calendar.values["subsidy.extraWorkdays"]}
          error={f.calendar.errors["subsidy.extraWorkdays"]}
          required={false}
          maxlength={4000}
        />
      </SectionForm>

      <SectionForm version={v} section="finance" errors={f.finance.alert}>
        <h3>金融超市时限</h3>
        <p>
          金融机构答复企业贷款申请的时限,按本园区工作日计算。超过时限,系统当即提醒银行;仍未办理的,按下面的天数上报园区管理员。
        </p>
        <Days {...f.finance} name="finance.acceptWorkingDays" label="受理时限(工作日)" hint="收到申请后受理或婉拒。" />
        <Days {...f.finance} name="finance.decideWorkingDays" label="审批时限(工作日)" hint="受理后作出审批决定。" />
        <Days
          {...f.finance}
          name="finance.escalation.afterWorkingDays"
          label="逾期后几个工作日上报园区管理员"
          hint="0 = 逾期当天同时通知银行和园区管理员;最多 30。期间银行办理了的,不再上报。"
        />
        <h3>贷款市场报价利率(LPR)</h3>
        <p>
          贴息按 LPR 封顶。系统已内置全国银行间同业拆借中心公布的历次 LPR;新公布的利率尚未内置时,在这里补录,
          同一期限同一起始日以这里为准。清空起始日和利率即删除该行。
        </p>
        <LprRows {...f.finance} />
      </SectionForm>
    </>
  );
}
