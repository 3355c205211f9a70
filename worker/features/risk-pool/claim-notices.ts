/**
 * What the pool puts in people's 消息中心 (../notices), written in the batch of the change and chained
 * on it: a filed claim to the zone admins, a decision to the claiming bank's staff (mail or SMS as each
 * chose). A refused or raced change tells no one.
 */
import { and, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { users } from "../../db/schema";
import { formatMoney } from "../../lib/money";
import { inSentence } from "../../lib/sentence";
import type { NoticeGroup } from "../notices/write-notices";

export interface ClaimNames {
  id: string;
  bankId: string;
  bankName: string;
  enterpriseName: string;
  productName: string;
  outstandingFen: number;
}

export function claimFiledNotice(zone: ZoneConfig, origin: string, c: ClaimNames, reviewDueOn: string): NoticeGroup {
  const link = `/admin/risk-pool/claims/${c.id}`;
  const body =
    `${c.bankName}就${c.enterpriseName}的“${c.productName}”贷款申请风险补偿,未偿本金` +
    `${formatMoney(c.outstandingFen)},请于 ${reviewDueOn} 前审核。`;
  return {
    recipients: eq(users.role, "zone_admin"),
    kind: "risk_claim_filed",
    title: "新的风险补偿申请",
    body,
    link,
    deliver: {
      subject: `【${zone.shortName.zh}】新的风险补偿申请`,
      mail: `${body}\n\n${origin}${link}`,
      sms: `【${zone.shortName.zh}】${c.bankName}提出风险补偿申请,请于${reviewDueOn}前审核:${origin}${link}`,
    },
  };
}

export function claimDecidedNotice(
  zone: ZoneConfig,
  origin: string,
  c: ClaimNames,
  decision: { approved: true; amountFen: number } | { approved: false; reason: string },
): NoticeGroup {
  const link = "/bank/risk-pool";
  const what = `${c.enterpriseName}“${c.productName}”贷款的风险补偿申请`;
  const body = decision.approved
    ? `${what}已获批准,资金池补偿${formatMoney(decision.amountFen)}。`
    : `${what}不予补偿。理由:${inSentence(decision.reason).replace(/\s+/g, " ").slice(0, 100)}。`;
  const title = decision.approved ? "风险补偿已批准" : "风险补偿未获批准";
  return {
    recipients: and(eq(users.role, "bank"), eq(users.bankId, c.bankId))!,
    kind: "risk_claim_decided",
    title,
    body,
    link,
    deliver: {
      subject: `【${zone.shortName.zh}】${title}`,
      mail: `${body}\n\n${origin}${link}`,
      sms: `【${zone.shortName.zh}】${title}:${origin}${link}`,
    },
  };
}
