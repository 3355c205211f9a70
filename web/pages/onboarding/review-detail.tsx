/** One application for zone staff: every field, the materials, the timeline, and the three decisions. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { ApplicationView } from "./view-types";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { ApplicationFacts, MaterialList, StatusBadge, Timeline } from "./application-view";
import { Textarea } from "../../components/form";
import { ONBOARDING_CSS } from "./labels";

type ReviewActionName = "approve" | "reject" | "return";

export interface ReviewDetailProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  app: ApplicationView;
  notice?: { kind: "ok" | "error"; message: string };
  /** After a refused decision: which one, and the comment typed. */
  failed?: { action: ReviewActionName; comment: string; error: string };
}

const DECISIONS: {
  action: ReviewActionName;
  label: string;
  comment: string;
  hint: string;
  cls: string;
  confirm?: string;
}[] = [
  {
    action: "approve",
    label: "通过",
    comment: "审核意见(可选)",
    hint: "通过后创建企业,申请人成为企业成员,所申报资质记为已核验。",
    cls: "btn",
    confirm: "确定通过这份入驻申请?通过后将创建企业档案,不能撤销。",
  },
  {
    action: "return",
    label: "退回补正",
    comment: "需要修改或补充的内容(必填)",
    hint: "申请人按此修改后重新提交。",
    cls: "btn secondary",
  },
  {
    action: "reject",
    label: "驳回",
    comment: "驳回原因(必填)",
    hint: "驳回后申请结束,申请人会收到原因。",
    cls: "btn danger",
    confirm: "确定驳回这份入驻申请?驳回后申请结束。",
  },
];

export function ReviewDetailPage({ zone, nonce, user, app, notice, failed }: ReviewDetailProps) {
  return (
    <Layout title={`入驻审核:${app.companyName}`} zone={zone} nonce={nonce} user={user} css={ONBOARDING_CSS}>
      <main id="main" class="wrap apply">
        <p class="crumbs">
          <a href="/admin/onboarding">入驻审核</a> › {app.companyName}
        </p>
        <h1>
          {app.companyName} <StatusBadge status={app.status} />
        </h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        {app.reviewNote && (
          <div class="alert info">
            <strong>审核意见:</strong>
            {app.reviewNote}
          </div>
        )}
        <section class="card" aria-labelledby="facts-title">
          <h2 id="facts-title">申请信息</h2>
          <ApplicationFacts zone={zone} app={app} />
          <h2>材料</h2>
          <MaterialList zone={zone} app={app} />
          <h2>办理记录</h2>
          <Timeline app={app} />
        </section>
        {app.status === "submitted" && (
          <section aria-labelledby="decide-title">
            <h2 id="decide-title">审核</h2>
            <div class="decisions">
              {DECISIONS.map((d) => (
                <form
                  class="stack card"
                  method="post"
                  action={`/admin/onboarding/${app.id}/${d.action}`}
                  data-confirm={d.confirm}
                  novalidate
                >
                  <Textarea
                    name="comment"
                    id={`f-comment-${d.action}`}
                    label={d.comment}
                    hint={d.hint}
                    required={d.action !== "approve"}
                    value={failed?.action === d.action ? failed.comment : undefined}
                    error={failed?.action === d.action ? failed.error : undefined}
                  />
                  <button class={d.cls} type="submit">
                    {d.label}
                  </button>
                </form>
              ))}
            </div>
          </section>
        )}
      </main>
    </Layout>
  );
}
