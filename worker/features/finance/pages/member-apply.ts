/**
 * 在线申请: the apply form posted from a product page (with the separate
 * consent for that bank, and the page's Idempotency-Key so a second click makes
 * no second application). Success is a 303 to the application; a refusal
 * re-renders the product page with what was typed, the reason and a 4xx.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { formFailure } from "../../auth/page-forms";
import { wanToFen } from "../form-amounts";
import { ApplyInput, applyForLoan } from "../loan-applications";
import { ID, months } from "./ids";
import { formOf, issuesToFields } from "./member-forms";
import { productPage } from "./product-page";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
/** The apply service's field names → the form's. */
const APPLY_FIELDS: Record<string, string> = { amountFen: "amount", termMonths: "term", needId: "need" };

/** POST /, relative to /finance/loans (guarded by the router). */
export function applyRoute(r: Hono<AppEnv>, deps: AppDeps) {
  r.post("/", async (c) => {
    const f = await formOf(c);
    const productId = f.one("productId");
    const values = {
      amount: f.one("amount"),
      term: f.one("term"),
      need: f.one("need"),
      note: f.one("note"),
      consent: f.one("consent"),
    };
    const key = f.one("idempotencyKey").trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key))
      throw new AppError("bad_request", "表单已失效,请回到产品页面重新填写。");
    const refuse = (errors: FormErrors, status: ContentfulStatusCode) =>
      productPage(c, deps, productId, { values, errors, idempotencyKey: key ?? undefined }, status);
    const fields: Record<string, string> = {};
    const amount = wanToFen(values.amount);
    const amountFen = amount.ok ? amount.fen : null;
    const termMonths = months(values.term);
    if (!amount.ok) fields.amount = amount.message;
    if (termMonths === null) fields.term = "请填写1至360之间的整数月数";
    if (values.need && !ID.test(values.need)) fields.need = "请从列表中选择融资需求";
    const parsed = ApplyInput.safeParse({
      productId,
      amountFen: amountFen ?? 0,
      termMonths: termMonths ?? 1,
      consent: values.consent === "yes",
      ...(values.need ? { needId: values.need } : {}),
      ...(values.note.trim() ? { note: values.note } : {}),
    });
    if (!parsed.success) Object.assign(fields, { ...issuesToFields(parsed.error.issues, APPLY_FIELDS), ...fields });
    // Without the consent nothing else matters: that is the one sentence at the top.
    if (fields.consent) return refuse({ message: fields.consent, fields }, 422);
    if (Object.keys(fields).length || !parsed.success)
      return refuse({ message: "请按提示修改后再提交。", fields }, 422);
    try {
      const { application } = await applyForLoan(actingCtx(c, deps), parsed.data, key);
      return c.redirect(`/finance/loans/${application.id}?done=applied`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 && !errors.fields) throw e;
      // The service names its fields (amountFen: outside the product's range); the form's are amount, term, need.
      const fields =
        errors.fields && Object.fromEntries(Object.entries(errors.fields).map(([k, m]) => [APPLY_FIELDS[k] ?? k, m]));
      return refuse(fields ? { ...errors, fields } : errors, status);
    }
  });
}
