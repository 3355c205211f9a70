/** Words and formats the account pages share: role and status labels, times in Asia/Shanghai. */
import type { Role } from "../../../worker/db/schema";

export const ROLE_LABEL: Record<Role, string> = {
  zone_admin: "园区管理员",
  reviewer: "审核员",
  enterprise: "企业用户",
  bank: "金融机构",
};

export const STATUS_LABEL: Record<"active" | "disabled", string> = {
  active: "正常",
  disabled: "已停用",
};

/** The signed-in user as the page header shows them. */
export interface HeaderUser {
  name: string;
  role: Role;
  /** Set for enterprise members; null for an applicant whose 入驻 is not approved yet. */
  enterpriseId?: string | null;
  /** Unread notices, read with the session (middleware/sessions.ts): the header's 消息 (N). */
  unreadNotices?: number;
}

const TIME_ZH = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** An instant as Beijing time, e.g. "2026/11/25 14:05"; the zone's users all read it so. */
export function formatTimeZh(at: Date | string): string {
  return TIME_ZH.format(typeof at === "string" ? new Date(at) : at);
}
