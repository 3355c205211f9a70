/** POST /admin/subsidies/applications/:id/review: 通过 / 退回补正 / 驳回 (and at 拨付, 批准拨付). */
import type { AppDeps } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { readForm } from "../../auth/page-forms";
import { ReviewInput, reviewApplication } from "../review-application";
import { attempt } from "./application-page";
import {
  amountField,
  idParam,
  invalid,
  NOT_FOUND,
  programmeTitles,
  STAFF_LABELS,
  type StaffPages,
  Text,
} from "./shared";

export function reviewAction(r: StaffPages, deps: AppDeps) {
  r.post("/applications/:id/review", async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    const action = raw.action === "pass" || raw.action === "return" || raw.action === "reject" ? raw.action : "pass";
    return attempt(c, deps, id, action, raw, async () => {
      if (raw.action !== action) throw invalid("请选择通过、退回补正或驳回。", {});
      const amount = action === "pass" ? amountField(raw, "amount") : { ok: true as const, fen: undefined };
      if (!amount.ok) throw invalid(amount.message, { amount: amount.message });
      const input = ReviewInput.safeParse({
        action,
        amountFen: amount.fen,
        reason: raw.reason?.trim() || undefined,
        revision: raw.revision ? Number(raw.revision) : undefined,
      });
      if (!input.success)
        throw invalid("请按提示修改后再提交。", {
          [String(input.error.issues[0]?.path[0] ?? "reason")]: input.error.issues[0]?.message ?? "有误",
        });
      const ctx = actingCtx(c, deps);
      const row = await reviewApplication(
        ctx,
        id,
        input.data,
        programmeTitles(ctx).then((t) => t.title),
      );
      return row.status === "awarded" ? "award" : action;
    });
  });
}
