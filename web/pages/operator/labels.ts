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

/** A template as the console names it: "blank" is 空白模板; a demo zone's folder is "复制 <slug> 的配置和政策". */
export function templateLabel(template: string): string {
  return template === "blank" ? "空白模板(无政策文件)" : `复制 ${template} 的配置和政策`;
}
