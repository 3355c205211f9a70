/** What the policy pages share: who is looking, the version line, and a programme id from the path. */
import type { Context } from "hono";
import type { AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import type { LoadedPolicy } from "../current-policy";
import { ProgrammeIdParam } from "../programme-schemas";
import { viewOf } from "../search-programmes";

export const isStaff = (c: Context<AppEnv>) => ["zone_admin", "reviewer"].includes(c.get("auth")?.user.role ?? "");

export const isMember = (c: Context<AppEnv>) =>
  c.get("auth")?.user.role === "enterprise" && !!c.get("auth")?.user.enterpriseId;

/** The calculator link that fills in a member's own figures (read on the server, never put in the URL). */
export const profileCalculatorHref = (programmeId: string) => `/policies/programmes/${programmeId}?from=profile#result`;

export const versionLine = (p: LoadedPolicy) => ({
  id: p.version.id,
  label: p.version.label,
  effectiveFrom: p.version.effectiveFrom,
});

/** A programme id from the path, or the 404 a mistyped link deserves. */
export function programmeParam(c: Context<AppEnv>, policy: LoadedPolicy) {
  const id = ProgrammeIdParam.shape.id.safeParse(c.req.param("id"));
  const view = id.success ? viewOf(policy.compiled, id.data) : null;
  if (!view) throw new AppError("not_found", `本园区现行政策(第${policy.version.id}版)没有这个项目。`);
  return view;
}
