/**
 * The 金融超市 JSON API. Who may use each route: anyone reads the catalogue and
 * a published product; a bank's staff manage their own bank's products (another
 * bank's id answers 404, as if it did not exist) and see the open needs that
 * fit them, with an enterprise's financial data only where it consented; the
 * member routes (needs, consents, applying) and loans are in ./api-member.ts and
 * ./api-loans.ts. The routes only translate HTTP: the rules are the services',
 * shared with the pages.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { organisationRefusal, requireRole } from "../auth/guard";
import { actorOf, financeCtx } from "./api-context";
import {
  bankNeedJson,
  BankNeedSchema,
  body,
  catalogueJson,
  CatalogueItemSchema,
  denied,
  err,
  json,
  ProductIdParam,
  productJson,
  ProductSchema,
} from "./api-schemas";
import { financeMemberApi } from "./api-member";
import { financeLoanApi } from "./api-loans";
import { needsForBank } from "./needs";
import {
  bankOf,
  CatalogueQuery,
  createProduct,
  getProduct,
  listBankProducts,
  listCatalogue,
  ProductInput,
  setProductStatus,
  updateProduct,
} from "./products";

const Product = z.object({ product: ProductSchema });
const ProductUpdate = ProductInput.safeExtend({
  revision: z.number().int().min(0).max(2_147_483_647).optional().openapi({
    description: "The revision this edit started from; a newer stored one answers 409 (a colleague changed it)",
  }),
});
const productInvalid = err(
  "Invalid input: ranges out of order, a rate over 36%, an industry or qualification the zone does not have (fields name it)",
);

export function financeApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/finance/*", requireZone);
  r.use("/api/v1/bank/*", requireZone, requireRole(deps, "bank"));
  r.use("/api/v1/admin/finance/*", requireZone, requireRole(deps, "zone_admin", "reviewer"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/products",
      tags: ["finance"],
      summary:
        "Public (no sign-in): the zone's 金融超市 — published products of active banks, lowest rate first, filtered by type, an amount and term they cover, the highest rate acceptable, a guarantee they accept, an industry they serve, or words in the name or features (q)",
      request: { query: CatalogueQuery },
      responses: {
        200: json(z.object({ products: z.array(CatalogueItemSchema) }), "The catalogue"),
        422: err("Invalid filter"),
      },
    }),
    async (c) =>
      c.json({ products: (await listCatalogue(zoneOf(c).db, c.req.valid("query"))).map(catalogueJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/finance/products/{id}",
      tags: ["finance"],
      summary: "Public (no sign-in): one published product; its own bank's staff also see it as a draft or withdrawn",
      request: { params: ProductIdParam },
      responses: {
        200: json(z.object({ product: CatalogueItemSchema }), "The product"),
        404: err("Not in the 金融超市 (or not yours)"),
      },
    }),
    async (c) => {
      // Public, so never refused; but a suspended bank's staff no longer see its unpublished products here.
      const auth = c.get("auth");
      const reader = auth && !(await organisationRefusal(zoneOf(c).db, auth.user)) ? actorOf(c) : null;
      return c.json({ product: catalogueJson(await getProduct(zoneOf(c).db, c.req.valid("param").id, reader)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/bank/products",
      tags: ["finance", "bank"],
      summary: "Bank staff: their own bank's products, every status",
      responses: { 200: json(z.object({ products: z.array(ProductSchema) }), "The bank's products"), ...denied },
    }),
    async (c) => c.json({ products: (await listBankProducts(zoneOf(c).db, bankOf(actorOf(c)))).map(productJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/bank/products",
      tags: ["finance", "bank"],
      summary:
        "Bank staff: create a product (a draft until published). Money in fen, rates in basis points (0.01%–36%), terms in months; ranges must be ordered",
      request: body(ProductInput),
      responses: { 201: json(Product, "Created as a draft"), ...denied, 422: productInvalid },
    }),
    async (c) => c.json({ product: productJson(await createProduct(financeCtx(c, deps), c.req.valid("json"))) }, 201),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/bank/products/{id}",
      tags: ["finance", "bank"],
      summary: "Bank staff: replace one of their bank's products (every field; its status stays)",
      request: { params: ProductIdParam, ...body(ProductUpdate) },
      responses: {
        200: json(Product, "Saved"),
        ...denied,
        404: err("No such product of this bank"),
        409: err("Changed by a colleague since `revision`"),
        422: productInvalid,
      },
    }),
    async (c) => {
      const { revision, ...input } = c.req.valid("json");
      return c.json(
        { product: productJson(await updateProduct(financeCtx(c, deps), c.req.valid("param").id, input, revision)) },
        200,
      );
    },
  );

  const statusRoute = (action: "publish" | "withdraw", status: "published" | "withdrawn", summary: string) =>
    r.openapi(
      createRoute({
        method: "post",
        path: `/api/v1/bank/products/{id}/${action}`,
        tags: ["finance", "bank"],
        summary,
        request: { params: ProductIdParam },
        responses: {
          200: json(Product, "Done (or already so)"),
          ...denied,
          404: err("No such product of this bank"),
          409: err("Changed by a colleague meanwhile"),
        },
      }),
      async (c) =>
        c.json(
          { product: productJson(await setProductStatus(financeCtx(c, deps), c.req.valid("param").id, status)) },
          200,
        ),
    );
  statusRoute("publish", "published", "Bank staff: publish a product to the zone's 金融超市");
  statusRoute(
    "withdraw",
    "withdrawn",
    "Bank staff: withdraw a product from the 金融超市 (applications already made go on)",
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/bank/needs",
      tags: ["finance", "bank"],
      summary:
        "Bank staff: open, unexpired financing needs that their published products fit, best fit first, each explained criterion by criterion. An enterprise's qualifications, years in operation and revenue are null (and those criteria unknown) unless it consented to this bank seeing them",
      responses: { 200: json(z.object({ needs: z.array(BankNeedSchema) }), "Needs, ranked"), ...denied },
    }),
    async (c) => c.json({ needs: (await needsForBank(financeCtx(c, deps))).map(bankNeedJson) }, 200),
  );

  r.route("/", financeMemberApi(deps));
  r.route("/", financeLoanApi(deps));
  return r;
}
