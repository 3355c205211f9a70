/**
 * Zone admin: one programme of the newest policy set as a form (amounts in 万元, threshold words
 * from a list; amount parts, tiers, limits, conditions, materials and windows as rows), or the
 * shapes a new one starts from. Submitting leads to the same preview as an uploaded set; nothing
 * is published from this page.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { FormSection } from "./programme-form-view";
import { FormAlert } from "../../components/form";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { type FieldErrors, type FormInput, FormSections, PROGRAMME_FORM_CSS } from "./admin-programme-form-fields";
import { POLICY_CSS } from "./shared";

interface Common {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** The version the form starts from, e.g. "第3版(2026年版)". */
  versionName: string;
}

export interface ProgrammeFormProps extends Common {
  /** Shown in the heading: the programme's title, or the shape of a new one. */
  heading: string;
  action: string;
  /** The template a new programme started from, carried by the form. */
  shape?: string | undefined;
  sections: FormSection[];
  values: FormInput;
  errors: FieldErrors;
  message?: string | undefined;
  /** The programme's own admin page (its matches), for an existing programme. */
  backHref: string;
}

export function AdminProgrammeFormPage(p: ProgrammeFormProps) {
  const summary = p.message ? { message: p.message, fields: p.errors } : undefined;
  return (
    <Layout title={p.heading} zone={p.zone} nonce={p.nonce} user={p.user} css={POLICY_CSS + PROGRAMME_FORM_CSS}>
      <main id="main" class="wrap pol">
        <p>
          <a href="/admin/policies">← 政策版本</a>
        </p>
        <h1>{p.heading}</h1>
        <p class="lead">
          {`在${p.versionName}的基础上修改。金额以万元为单位,可直接写 300万、8千万。`}
          {"提交后先进入预览:系统检查格式、运行全部测试用例并列出与最新版本的差异,确认无误后在预览页发布。"}
        </p>
        <FormAlert errors={summary} />
        <form method="post" action={p.action} class="stack" novalidate>
          {p.shape && <input type="hidden" name="shape" value={p.shape} />}
          <FormSections sections={p.sections} values={p.values} errors={p.errors} />
          <div class="pf-actions">
            <button class="btn" type="submit">
              预览修改
            </button>
            <a href={p.backHref}>取消</a>
          </div>
        </form>
      </main>
    </Layout>
  );
}

export interface ShapeChoice {
  id: string;
  zh: string;
  hint: string;
}

/** 新增项目: pick the shape of the award, then fill in the form. */
export function AdminProgrammeShapesPage(p: Common & { shapes: ShapeChoice[] }) {
  return (
    <Layout title="新增奖补项目" zone={p.zone} nonce={p.nonce} user={p.user} css={POLICY_CSS + PROGRAMME_FORM_CSS}>
      <main id="main" class="wrap pol">
        <p>
          <a href="/admin/policies">← 政策版本</a>
        </p>
        <h1>新增奖补项目</h1>
        <p class="lead">
          {"选择与条款相符的金额计算方式,再填写项目名称、条款号和条款原文。"}
          {`新项目加入${p.versionName}的副本,预览并补充测试用例后才能发布。`}
        </p>
        <ul class="pf-shapes">
          {p.shapes.map((s) => (
            <li>
              <a href={`/admin/policies/new-programme?shape=${s.id}`}>
                <strong>{s.zh}</strong>
                <span>{s.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
