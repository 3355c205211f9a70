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
  mail(zone, to, "onboarding_submitted", "入驻申请已提交", `我们已收到「${company}」的入驻申请,园区工作人员审核后会通过邮件通知您。登录后可在“申请进度”页面查看状态。`);

export const returnedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(zone, to, "onboarding_returned", "入驻申请需要补正", `「${company}」的入驻申请被退回补正,审核意见:\n${comment}\n\n请登录后在“申请进度”页面修改并重新提交。`);

export const rejectedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(zone, to, "onboarding_rejected", "入驻申请未通过", `很抱歉,「${company}」的入驻申请未通过审核,原因:\n${comment}`);

export const approvedMessage = (zone: ZoneConfig, to: Person, company: string, comment: string) =>
  mail(
    zone, to, "onboarding_approved", "入驻申请已通过",
    `「${company}」的入驻申请已通过审核,您已成为该企业在本平台的第一位成员。${comment ? `\n审核意见:${comment}\n` : ""}\n为了安全,您之前的登录已全部退出,请重新登录后使用园区的各项服务。`,
  );
