/** What the applicant is told at each step; every message goes through the outbox. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { OutboundMessage } from "../outbox/enqueue-message";

type Person = { email: string; name: string };

const mail = (zone: ZoneConfig, to: Person, kind: string, subject: string, body: string): OutboundMessage => ({
  channel: "email",
  recipient: to.email,
  kind,
  subject: `【${zone.shortName.zh}】${subject}`,
  body: `${to.name},您好:\n\n${body}\n\n如有疑问请联系${zone.contact.office}:${zone.contact.phone}。`,
});

export const submittedMessage = (zone: ZoneConfig, to: Person, company: string) =>
  mail(
    zone,
    to,
    "onboarding_submitted",
    "入驻申请已提交",
    `我们已收到「${company}」的入驻申请,园区工作人员审核后会通过邮件通知您。登录后可在“申请进度”页面查看状态。`,
  );

export const returnedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(
    zone,
    to,
    "onboarding_returned",
    "入驻申请需要补正",
    `「${company}」的入驻申请被退回补正,审核意见:\n${comment}\n\n请登录后在“申请进度”页面修改并重新提交。`,
  );

export const rejectedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(
    zone,
    to,
    "onboarding_rejected",
    "入驻申请未通过",
    `很抱歉,「${company}」的入驻申请未通过审核,原因:\n${comment}`,
  );

export const approvedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(
    zone,
    to,
    "onboarding_approved",
    "入驻申请已通过",
    `「${company}」的入驻申请已通过审核,您已成为该企业在本平台的第一位成员。` +
      (comment ? `\n审核意见:${comment}\n` : "") +
      "\n为了安全,您之前的登录已全部退出,请重新登录后使用园区的各项服务。",
  );

/**
 * To the owner of an address someone used for 申请入驻 although it already has an
 * account: the applicant was answered as if it were new (so the answer does not
 * tell who has an account), so only this mail says what really happened.
 */
export const registeredEmailMessage = (zone: ZoneConfig, to: Person, origin: string) =>
  mail(
    zone,
    to,
    "onboarding_email_registered",
    "有人用您的邮箱申请入驻",
    `刚刚有人在${zone.name.zh}平台用您的邮箱(${to.email})提交入驻申请。` +
      "这个邮箱已经注册过账号,所以我们没有创建新账号,也没有收下这份申请,您的账号和密码都没有变化。\n\n" +
      `如果是您本人:请直接登录 ${origin}/login 查看申请进度或使用园区服务;` +
      `忘记密码可以在 ${origin}/forgot-password 自助重置。\n如果不是您本人:请忽略本邮件。`,
  );
