/**
 * One 金融超市 product's page, public for a published product and the owning
 * bank's for any of its own, with the apply form for a signed-in enterprise
 * member. The application is posted to ./member-loans, which re-renders this
 * page through productPage() when it refuses.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { type Actor, requestCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { type ApplyState, ProductPage } from "../../../../web/pages/finance/catalogue-product";
import { fenToPlainWan, formatMoney } from "../../../lib/money";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { organisationRefusalOf } from "../../auth/guard";
import { pendingApplicationQuery } from "../member-reads";
import { openNeedsQuery } from "../needs";
import { getProduct, productQuery, visibleProduct } from "../products";
import { ID } from "./ids";

const PRODUCT_NOT_FOUND = "金融超市没有这个产品。";

/** An admitted enterprise's member: the one who may apply. */
export const isMember = (a: Actor | null): a is Actor => a?.role === "enterprise" && !!a.enterpriseId;

/** A need of the member's as the apply form's choice reads. */
const needLabel = (n: { amountFen: number; termMonths: number; purpose: string }) =>
  `${formatMoney(n.amountFen)},${n.termMonths}个月 · ` +
  `${n.purpose.length > 16 ? `${n.purpose.slice(0, 16)}…` : n.purpose}`;

/** The apply form as refused (what was typed, the messages, the same key), or the need chosen by ?need=. */
export interface ApplyForm {
  values?: Record<string, string>;
  errors?: FormErrors;
  idempotencyKey?: string | undefined;
  needId?: string;
}

/**
 * The product page: with the apply form for a member (its open needs to choose
 * from, one preselected by ?need=, its amount and term filled in), or, while its
 * application to this product is in progress, a link to that application.
 */
export async function productPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  form: ApplyForm = {},
  status: ContentfulStatusCode = 200,
  notice?: Notice,
) {
  if (!ID.test(id)) throw new AppError("not_found", PRODUCT_NOT_FOUND);
  const ctx = requestCtx(c, deps);
  // Public, so never refused; but a suspended organisation's people see it as a visitor
  // would (no unpublished products of their bank, no needs of their enterprise).
  const auth = c.get("auth");
  const suspended = auth ? organisationRefusalOf(auth) !== null : false;
  const actor = suspended ? null : ctx.actor;
  let apply: ApplyState = { kind: auth ? "other" : "anonymous" };
  let found: Awaited<ReturnType<typeof getProduct>>;
  if (isMember(actor)) {
    // The member's own needs on the page: for this browser only.
    c.header("Cache-Control", "private, no-store");
    const acting = { db: ctx.db, zone: ctx.zone, now: ctx.now, actor };
    // The product, the member's open needs and its application in progress: one round trip.
    const [rows, open, pending] = await ctx.db.batch([
      productQuery(ctx.db, id),
      openNeedsQuery(acting),
      pendingApplicationQuery(acting, id),
    ]);
    found = visibleProduct(rows[0], actor);
    const chosen = open.find((n) => n.id === form.needId);
    const values =
      form.values ??
      (chosen ? { need: chosen.id, amount: fenToPlainWan(chosen.amountFen), term: String(chosen.termMonths) } : {});
    // One application per product at a time: while one is in progress the page points to it instead of the form.
    apply = pending[0]
      ? { kind: "pending", application: pending[0] }
      : {
          kind: "member",
          needs: open.map((n) => ({ id: n.id, label: needLabel(n) })),
          values,
          errors: form.errors,
          idempotencyKey: form.idempotencyKey ?? crypto.randomUUID(),
        };
  } else found = await getProduct(ctx.db, id, actor);
  const { product, bankName, bankBranch } = found;
  return c.html(
    <ProductPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={auth?.user}
      product={product}
      bankName={bankName}
      bankBranch={bankBranch}
      apply={apply}
      notice={notice}
    />,
    status,
  );
}
