/**
 * 我的产品 for a bank's staff: the list, one form to create and edit, publish /
 * withdraw. Another bank's product is a 404. A refused form re-renders with
 * what was typed, a message per field and its 4xx, having changed nothing;
 * success is a 303 with a notice.
 */
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { eq } from "drizzle-orm";
import { banks, type LoanProductRow } from "../../../db/schema";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { bankTitle } from "../../../../web/pages/banks/labels";
import { ProductFormPage } from "../../../../web/pages/finance/bank-product-form";
import { BankProductsPage } from "../../../../web/pages/finance/bank-products";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { BANK_NOT_FOUND } from "../../banks/get-bank";
import { bankOf } from "../actor-roles";
import { formFields, formValues, parseProductForm, PRODUCT_FIELD_LABELS, productValues } from "../bank-product-form";
import { createProduct, listBankProducts, ownProduct, setProductStatus, updateProduct } from "../products";
import type { ProductFormValues } from "../../../../web/pages/finance/rows";
import { newIdParam } from "./ids";

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

/** /products, /new-product and /products/:id[/status], relative to /bank (guarded by the router). */
export function bankProductRoutes(r: Hono<AppEnv>, deps: AppDeps) {
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  const formPage = (
    c: Context<AppEnv>,
    product: LoanProductRow | null,
    values: ProductFormValues,
    extra: { errors?: FormErrors; notice?: Notice | undefined } = {},
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <ProductFormPage
        zone={actingCtx(c, deps).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        product={product}
        values={values}
        {...extra}
      />,
      status,
    );

  const readValues = async (c: Context<AppEnv>) => {
    const body = await readFormBody(c, { all: true });
    refuseBadCharacters(body, PRODUCT_FIELD_LABELS);
    return formValues(body);
  };

  r.get("/products", async (c) => {
    const ctx = actingCtx(c, deps);
    const bankId = bankOf(ctx.actor);
    // The bank and its products: one round trip.
    const [[bank], products] = await ctx.db.batch([
      ctx.db.select().from(banks).where(eq(banks.id, bankId)).limit(1),
      listBankProducts(ctx.db, bankId),
    ]);
    if (!bank) throw new AppError("not_found", BANK_NOT_FOUND);
    const page = { zone: ctx.zone, nonce: nonce(c), user: signedIn(c).user, bankName: bankTitle(bank) };
    return c.html(<BankProductsPage {...page} products={products} notice={doneNotice(c)} />);
  });

  r.get("/new-product", (c) => {
    bankOf(actingCtx(c, deps).actor);
    return formPage(c, null, { text: { type: "credit" }, guarantees: ["credit"], industries: [], qualifications: [] });
  });

  r.post("/products", async (c) => {
    const ctx = actingCtx(c, deps);
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

  r.get("/products/:id", async (c) => {
    const product = await ownProduct(actingCtx(c, deps), newIdParam(c, NOT_FOUND));
    return formPage(c, product, productValues(product), { notice: doneNotice(c) });
  });

  // The success path is the service's check and its guarded write, nothing more (issue 16's three waves): the
  // product is read here only to re-render a refused form (another bank's is then the service's or this 404).
  r.post("/products/:id", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = newIdParam(c, NOT_FOUND);
    const values = await readValues(c).catch(async (e: unknown) => {
      await ownProduct(ctx, id);
      throw e;
    });
    const parsed = parseProductForm(values);
    if (!parsed.ok) return formPage(c, await ownProduct(ctx, id), values, { errors: parsed.errors }, 422);
    try {
      await updateProduct(ctx, id, parsed.input, parsed.revision);
      return c.redirect(`/bank/products/${id}?done=saved`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      const product = await ownProduct(ctx, id);
      return formPage(c, product, values, { errors: { ...errors, fields: formFields(errors.fields) } }, status);
    }
  });

  r.post("/products/:id/status", async (c) => {
    const ctx = actingCtx(c, deps);
    const id = newIdParam(c, NOT_FOUND);
    const body = await readFormBody(c);
    const to = body.action === "publish" ? "published" : body.action === "withdraw" ? "withdrawn" : null;
    try {
      if (!to) throw new AppError("validation_failed", "请选择发布或下架。");
      await setProductStatus(ctx, id, to);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      // Read after the refusal, so the page shows the product as it now stands (and another bank's is a 404).
      const product = await ownProduct(ctx, id);
      const notice: Notice = { kind: "error", message: errors.message ?? "操作没有完成。" };
      return formPage(c, product, productValues(product), { notice }, status);
    }
    return c.redirect(`/bank/products?done=${to}`, 303);
  });
}
