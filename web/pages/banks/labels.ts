/** Words the bank pages share. */
export const BANK_STATUS_LABEL: Record<"active" | "suspended", string> = {
  active: "正常",
  suspended: "已暂停",
};

/** "中国银行 淄博高新区支行", or the name alone for a head office. */
export const bankTitle = (b: { name: string; branch: string | null }) => (b.branch ? `${b.name} ${b.branch}` : b.name);
