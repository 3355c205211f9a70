/** POST /admin/subsidies/applications/:id/move-stage: the zone admin moves an application out of a removed stage. */
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { readForm } from "../../auth/page-forms";
import { MoveStageInput, moveApplicationStage } from "../move-application-stage";
import { attempt } from "./application-page";
import { idParam, invalid, NOT_FOUND, STAFF_LABELS, type StaffPages, Text } from "./shared";

export function moveStageAction(r: StaffPages, deps: AppDeps, adminOnly: MiddlewareHandler<AppEnv>) {
  r.post("/applications/:id/move-stage", adminOnly, async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, deps, id, "move-stage", raw, async () => {
      const input = MoveStageInput.safeParse({
        stage: (raw.stage ?? "").trim(),
        revision: raw.revision ? Number(raw.revision) : undefined,
      });
      if (!input.success) throw invalid("请选择要移至的环节。", { stage: "请选择要移至的环节" });
      await moveApplicationStage(actingCtx(c, deps), id, input.data);
      return "moved";
    });
  });
}
