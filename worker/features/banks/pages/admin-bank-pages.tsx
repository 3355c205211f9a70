/**
 * 金融机构 pages for the zone admin, mounted at /admin/banks: the list with the
 * register form, and one bank (its staff actions in ./staff-actions). Form POSTs;
 * success redirects (303) with a confirmation, a refusal re-renders with what was typed.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { formFailure, pageGuard, readForm } from "../../auth/page-forms";
import { registerBank } from "../register-bank";
import { RegisterBankBody } from "../schemas";
import { bankIdParam, detailPage, listPage } from "./bank-views";
import { DONE, isDone, staffActions } from "./staff-actions";

export function adminBankPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));

  r.get("/", (c) => listPage(c, deps));

  r.post("/", async (c) => {
    const form = await readForm(c, RegisterBankBody);
    refuseBadCharacters(form.raw, {
      name: "机构名称",
      branch: "分支机构",
      contactName: "联系人",
      contactPhone: "联系电话",
      contactEmail: "联系邮箱",
      uscc: "统一社会信用代码",
    });
    if (!form.ok) return listPage(c, deps, { values: form.raw, errors: form.errors }, 422);
    try {
      const bank = await registerBank(actingCtx(c, deps), form.data);
      return c.redirect(`/admin/banks/${bank.id}?done=registered`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return listPage(c, deps, { values: form.raw, errors }, status);
    }
  });

  r.get("/:id", (c) => {
    const done = c.req.query("done") ?? "";
    return detailPage(c, deps, bankIdParam(c), isDone(done) ? { notice: { kind: "ok", message: DONE[done] } } : {});
  });

  r.route("/", staffActions(deps));
  return r;
}
