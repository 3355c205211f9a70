/** POST /admin/subsidies/applications/:id/payments: the zone admin records a payment. */
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { readForm } from "../../auth/page-forms";
import { PaymentInput, recordPayment } from "../record-payment";
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

export function paymentAction(r: StaffPages, deps: AppDeps, adminOnly: MiddlewareHandler<AppEnv>) {
  r.post("/applications/:id/payments", adminOnly, async (c) => {
    const id = idParam(c, NOT_FOUND);
    const { raw } = await readForm(c, Text);
    refuseBadCharacters(raw, STAFF_LABELS);
    return attempt(c, deps, id, "payment", raw, async () => {
      const amount = amountField(raw, "amount");
      if (!amount.ok) throw invalid(amount.message, { amount: amount.message });
      const input = PaymentInput.safeParse({
        amountFen: amount.fen,
        paidOn: (raw.paidOn ?? "").trim(),
        voucherNo: raw.voucherNo ?? "",
      });
      if (!input.success) {
        const fields = Object.fromEntries(
          input.error.issues.map((i) => [
            i.path[0] === "amountFen" ? "amount" : String(i.path[0]),
            i.code === "invalid_type" ? "请填写这一项" : i.message,
          ]),
        );
        throw invalid("请按提示修改后再登记。", fields);
      }
      const ctx = actingCtx(c, deps);
      await recordPayment(
        ctx,
        id,
        input.data,
        programmeTitles(ctx).then((t) => t.title),
      );
      return "paid";
    });
  });
}
