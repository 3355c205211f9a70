/** The enterprise or bank an invitation is for, as its pages and messages name it. */
import { eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { banks, enterprises } from "../../db/schema";

interface Organisation {
  kind: "enterprise" | "bank";
  id: string;
  /** "某某科技有限公司", or a bank with its branch: "中国银行 淄博高新区支行". */
  name: string;
  status: "active" | "suspended";
}

export async function findOrganisation(
  db: TenantDb,
  ref: { enterpriseId?: string | null; bankId?: string | null },
): Promise<Organisation | null> {
  if (ref.enterpriseId) {
    const [row] = await db
      .select({ id: enterprises.id, name: enterprises.name, status: enterprises.status })
      .from(enterprises)
      .where(eq(enterprises.id, ref.enterpriseId))
      .limit(1);
    return row ? { kind: "enterprise", ...row } : null;
  }
  if (ref.bankId) {
    const [row] = await db
      .select({ id: banks.id, name: banks.name, branch: banks.branch, status: banks.status })
      .from(banks)
      .where(eq(banks.id, ref.bankId))
      .limit(1);
    return row
      ? { kind: "bank", id: row.id, name: row.branch ? `${row.name} ${row.branch}` : row.name, status: row.status }
      : null;
  }
  return null;
}

/** How the invitee's place is described: 成员 of an enterprise, 工作人员 of a bank. */
export const MEMBERSHIP_WORD: Record<Organisation["kind"], string> = {
  enterprise: "企业成员",
  bank: "金融机构工作人员",
};
