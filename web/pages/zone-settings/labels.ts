/** Labels the 园区设置 pages share with the router that builds their props. */

/** The page's sections, in order: each is one form posting to /admin/settings/<key>. */
export const SETTINGS_SECTIONS = {
  basic: "基本信息",
  contact: "联系方式",
  branding: "品牌颜色",
  industries: "重点产业",
  qualifications: "资质类型",
  stages: "审核环节",
  calendar: "公示与节假日",
  finance: "金融服务",
} as const;
export type SettingsSection = keyof typeof SETTINGS_SECTIONS;

/** What each top-level settings key is called on the history page. */
export const SETTING_LABEL: Record<string, string> = {
  name: "名称",
  shortName: "简称",
  region: "所在地区",
  branding: "品牌颜色或徽标",
  contact: "联系方式",
  priorityIndustries: "重点产业",
  qualifications: "资质类型",
  subsidy: "审核环节、公示与节假日",
  finance: "金融超市时限或LPR",
};

export const STAGE_KIND_LABEL = { review: "审核", publicity: "公示", payment: "拨付" } as const;
/** The LPR terms as the rows' select shows them (worker/lib/lpr.ts LprTerm). */
export const LPR_TERM_LABEL = { "1y": "1年期", "5y": "5年期以上" } as const;
export const STAGE_ROLE_LABEL = { reviewer: "审核人员", zone_admin: "园区管理员" } as const;

export const SAVED_NOTICE = "已保存,所有页面将在5秒内更新。";

/** One section's form: what it shows (the settings, or what was typed) and what was wrong, by path. */
export interface SectionFormProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}
