/**
 * The public 金融超市 pages: the zone's catalogue with its GET filters and one
 * product's page (the apply form on it for a signed-in enterprise member). The
 * application itself is posted to ./member-pages, which re-renders the product
 * page through productPage() when it refuses. People type money in 万元 and
 * rates in %; the services take fen and basis points, converted exactly here
 * (decimal strings, never floating point).
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { zoneOrigin } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { CataloguePage, type CatalogueFilters } from "../../../web/pages/finance/catalogue";
import { ProductPage, type ApplyState } from "../../../web/pages/finance/catalogue-product";
import { fenToWanText, formatMoney, type Notice } from "../../../web/pages/finance/shared";
import type { FinanceActor, FinanceCtx } from "./context";
import { pendingApplicationFor } from "./member-reads";
import { listMyNeeds } from "./needs";
import { normaliseNumberText } from "../../lib/amount-input";
import { percentToBp, wanToFen as parseWan } from "./form-amounts";
import { CatalogueQuery, getProduct, listCatalogue } from "./products";
import { organisationRefusal } from "../auth/guard";

/** Ids in paths: ours are base32 (newId); the demo's are readable slugs. Anything else is a mistyped link. */
export const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const PRODUCT_NOT_FOUND = "金融超市没有这个产品。";

/** The catalogue filter's amount (万元, or its own unit: "3亿") → fen, or null with the parser's sentence. */
function filterAmount(text: string): { fen: number | null; message: string } {
  const r = parseWan(text);
  return r.ok ? { fen: r.fen, message: "" } : { fen: null, message: r.message };
}

function rateBp(text: string): number | null {
  const r = percentToBp(text);
  return r.ok ? r.bp : null;
}

/** Whole months, 1–360; null otherwise. */
export function months(text: string | undefined): number | null {
  const m = /^\d{1,3}$/.exec(normaliseNumberText(text ?? ""));
  const n = m ? Number(m[0]) : 0;
  return n >= 1 && n <= 360 ? n : null;
}

/** The signed-in user as the finance services see them; null for a visitor. */
export function actorOf(c: Context<AppEnv>): FinanceActor | null {
  const u = c.get("auth")?.user;
  return u ? { id: u.id, email: u.email, role: u.role, enterpriseId: u.enterpriseId, bankId: u.bankId } : null;
}

export function financeCtx(c: Context<AppEnv>, deps: AppDeps, actor: FinanceActor): FinanceCtx {
  const { zone, db } = zoneOf(c);
  return { db, zone, now: deps.now(), ip: deps.clientIp(c), origin: zoneOrigin(deps.config, zone.slug), actor };
}

const isMember = (a: FinanceActor | null): a is FinanceActor => a?.role === "enterprise" && !!a.enterpriseId;

/** The filters as typed, each one checked on its own, so one mistake does not cost the others. */
function readFilters(raw: Record<string, string>) {
  const typed: CatalogueFilters = {
    type: raw.type ?? "",
    amount: raw.amount ?? "",
    term: raw.term ?? "",
    rate: raw.rate ?? "",
    guarantee: raw.guarantee ?? "",
    industry: raw.industry ?? "",
    q: (raw.q ?? "").trim(),
  };
  const errors: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const take = (field: keyof CatalogueFilters, key: keyof CatalogueQuery, value: unknown, message: string) => {
    if (typed[field] === "") return;
    const one = CatalogueQuery.shape[key].safeParse(value);
    if (one.success && value !== null) query[key] = one.data;
    else errors[field] = message;
  };
  take("type", "type", typed.type, "请从列表中选择产品类型");
  take("guarantee", "guarantee", typed.guarantee, "请从列表中选择担保方式");
  take("industry", "industry", typed.industry, "请从列表中选择行业");
  const amount = filterAmount(typed.amount);
  take("amount", "amountFen", amount.fen, amount.message);
  take("term", "termMonths", months(typed.term), "请填写1至360之间的整数月数");
  take("rate", "maxRateBp", rateBp(typed.rate), "请填写年利率(%),如 4.35");
  take("q", "q", typed.q, "关键词不超过40个字");
  return { typed, errors, query: query as CatalogueQuery };
}

/** A need of the member's as the apply form's choice reads. */
const needLabel = (n: { amountFen: number; termMonths: number; purpose: string }) =>
  `${formatMoney(n.amountFen)},${n.termMonths}个月 · ${n.purpose.length > 16 ? `${n.purpose.slice(0, 16)}…` : n.purpose}`;

export interface ApplyForm {
  values?: Record<string, string>;
  errors?: FormErrors;
  idempotencyKey?: string | undefined;
  needId?: string;
}

/**
 * The product page: public for a published product, the owning bank's for any
 * of its own; with the apply form for a member (its open needs to choose from,
 * one preselected by ?need=, its amount and term filled in), or, while its
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
  const { zone, db } = zoneOf(c);
  // Public, so never refused; but a suspended organisation's people see it as a visitor
  // would (no unpublished products of their bank, no needs of their enterprise).
  const auth = c.get("auth");
  const suspended = auth ? (await organisationRefusal(db, auth.user)) !== null : false;
  const actor = suspended ? null : actorOf(c);
  const { product, bankName, bankBranch } = await getProduct(db, id, actor);
  let apply: ApplyState = { kind: auth ? "other" : "anonymous" };
  if (isMember(actor)) {
    // The member's own needs on the page: for this browser only.
    c.header("Cache-Control", "private, no-store");
    const ctx = financeCtx(c, deps, actor);
    const [needs, pending] = await Promise.all([listMyNeeds(ctx), pendingApplicationFor(ctx, product.id)]);
    const open = needs.filter((n) => n.status === "open");
    const chosen = open.find((n) => n.id === form.needId);
    const values =
      form.values ??
      (chosen ? { need: chosen.id, amount: fenToWanText(chosen.amountFen), term: String(chosen.termMonths) } : {});
    // One application per product at a time: while one is in progress the page points to it instead of the form.
    apply = pending
      ? { kind: "pending", application: pending }
      : {
          kind: "member",
          needs: open.map((n) => ({ id: n.id, label: needLabel(n) })),
          values,
          errors: form.errors,
          idempotencyKey: form.idempotencyKey ?? crypto.randomUUID(),
        };
  }
  return c.html(
    <ProductPage
      zone={zone}
      nonce={c.get("secureHeadersNonce")}
      user={c.get("auth")?.user}
      product={product}
      bankName={bankName}
      bankBranch={bankBranch}
      apply={apply}
      notice={notice}
    />,
    status,
  );
}

export function financeCataloguePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/finance", requireZone);
  r.use("/finance/products/*", requireZone);

  r.get("/finance", async (c) => {
    const { zone, db } = zoneOf(c);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const { typed, errors, query } = readFilters(c.req.query());
    const items = await listCatalogue(db, query);
    const filtered = Object.values(typed).some((v) => v !== "");
    const status = Object.keys(errors).length ? 400 : 200;
    return c.html(
      <CataloguePage
        zone={zone}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
        filters={typed}
        errors={errors}
        items={items}
        filtered={filtered}
        member={isMember(actorOf(c))}
      />,
      status,
    );
  });

  r.get("/finance/products/:id", (c) => productPage(c, deps, c.req.param("id"), { needId: c.req.query("need") ?? "" }));

  return r;
}
