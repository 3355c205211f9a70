/**
 * 申请进度: the applicant's own application: status, the reviewer's note, the
 * timeline, and (when returned for correction) the form to correct and resubmit.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { ApplicationView } from "./view-types";
import { Layout } from "../../layout";
import { FormAlert, type FormErrors } from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { ApplicationFields, type ApplicationFieldValues } from "./application-fields";
import { ApplicationFacts, MaterialList, StatusBadge, Timeline } from "./application-view";
import { ONBOARDING_CSS } from "./labels";

export interface StatusPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  app: ApplicationView | null;
  notice?: string;
  /** The correction form's state after a refused resubmission. */
  values?: ApplicationFieldValues;
  errors?: FormErrors;
  limitLabel: string;
}

const NEXT_STEP: Record<ApplicationView["status"], string> = {
  submitted: "园区工作人员正在审核,结果会通过邮件通知您。",
  returned: "请按审核意见修改下面的信息,需要时补充材料,然后重新提交。",
  approved: "申请已通过。请重新登录后使用园区的各项服务。",
  rejected: "申请未通过。如有疑问请联系园区管理员。",
};

export function StatusPage({ zone, nonce, user, app, notice, values, errors, limitLabel }: StatusPageProps) {
  return (
    <Layout title="申请进度" zone={zone} nonce={nonce} user={user} css={ONBOARDING_CSS}>
      <main id="main" class="wrap apply">
        <section class="card" aria-labelledby="status-title">
          <h1 id="status-title">入驻申请进度</h1>
          {notice && !errors && (
            <div class="alert ok" role="status">
              {notice}
            </div>
          )}
          {!app ? (
            <p>您的账号没有入驻申请。</p>
          ) : (
            <>
              <p>
                {app.companyName}:<StatusBadge status={app.status} />
              </p>
              <p>{NEXT_STEP[app.status]}</p>
              {app.reviewNote && (
                <div class="alert info">
                  <strong>审核意见:</strong>
                  {app.reviewNote}
                </div>
              )}
              <h2>办理记录</h2>
              <Timeline app={app} />
              <h2>已提交的材料</h2>
              <MaterialList zone={zone} app={app} />
              {app.status === "returned" ? (
                <>
                  <h2>修改并重新提交</h2>
                  <FormAlert errors={errors} />
                  <form class="stack" method="post" action="/apply/status" enctype="multipart/form-data" novalidate>
                    <ApplicationFields
                      zone={zone}
                      values={values ?? valuesOf(app)}
                      errors={errors}
                      limitLabel={limitLabel}
                      filesOnFile
                    />
                    <button class="btn" type="submit">
                      重新提交
                    </button>
                  </form>
                </>
              ) : (
                <>
                  <h2>申请信息</h2>
                  <ApplicationFacts zone={zone} app={app} />
                </>
              )}
            </>
          )}
        </section>
      </main>
    </Layout>
  );
}

/** The application as the correction form's starting values. */
function valuesOf(app: ApplicationView): ApplicationFieldValues {
  const cents = String(app.registeredCapitalFen % 100).padStart(2, "0");
  const text: Record<string, string> = {
    companyName: app.companyName,
    uscc: app.uscc,
    legalRep: app.legalRep,
    registeredOn: app.registeredOn,
    registeredCapital: `${Math.trunc(app.registeredCapitalFen / 100)}.${cents}`,
    address: app.address,
    industry: app.industry,
    industryClass: app.industryClass,
    employees: String(app.employees),
    contactName: app.contactName,
    contactMobile: app.contactMobile,
    contactEmail: app.contactEmail,
  };
  for (const q of app.qualifications) {
    if (q.certificateNo) text[`certNo-${q.code}`] = q.certificateNo;
    if (q.issuedOn) text[`certDate-${q.code}`] = q.issuedOn;
  }
  return { text, qualifications: app.qualifications.map((q) => q.code) };
}
