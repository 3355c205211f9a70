/** An applicant: an enterprise user whose application has not been approved yet (no enterprise of its own). */
export function isApplicant(user: { role: string; enterpriseId: string | null }): boolean {
  return user.role === "enterprise" && !user.enterpriseId;
}
