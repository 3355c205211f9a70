/**
 * 风险补偿 for a bank's staff, mounted at /bank/risk-pool: their own view, the claim form and
 * withdrawal. A refused claim redraws the page with what was typed and the message beside its field.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../../web/components/form";
import { BankRiskPage } from "../../../../web/pages/risk-pool/bank-page";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { signedIn } from "../../auth/guard";
import { formFailure, pageGuard } from "../../auth/page-forms";
import { CLAIM_NOT_FOUND } from "../access";
import { fileClaim, withdrawClaim } from "../file-claim";
import { readBankView } from "../read-bank";
import { ClaimIdParam } from "../schemas";
import { claimFromForm, formFields } from "./forms";

const NOTICES = { filed: "补偿申请已提交,园区将在审核时限内办理。", withdrawn: "补偿申请已撤回。" } as const;

async function page(
  c: Context<AppEnv>,
  deps: AppDeps,
  o: { form?: { values: FormValues; errors?: FormErrors }; error?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  const view = await readBankView(ctx);
  return c.html(
    <BankRiskPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      view={view}
      today={shanghaiDate(ctx.now)}
      notice={status === 200 ? NOTICES[c.req.query("done") as keyof typeof NOTICES] : undefined}
      form={o.form}
      error={o.error}
    />,
    status,
  );
}

export function riskPoolBankPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "bank"));
  r.get("/", (c) => page(c, deps));
  r.post("/claims", async (c) => {
    const body = await readFormBody(c);
    const raw: FormValues = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") raw[k] = v;
    try {
      await fileClaim(actingCtx(c, deps), claimFromForm(raw));
      return c.redirect("/bank/risk-pool?done=filed", 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 403) throw e;
      const { status, errors } = formFailure(e);
      return page(c, deps, { form: { values: raw, errors: { ...errors, fields: formFields(errors.fields) } } }, status);
    }
  });
  r.post("/claims/:id/withdraw", async (c) => {
    const id = ClaimIdParam.safeParse({ id: c.req.param("id") });
    if (!id.success) throw new AppError("not_found", CLAIM_NOT_FOUND);
    try {
      await withdrawClaim(actingCtx(c, deps), id.data.id);
      return c.redirect("/bank/risk-pool?done=withdrawn", 303);
    } catch (e) {
      if (e instanceof AppError && e.status !== 409) throw e;
      const { status, errors } = formFailure(e);
      return page(c, deps, { error: errors.message }, status);
    }
  });
  return r;
}
