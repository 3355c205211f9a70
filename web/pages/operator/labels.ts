/** Words the operator console shows for the control plane's values. */
import type { TenantStatus } from "../../../worker/db/platform-schema";

export const TENANT_STATUS_LABEL: Record<TenantStatus, string> = {
  provisioning: "开通中",
  active: "正常服务",
  suspended: "已暂停",
};

export const AUDIT_RESULT_LABEL: Record<"ok" | "denied" | "failed", string> = {
  ok: "成功",
  denied: "拒绝",
  failed: "失败",
};

/** What each platform_audit action means, for the audit page (unknown actions show as stored). */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "operator.login": "运营人员登录",
  "operator.logout": "运营人员退出",
  "tenant.create": "创建园区",
  "tenant.provision.resume": "继续开通园区",
  "tenant.suspend": "暂停园区",
  "tenant.resume": "恢复园区",
  "tenant.hostname.add": "添加自有域名",
  "tenant.hostname.remove": "移除自有域名",
  "tenant.admin_link": "发放园区管理员链接",
};

/** A template as the console names it: "blank" is 空白模板; a demo zone's folder is "复制 <slug> 的设置和政策". */
export function templateLabel(template: string): string {
  return template === "blank" ? "空白模板(不带政策文件)" : `复制示范园区 ${template} 的设置和政策`;
}

/** The provisioning steps (provision-zone.ts) as the operator reads them; unknown ones as stored. */
export const PROVISION_STEP_LABEL: Record<string, string> = {
  register: "登记园区",
  "create-database": "创建数据库",
  migrate: "建立数据表",
  "load-template": "载入模板",
  activate: "开始服务",
};

const DETAIL_KEY_LABEL: Record<string, string> = {
  template: "模板",
  steps: "步骤",
  step: "步骤",
  hostname: "域名",
  email: "邮箱",
  created: "新建账号",
  from: "原状态",
  remember: "记住我",
  error: "错误",
  reason: "原因",
};

function detailValue(key: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  if (key === "from" && typeof value === "string" && value in TENANT_STATUS_LABEL)
    return TENANT_STATUS_LABEL[value as TenantStatus];
  if (key === "template" && typeof value === "string") return templateLabel(value);
  if ((key === "steps" || key === "step") && Array.isArray(value))
    return value.map((s) => (typeof s === "string" ? (PROVISION_STEP_LABEL[s] ?? s) : JSON.stringify(s))).join(" → ");
  if (typeof value === "string") return PROVISION_STEP_LABEL[value] ?? value;
  return JSON.stringify(value);
}

/**
 * An audit row's detail (stored as JSON) in words: "模板:空白模板;步骤:登记园区 → …". The
 * hostname is passed in decoded by the caller's display rule; anything unparsable shows as stored.
 */
export function auditDetailText(detail: string | null, hostname: (h: string) => string): string {
  if (!detail) return "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return detail;
  return Object.entries(parsed)
    .map(([k, v]) => {
      const value = k === "hostname" && typeof v === "string" ? hostname(v) : detailValue(k, v);
      return `${DETAIL_KEY_LABEL[k] ?? k}:${value}`;
    })
    .join(";");
}
