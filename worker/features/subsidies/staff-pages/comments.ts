/** POST /admin/subsidies/applications/:id/comments: staff's 意见 to the enterprise (changes no state). */
import type { AppDeps } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { readForm } from "../../auth/page-forms";
import { CommentInput, commentOnApplication } from "../comment-application";
import { attempt } from "./application-page";
import { idParam, invalid, NOT_FOUND, programmeTitles, STAFF_LABELS, type StaffPages, Text } from "./shared";

export function commentAction(r: StaffPages, deps: AppDeps) {
  r.post("/applications/:id/comments", async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, deps, id, "comment", raw, async () => {
      const input = CommentInput.safeParse({ text: raw.text ?? "" });
      if (!input.success) throw invalid("请填写意见内容。", { text: input.error.issues[0]?.message ?? "有误" });
      const ctx = actingCtx(c, deps);
      await commentOnApplication(
        ctx,
        id,
        input.data,
        programmeTitles(ctx).then((t) => t.title),
      );
      return "comment";
    });
  });
}
