/**
 * What the subsidy API's endpoints share: who may call them (the guards, built
 * once per router), the error responses they all declare, and programme titles
 * from the policy in force (../programme-title.ts: never an id).
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { err } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireRole, requireSignedIn } from "../../auth/guard";
import { requireMember } from "../../enterprises/member-guard";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../../materials/material-file";
import { loadCurrentPolicy, type LoadedPolicy } from "../../policies/current-policy";
import { SubsidyApplicationSchema } from "./response-schemas";
import { titleFrom } from "../programme-title";

export type SubsidyRouter = OpenAPIHono<AppEnv>;

export const denied = { 401: err("No session"), 403: err("Not allowed for this account") };
export const missing = { 404: err("No such application (or not yours)") };
export const Application = z.object({ application: SubsidyApplicationSchema });

/** Who may call what: each endpoint names one of these as its route middleware. */
export function subsidyGuards(deps: AppDeps) {
  const member = requireMember(deps);
  const staff = requireRole(deps, "zone_admin", "reviewer");
  return {
    member,
    staff,
    admin: requireRole(deps, "zone_admin"),
    signedIn: requireSignedIn(deps),
    // Reading: a member of an admitted enterprise (its own), or zone staff; anyone else is refused (audited).
    memberOrStaff: createMiddleware<AppEnv>((c, next) =>
      c.get("auth")?.user.role === "enterprise" ? member(c, next) : staff(c, next),
    ),
  };
}
export type SubsidyGuards = ReturnType<typeof subsidyGuards>;

/** One file plus the multipart envelope around it; the file itself is held to its limit by the materials feature. */
export const uploadLimit = bodyLimit({
  maxSize: MAX_MATERIAL_BYTES + 64 * 1024,
  onError: () => {
    throw new AppError(
      "payload_too_large",
      `上传的文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
      { file: `不超过 ${MATERIAL_LIMIT_LABEL}` },
    );
  },
});

/** Programme titles of a loaded policy. */
export const titleIn = (policy: LoadedPolicy | null) => titleFrom(policy?.compiled);

/** Programme titles of the policy in force today. */
export async function titles(c: Context<AppEnv>, deps: AppDeps) {
  const ctx = requestCtx(c, deps);
  return titleIn(await loadCurrentPolicy(ctx, shanghaiDate(ctx.now)));
}
