/**
 * What each kind of notice is called on screen, and which kinds a role receives: the 消息中心's
 * tags and the staff's delivery choices (/account/notices) come from here, so they cannot disagree.
 */
import type { NoticeChannel, NoticeKind, Role } from "../../db/schema";

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
  application_submitted: "新申报",
  application_resubmitted: "退回后重新提交",
  objection_lodged: "公示异议",
  loan_escalated: "贷款申请逾期上报",
  loan_overdue: "贷款申请超时",
  application_progress: "申报进展",
  application_returned: "申报被退回",
  application_awarded: "申报获批",
  loan_progress: "贷款进展",
  loan_declined: "贷款未获批准",
  interest_subsidy_open: "可申请贴息",
  interest_confirm_requested: "贴息待确认利息",
  report_due: "年度报表催报",
  risk_claim_filed: "风险补偿申请",
  risk_claim_decided: "风险补偿结果",
};

export const NOTICE_CHANNEL_LABEL: Record<NoticeChannel, string> = {
  in_app: "仅站内消息",
  email: "站内消息 + 邮件",
  sms: "站内消息 + 短信",
};

/**
 * The kinds whose delivery a role chooses. Enterprise members choose nothing: their notices keep
 * going by mail as before, with the 消息中心 beside it.
 */
export const KINDS_FOR_ROLE: Record<Role, readonly NoticeKind[]> = {
  zone_admin: [
    "application_submitted",
    "application_resubmitted",
    "objection_lodged",
    "loan_escalated",
    "risk_claim_filed",
  ],
  reviewer: ["application_submitted", "application_resubmitted"],
  bank: ["loan_overdue", "risk_claim_decided", "interest_confirm_requested"],
  enterprise: [],
};

/** The kind an enterprise's members see for a transition of their application (transition.ts's action). */
export function memberKindOf(action: string): NoticeKind {
  if (action === "returned") return "application_returned";
  if (action === "awarded") return "application_awarded";
  return "application_progress";
}
