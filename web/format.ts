/** Display formatting shared by views. Dates are calendar dates in Asia/Shanghai. */
import type { PolicyLevel } from "../tenants/schema";

export const LEVEL_LABEL: Record<PolicyLevel, string> = {
  national: "国家级",
  provincial: "省级",
  municipal: "市级",
  zone: "园区",
};

/** "2017-07-24" → "2017年7月24日" */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
