/**
 * The draft form (a draft, or an application returned for correction): what
 * was typed (or the stored facts, where the API stored them), the live
 * estimate, the materials, and whatever the last post needs to say.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../../env";
import type { Facts } from "../../../engines/policy/facts";
import type { Actor, RequestCtx } from "../../../middleware/request-ctx";
import { DraftPage } from "../../../../web/pages/subsidies/member-draft";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { MATERIAL_LIMIT_LABEL } from "../../materials/material-file";
import { factsToForm } from "../../policies/calculator-form";
import type { LoadedPolicy } from "../../policies/current-policy";
import type { EnterpriseFacts } from "../../policies/enterprise-profiles";
import type { ApplicationDetail } from "../get-application";
import { estimateOf, programmeOf, readFields, withLoanFields } from "./draft-fields";
import { MATERIAL_PREFIX, nonce } from "./shared";

/** The notices a redirect back to the draft asks for (?done=…). */
export const DONE: Record<string, Notice> = {
  created: {
    kind: "ok",
    message: "申报草稿已创建,能从企业资料预填的数据已填好。请核对、补充并上传材料;填写的内容会自动保存。",
  },
  /** …from a loan (申请贴息 on the loan's page). */
  "created-loan": {
    kind: "ok",
    message:
      "申报草稿已创建,贷款的各项数据已按放款记录填好。请填写计息期间和这期间实际支付的利息;填写的内容会自动保存。",
  },
  saved: { kind: "ok", message: "草稿已保存。" },
  uploaded: { kind: "ok", message: "材料已上传。" },
  "saved-uploaded": { kind: "ok", message: "草稿已保存,选好的材料已上传。" },
};

export interface DraftState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  notice?: Notice;
  /** The enterprise's profile, when it was read beside the application. */
  profile?: EnterpriseFacts[];
}

export async function draftPage(
  c: Context<AppEnv>,
  ctx: RequestCtx<Actor>,
  policy: LoadedPolicy,
  today: string,
  detail: ApplicationDetail,
  state: DraftState = {},
  status: ContentfulStatusCode = 200,
) {
  const app = detail.application;
  const { programme, view } = programmeOf(policy, app.programmeId);
  // Facts stored without the form (the API) show too; what was typed wins.
  // 贴息: the facts the loan's record holds are shown as the record has them, whatever was typed.
  const { fields, locked } = withLoanFields(
    readFields(
      view,
      programme,
      state.values ?? { ...factsToForm(view.facts, detail.facts as Facts), ...detail.formValues },
    ),
    view,
    programme,
    detail.loanSource,
  );
  const estimate = await estimateOf(ctx, programme, fields.facts, app, today, state.profile);
  const bad = Object.keys(fields.errors).length;
  const returned =
    app.status === "returned"
      ? { reason: detail.events.findLast((e) => e.action === "returned")?.note ?? null, by: app.dueOn }
      : null;
  return c.html(
    <DraftPage
      zone={ctx.zone}
      nonce={nonce(c)}
      user={signedIn(c).user}
      app={{
        id: app.id,
        numberYear: app.numberYear,
        numberSeq: app.numberSeq,
        status: app.status as "draft" | "returned",
        stage: app.stage,
        revision: app.revision,
      }}
      programme={view}
      values={fields.values}
      errors={{ ...fields.errors, ...state.errors }}
      message={state.message ?? (bad ? `有 ${bad} 项填写有误,已按原样保存在草稿中;提交前请按提示修改。` : undefined)}
      notice={state.notice}
      returned={returned}
      materials={detail.materials
        .filter((m) => m.kind.startsWith(MATERIAL_PREFIX))
        .map((m) => ({ ...m, materialId: m.kind.slice(MATERIAL_PREFIX.length) }))}
      estimate={estimate}
      versionId={policy.version.id}
      events={detail.events}
      limitLabel={MATERIAL_LIMIT_LABEL}
      loan={detail.loan && locked ? { summary: detail.loan, facts: locked } : null}
    />,
    status,
  );
}
