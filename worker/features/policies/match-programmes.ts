/**
 * 政策找企业 for an enterprise: every programme ranked by fit from its profile, figures and award
 * history (awards and applications in progress), read in the same batch. The staff's other way —
 * the enterprises that qualify for one programme — is a stored list a job computes
 * (compute-programme-matches.ts), never evaluated for the whole zone inside a request.
 */
import { AppError } from "../../lib/errors";
import { latestFiguresYear } from "../../engines/policy/prefill";
import { rankProgrammesForEnterprise } from "../../engines/policy/rank";
import type { LoadedPolicy } from "./current-policy";
import { loadEnterpriseProfiles, withInProgress } from "./enterprise-profiles";
import type { RequestCtx } from "../../middleware/request-ctx";

/** `policy` may be a promise still reading: the profile is read beside it, in the same round trip. */
export async function matchProgrammesForEnterprise(
  { db }: Pick<RequestCtx, "db">,
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  enterpriseId: string,
  today: string,
) {
  const [policy, [e]] = await Promise.all([policyRead, loadEnterpriseProfiles({ db }, today, enterpriseId)]);
  if (!e) throw new AppError("not_found", "找不到你所属的企业,请联系园区管理员。");
  return {
    enterprise: { id: e.id, name: e.name },
    figuresYear: latestFiguresYear(e.profile),
    fits: rankProgrammesForEnterprise(policy.compiled, e.profile, e.history, today).map((f) => ({
      ...f,
      result: withInProgress(e, f.result),
    })),
  };
}
