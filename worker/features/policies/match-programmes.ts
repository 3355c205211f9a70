/**
 * 政策找企业, both ways: for an enterprise, every programme ranked by fit from
 * its profile and figures; for zone staff, the enterprises that qualify for one
 * programme (the basis of 免申即享 notices). Both read every enterprise's award
 * history (awards and applications in progress) in the same batch as its profile.
 */
import { AppError } from "../../lib/errors";
import { latestFiguresYear } from "../../engines/policy/prefill";
import { compareFits, fitOf, rankProgrammesForEnterprise, type Fit } from "../../engines/policy/rank";
import type { LoadedPolicy } from "./current-policy";
import { loadEnterpriseProfiles, withInProgress, type EnterpriseFacts } from "./enterprise-profiles";
import { findProgramme } from "./estimate-programme";
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

interface EnterpriseFit {
  enterprise: { id: string; name: string };
  fit: Fit;
}

/**
 * `policy` may be a promise still reading: the profiles are read beside it, in the same round
 * trip (staff only, so a programme id that turns out not to exist costs a read, not a wave).
 */
export async function matchEnterprisesForProgramme(
  { db }: Pick<RequestCtx, "db">,
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  programmeId: string,
  today: string,
) {
  const [policy, profiles] = await Promise.all([policyRead, loadEnterpriseProfiles({ db }, today)]);
  const programme = findProgramme(policy, programmeId);
  const rows: EnterpriseFit[] = profiles.map((e) => ({
    enterprise: { id: e.id, name: e.name },
    fit: withInProgressFit(e, fitOf(programme, e.profile, e.history, today)),
  }));
  rows.sort((a, b) => compareFits(a.fit, b.fit) || a.enterprise.name.localeCompare(b.enterprise.name, "zh-CN"));
  const count = (t: Fit["tier"]) => rows.filter((r) => r.fit.tier === t).length;
  return {
    programme,
    rows,
    counts: {
      eligible: count("eligible"),
      confirm: count("confirm"),
      unknown: count("unknown"),
      ineligible: count("ineligible"),
    },
  };
}

const withInProgressFit = (e: EnterpriseFacts, f: Fit): Fit => ({ ...f, result: withInProgress(e, f.result) });
