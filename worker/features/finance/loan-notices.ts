/**
 * What the 金融超市 puts in people's 消息中心 (../notices): an enterprise's members when the bank takes a
 * step on their loan application (and, at 放款, the 贴息 it may apply for), and the zone admins when an
 * overdue application is escalated to the zone. Each is a NoticeGroup its caller writes in the batch of
 * the change (noticeStatements, CHAINED on the change's last single-row link), so a refused step or a
 * lost race tells no one.
 */
import { and, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { users, type LoanApplicationRow } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { OutboundMessage } from "../outbox/enqueue-message";
import { rateText } from "../../engines/loan-match/match";
import { applicationNumber } from "../../lib/application-number";
import { formatMoney } from "../../lib/money";
import { inSentence } from "../../lib/sentence";
import type { NoticeGroup } from "../notices/write-notices";

/** The bank's step as the members are told it: what it decided, in the terms it decided. */
export type MemberLoanStep =
  | { action: "accept"; decideDueOn: string }
  | { action: "approve"; amountFen: number; rateBp: number; termMonths: number }
  | { action: "disburse"; amountFen: number; disbursedOn: string }
  | { action: "decline"; reason: string; referral: { bankName: string; productName: string } | null };

/** A notice is one glance in a list: a long reason is cut here and read in full on the application's page. */
const REASON_IN_NOTICE = 100;

/** To the enterprise's active members: `loan_progress` for 受理/授信/放款, `loan_declined` for 拒绝. */
export function memberLoanNotice(o: {
  app: Pick<LoanApplicationRow, "id" | "enterpriseId" | "amountFen">;
  bankName: string;
  productName: string;
  step: MemberLoanStep;
}): NoticeGroup {
  const { app, bankName: bank, step } = o;
  const product = `“${o.productName}”`;
  const told = (kind: NoticeGroup["kind"], title: string, body: string): NoticeGroup => ({
    recipients: and(eq(users.role, "enterprise"), eq(users.enterpriseId, app.enterpriseId))!,
    kind,
    title,
    body,
    link: `/finance/loans/${app.id}`,
  });
  switch (step.action) {
    case "accept":
      return told(
        "loan_progress",
        "贷款申请已受理",
        `${bank}已受理${product}${formatMoney(app.amountFen)}的贷款申请,将于 ${step.decideDueOn} 前作出授信决定。`,
      );
    case "approve":
      return told(
        "loan_progress",
        "贷款申请已获授信",
        `${bank}已批准${product}的贷款申请:授信${formatMoney(step.amountFen)},` +
          `年利率${rateText(step.rateBp)},期限${step.termMonths}个月。`,
      );
    case "disburse":
      return told(
        "loan_progress",
        "贷款已放款",
        `${bank}已于 ${step.disbursedOn} 发放${product}贷款${formatMoney(step.amountFen)}。`,
      );
    case "decline": {
      // One line in the list: the reason's own line breaks become spaces.
      const reason = inSentence(step.reason).replace(/\s+/g, " ");
      const short = reason.length > REASON_IN_NOTICE ? `${reason.slice(0, REASON_IN_NOTICE)}……` : reason;
      const referral = step.referral
        ? `银行推荐改申请${step.referral.bankName}的“${step.referral.productName}”,详见申请页面。`
        : "";
      return told(
        "loan_declined",
        "贷款申请未获批准",
        `${bank}未批准${product}${formatMoney(app.amountFen)}的贷款申请。理由:${short}。${referral}`,
      );
    }
  }
}

/**
 * To the zone's active admins when an overdue application reaches the zone: the 消息中心 links to the bank's
 * page (its contacts, to chase it; staff have no loan page of their own), and mail or SMS as each chose.
 * The mail is the one admins always got: told in the same run as the bank, it keeps the bank's subject and
 * its `loan_overdue` tag; told later, the escalation's own.
 */
export function escalatedLoanNotice(o: {
  zone: ZoneConfig;
  origin: string;
  app: Pick<LoanApplicationRow, "bankId" | "amountFen" | "numberYear" | "numberSeq">;
  bankName: string;
  enterpriseName: string;
  /** "超时未受理或拒绝(应于 … 前)", or with the working days past the limit. */
  late: string;
  /** Told in the same run as the bank's first notice. */
  withBank: boolean;
  /** The mail's text as it has always been, numbered. */
  mail: { subject: string; body: string };
}): NoticeGroup {
  const n = applicationNumber(o.zone, "loan", o.app);
  const link = `/admin/banks/${o.app.bankId}`;
  return {
    recipients: eq(users.role, "zone_admin"),
    kind: "loan_escalated",
    title: "贷款申请逾期未办理,已上报园区",
    body:
      `${o.bankName}收到的贷款申请${n ? ` ${n}` : ""}(${o.enterpriseName},${formatMoney(o.app.amountFen)})` +
      `${o.late},银行已收到超时提醒。可在机构页面找到联系人督办。`,
    link,
    deliver: {
      subject: o.mail.subject,
      mail: o.mail.body,
      sms: `【${o.zone.shortName.zh}】${o.bankName}的一笔贷款申请${o.late},已上报园区:${o.origin}${link}`,
      ...(o.withBank ? { outboxKind: "loan_overdue" } : {}),
    },
  };
}

/** What the members are told at 放款 when the loan may apply for 贴息: the programmes, and where to start. */
const interestOpenText = (productName: string, programmes: readonly string[]) =>
  `“${productName}”贷款已放款,可以申请${programmes.map((p) => `“${p}”`).join("、")}。` +
  "在贷款页面点“申请贴息”,贷款金额、利率和放款日期会按放款记录自动填好。";

/** To the enterprise's active members at 放款: `interest_subsidy_open`, linking to the loan's page. */
export function interestOpenNotice(o: {
  app: Pick<LoanApplicationRow, "id" | "enterpriseId">;
  productName: string;
  programmes: readonly string[];
}): NoticeGroup {
  return {
    recipients: and(eq(users.role, "enterprise"), eq(users.enterpriseId, o.app.enterpriseId))!,
    kind: "interest_subsidy_open",
    title: "贷款可申请贴息",
    body: interestOpenText(o.productName, o.programmes),
    link: `/finance/loans/${o.app.id}#interest`,
  };
}

/** The same, by mail to each member (the members the step's own mail goes to); none without a programme. */
export function interestOpenMails(
  ctx: Pick<RequestCtx, "zone" | "origin">,
  o: {
    app: Pick<LoanApplicationRow, "id" | "numberYear" | "numberSeq">;
    members: readonly { email: string }[];
    productName: string;
    programmes: readonly string[];
  },
): OutboundMessage[] {
  if (!o.programmes.length) return [];
  const n = applicationNumber(ctx.zone, "loan", o.app);
  const body =
    `${n ? `申请编号:${n}\n\n` : ""}${interestOpenText(o.productName, o.programmes)}\n\n` +
    `${ctx.origin}/finance/loans/${o.app.id}#interest`;
  return o.members.map((m) => ({
    channel: "email" as const,
    recipient: m.email,
    subject: `【${ctx.zone.shortName.zh}】贷款可申请贴息`,
    body,
    kind: "interest_subsidy_open",
  }));
}
