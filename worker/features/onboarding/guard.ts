/**
 * `requireMember` for everything an admitted enterprise does: role `enterprise`
 * with its enterprise set (and that enterprise active). An applicant (no
 * enterprise yet) gets 403 "你的入驻申请通过后才能使用…", audited. There is one
 * implementation, in the enterprise feature, written in parallel with this one;
 * onboarding re-exports it so both features name the same rule.
 */
export { requireMember } from "../enterprises/member-guard";

/** An applicant: an enterprise user whose application has not been approved yet. */
export function isApplicant(user: { role: string; enterpriseId: string | null }): boolean {
  return user.role === "enterprise" && !user.enterpriseId;
}
