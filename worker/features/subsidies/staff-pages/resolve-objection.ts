/** POST /admin/subsidies/objections/:id/resolve: the zone admin decides an objection to an award on notice. */
import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { subsidyObjections } from "../../../db/schema";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { readForm } from "../../auth/page-forms";
import { ResolveInput, resolveObjection } from "../publicity";
import { attempt } from "./application-page";
import { idParam, invalid, programmeTitles, STAFF_LABELS, type StaffPages, Text } from "./shared";

const NO_OBJECTION = "没有这条异议。";

export function resolveObjectionAction(r: StaffPages, deps: AppDeps, adminOnly: MiddlewareHandler<AppEnv>) {
  r.post("/objections/:id/resolve", adminOnly, async (c) => {
    const objectionId = idParam(c, NO_OBJECTION);
    const ctx = actingCtx(c, deps);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    // The service reads the objection with its application (one round trip); the application is read
    // apart only when the form is refused before that, to re-render it.
    let applicationId: string | undefined;
    const applicationOf = async () => {
      if (applicationId) return applicationId;
      const [objection] = await ctx.db
        .select({ applicationId: subsidyObjections.applicationId })
        .from(subsidyObjections)
        .where(eq(subsidyObjections.id, objectionId))
        .limit(1);
      if (!objection) throw new AppError("not_found", NO_OBJECTION);
      return objection.applicationId;
    };
    return attempt(c, deps, applicationOf, `resolve:${objectionId}`, raw, async () => {
      const input = ResolveInput.safeParse({ decision: raw.decision, resolution: raw.resolution ?? "" });
      if (!input.success) {
        const fields = Object.fromEntries(
          input.error.issues.map((i) => [
            String(i.path[0]),
            i.path[0] === "decision" ? "请选择异议是否成立" : i.message,
          ]),
        );
        throw invalid("请选择处理结果并写明处理意见。", fields);
      }
      const titles = programmeTitles(ctx).then((t) => t.title);
      applicationId = (await resolveObjection(ctx, objectionId, input.data, titles)).id;
      return input.data.decision;
    });
  });
}
