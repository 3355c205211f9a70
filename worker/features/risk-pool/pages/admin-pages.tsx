/**
 * 风险补偿资金池 pages for zone staff, mounted at /admin/risk-pool: the overview (reviewers and
 * admins) and one claim; for zone admins the form posts — set up a pool, change its terms, close it,
 * 注资, enrol or take out a product, approve or reject a claim, record a recovery. Success redirects
 * (303) with a notice; a refusal redraws the page with what was typed and the Chinese message (422,
 * or 409 when the claim, the pool or the balance changed meanwhile).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormValues } from "../../../../web/components/form";
import { type PoolFormState, RiskPoolAdminPage } from "../../../../web/pages/risk-pool/admin-page";
import { ClaimPage } from "../../../../web/pages/risk-pool/claim-page";
import { RISK_CLAIM_STATUSES } from "../../../db/schema";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { signedIn } from "../../auth/guard";
import { formFailure, pageGuard } from "../../auth/page-forms";
import { CLAIM_NOT_FOUND, POOL_NOT_FOUND } from "../access";
import { createPool, fundPool } from "../create-pool";
import { closePool, editPool } from "../edit-pool";
import { approveClaim, rejectClaim } from "../decide-claim";
import { enrolProduct, unenrolProduct } from "../enrol-product";
import { readClaim } from "../read-claim";
import { readPools } from "../read-pools";
import { recordRecovery } from "../record-recovery";
import { ClaimIdParam, EnrolInput, PoolIdParam } from "../schemas";
import {
  approveFromForm,
  formFields,
  fundFromForm,
  poolEditFromForm,
  poolFromForm,
  recoveryFromForm,
  rejectFromForm,
} from "./forms";

const NOTICES = {
  created: "资金池已设立。",
  edited: "资金池设置已保存。",
  closed: "资金池已关闭:不再登记新贷款、不再受理新申请。",
  funded: "注资已记入资金池。",
  enrolled: "产品已纳入资金池:此后放款的贷款自动登记。",
  unenrolled: "产品已移出资金池(已登记的贷款仍在保)。",
  approved: "已批准补偿,资金池余额已扣减。",
  rejected: "已作出不予补偿的决定,并通知了银行。",
  recovered: "追偿返还已记入资金池。",
} as const;
const noticeOf = (c: Context<AppEnv>) => NOTICES[c.req.query("done") as keyof typeof NOTICES] as string | undefined;

async function textForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await readFormBody(c);
  const raw: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") raw[k] = v;
  return raw;
}

const param = (schema: typeof PoolIdParam | typeof ClaimIdParam, id: string | undefined, missing: string) => {
  const parsed = schema.safeParse({ id });
  if (!parsed.success) throw new AppError("not_found", missing);
  return parsed.data.id;
};

/** The refusal as the form's errors, its field names the form's; a 403 or 404 is the error page's. */
function refusal(e: unknown) {
  if (e instanceof AppError && (e.status === 403 || e.status === 404) && !e.fields) throw e;
  const { status, errors } = formFailure(e);
  return { status, errors: { ...errors, fields: formFields(errors.fields) } };
}

async function overview(c: Context<AppEnv>, deps: AppDeps, form?: PoolFormState, status: ContentfulStatusCode = 200) {
  const ctx = actingCtx(c, deps);
  const filter = RISK_CLAIM_STATUSES.find((s) => s === c.req.query("status"));
  const view = await readPools(ctx, { status: filter });
  return c.html(
    <RiskPoolAdminPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      view={view}
      status={filter}
      today={shanghaiDate(ctx.now)}
      canEdit={ctx.actor.role === "zone_admin"}
      notice={status === 200 ? noticeOf(c) : undefined}
      form={form}
    />,
    status,
  );
}

async function claimPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  form?: { id: string; values: FormValues; errors?: { message?: string; fields?: Record<string, string> } },
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  const claim = await readClaim(ctx, id);
  return c.html(
    <ClaimPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      claim={claim}
      canEdit={ctx.actor.role === "zone_admin"}
      notice={status === 200 ? noticeOf(c) : undefined}
      form={form}
    />,
    status,
  );
}

export function riskPoolAdminPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));
  const adminOnly = pageGuard(deps, "zone_admin");

  r.get("/", (c) => overview(c, deps));

  r.post("/pools", adminOnly, async (c) => {
    const raw = await textForm(c);
    try {
      await createPool(actingCtx(c, deps), poolFromForm(raw));
      return c.redirect("/admin/risk-pool?done=created", 303);
    } catch (e) {
      const { status, errors } = refusal(e);
      return overview(c, deps, { id: "create", values: raw, errors }, status);
    }
  });

  const poolPost = (
    path: string,
    form: string,
    done: keyof typeof NOTICES,
    act: (c: Context<AppEnv>, id: string, raw: FormValues) => Promise<unknown>,
  ) =>
    r.post(path, adminOnly, async (c) => {
      const id = param(PoolIdParam, c.req.param("id"), POOL_NOT_FOUND);
      const raw = await textForm(c);
      try {
        await act(c, id, raw);
        return c.redirect(`/admin/risk-pool?done=${done}`, 303);
      } catch (e) {
        const { status, errors } = refusal(e);
        return overview(c, deps, { id: form ? `${form}:${id}` : "other", values: raw, errors }, status);
      }
    });
  poolPost("/pools/:id/edit", "edit", "edited", (c, id, raw) =>
    editPool(actingCtx(c, deps), id, poolEditFromForm(raw)),
  );
  poolPost("/pools/:id/close", "close", "closed", (c, id) => closePool(actingCtx(c, deps), id));
  poolPost("/pools/:id/funds", "fund", "funded", (c, id, raw) => fundPool(actingCtx(c, deps), id, fundFromForm(raw)));
  poolPost("/pools/:id/products", "enrol", "enrolled", (c, id, raw) => {
    const input = EnrolInput.safeParse({ productId: raw.productId ?? "" });
    if (!input.success) throw new AppError("validation_failed", "请选择要纳入的产品。", { productId: "请选择产品" });
    return enrolProduct(actingCtx(c, deps), id, input.data.productId);
  });
  poolPost("/pools/:id/products/:productId/unenrol", "", "unenrolled", (c, id) =>
    unenrolProduct(actingCtx(c, deps), id, param(PoolIdParam, c.req.param("productId"), "这个产品不在该资金池中。")),
  );

  r.get("/claims/:id", (c) => claimPage(c, deps, param(ClaimIdParam, c.req.param("id"), CLAIM_NOT_FOUND)));

  const claimPost = (
    action: "approve" | "reject" | "recoveries",
    form: string,
    done: keyof typeof NOTICES,
    act: (c: Context<AppEnv>, id: string, raw: FormValues) => Promise<unknown>,
  ) =>
    r.post(`/claims/:id/${action}`, adminOnly, async (c) => {
      const id = param(ClaimIdParam, c.req.param("id"), CLAIM_NOT_FOUND);
      const raw = await textForm(c);
      try {
        await act(c, id, raw);
        return c.redirect(`/admin/risk-pool/claims/${id}?done=${done}`, 303);
      } catch (e) {
        const { status, errors } = refusal(e);
        return claimPage(c, deps, id, { id: form, values: raw, errors }, status);
      }
    });
  claimPost("approve", "approve", "approved", (c, id, raw) =>
    approveClaim(actingCtx(c, deps), id, approveFromForm(raw)),
  );
  claimPost("reject", "reject", "rejected", (c, id, raw) => rejectClaim(actingCtx(c, deps), id, rejectFromForm(raw)));
  claimPost("recoveries", "recovery", "recovered", (c, id, raw) =>
    recordRecovery(actingCtx(c, deps), id, recoveryFromForm(raw)),
  );
  return r;
}
