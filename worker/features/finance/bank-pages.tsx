/**
 * 金融超市 for a bank's staff: 我的产品 (list, one form to create and edit,
 * publish / withdraw) here; 融资需求 and 贷款申请 in ./bank-loan-pages.tsx.
 * Anonymous visitors go to 登录, other roles get the 403 page; another bank's
 * product is a 404. A refused form re-renders with what was typed, a message
 * per field and its 4xx, having changed nothing; success is a 303 with a notice.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { financeCtx } from "./api-context";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import type { LoanProductRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { bankTitle } from "../../../web/pages/banks/labels";
import { ProductFormPage } from "../../../web/pages/finance/bank-product-form";
import { BankProductsPage } from "../../../web/pages/finance/bank-products";
import type { Notice } from "../../../web/pages/finance/shared";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard } from "../auth/page-forms";
import { findBank } from "../banks/get-bank";
import {
  formFields,
  formValues,
  parseProductForm,
  productValues,
  type ProductFormValues,
  PRODUCT_FIELD_LABELS,
} from "./bank-product-form";
import { bankOf, createProduct, listBankProducts, ownProduct, setProductStatus, updateProduct } from "./products";

/** Applications, enterprises' figures and unpublished products: for this person only, never a shared cache. */
export const privatePage = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", "private, no-store");
  await next();
});

/** newId(): 26 characters of lower-case base32; anything else is a page that does not exist. */
export function idParam(c: Context<AppEnv>, message: string): string {
  const id = c.req.param("id") ?? "";
  if (!/^[a-z2-7]{26}$/.test(id)) throw new AppError("not_found", message);
  return id;
}

const NOT_FOUND = "没有这个贷款产品。";
const DONE: Record<string, string> = {
  created: "产品已保存为草稿。检查无误后点“发布”,企业即可在金融超市看到。",
  saved: "修改已保存。",
  published: "产品已发布,已在金融超市展示。",
  withdrawn: "产品已下架,企业不再能看到和申请;办理中的申请不受影响。",
};
const doneNotice = (c: Context<AppEnv>): Notice | undefined => {
  const done = c.req.query("done");
  return done && Object.hasOwn(DONE, done) ? { kind: "ok", message: DONE[done]! } : undefined;
};

/** The bank pages: guarded for bank staff and private. */
export function bankPagePaths(r: Hono<AppEnv>, deps: AppDeps, paths: string[]) {
  for (const path of paths) r.use(path, requireZone, pageGuard(deps, "bank"), privatePage);
}

export function bankProductPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  bankPagePaths(r, deps, ["/bank/products", "/bank/products/*", "/bank/new-product"]);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  const listPage = async (c: Context<AppEnv>, notice: Notice | undefined, status: ContentfulStatusCode = 200) => {
    const ctx = financeCtx(c, deps);
    const bankId = bankOf(ctx.actor);
    const [bank, products] = await Promise.all([findBank(ctx.db, bankId), listBankProducts(ctx.db, bankId)]);
    return c.html(
      <BankProductsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        bankName={bankTitle(bank)}
        products={products}
        notice={notice}
      />,
      status,
    );
  };

  const formPage = (
    c: Context<AppEnv>,
    product: LoanProductRow | null,
    values: ProductFormValues,
    extra: { errors?: FormErrors; notice?: Notice | undefined } = {},
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <ProductFormPage
        zone={financeCtx(c, deps).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        product={product}
        values={values}
        {...extra}
      />,
      status,
    );

  const readValues = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}));
    refuseBadCharacters(body, PRODUCT_FIELD_LABELS);
    return formValues(body);
  };

  r.get("/bank/products", (c) => listPage(c, doneNotice(c)));

  r.get("/bank/new-product", (c) => {
    bankOf(financeCtx(c, deps).actor);
    return formPage(c, null, { text: { type: "credit" }, guarantees: ["credit"], industries: [], qualifications: [] });
  });

  r.post("/bank/products", async (c) => {
    const ctx = financeCtx(c, deps);
    bankOf(ctx.actor);
    const values = await readValues(c);
    const parsed = parseProductForm(values);
    if (!parsed.ok) return formPage(c, null, values, { errors: parsed.errors }, 422);
    try {
      const row = await createProduct(ctx, parsed.input);
      return c.redirect(`/bank/products/${row.id}?done=created`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return formPage(c, null, values, { errors: { ...errors, fields: formFields(errors.fields) } }, status);
    }
  });

  r.get("/bank/products/:id", async (c) => {
    const product = await ownProduct(financeCtx(c, deps), idParam(c, NOT_FOUND));
    return formPage(c, product, productValues(product), { notice: doneNotice(c) });
  });

  r.post("/bank/products/:id", async (c) => {
    const ctx = financeCtx(c, deps);
    const product = await ownProduct(ctx, idParam(c, NOT_FOUND));
    const values = await readValues(c);
    const parsed = parseProductForm(values);
    if (!parsed.ok) return formPage(c, product, values, { errors: parsed.errors }, 422);
    try {
      await updateProduct(ctx, product.id, parsed.input, parsed.revision);
      return c.redirect(`/bank/products/${product.id}?done=saved`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return formPage(c, product, values, { errors: { ...errors, fields: formFields(errors.fields) } }, status);
    }
  });

  r.post("/bank/products/:id/status", async (c) => {
    const ctx = financeCtx(c, deps);
    const product = await ownProduct(ctx, idParam(c, NOT_FOUND));
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const to = body.action === "publish" ? "published" : body.action === "withdraw" ? "withdrawn" : null;
    try {
      if (!to) throw new AppError("validation_failed", "请选择发布或下架。");
      await setProductStatus(ctx, product.id, to);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return formPage(
        c,
        product,
        productValues(product),
        { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } },
        status,
      );
    }
    return c.redirect(`/bank/products?done=${to}`, 303);
  });

  return r;
}
