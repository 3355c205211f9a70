/**
 * A bank's staff manage their own bank's products: list, create (a draft),
 * replace, publish and withdraw. Another bank's id answers 404, as if it did
 * not exist.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { bankOf } from "../actor-roles";
import { createProduct, listBankProducts, ProductInput, setProductStatus, updateProduct } from "../products";
import { productJson, ProductSchema } from "./product-schemas";
import { denied, ProductIdParam } from "./schema-parts";

const Product = z.object({ product: ProductSchema });
const ProductUpdate = ProductInput.safeExtend({
  revision: z.number().int().min(0).max(2_147_483_647).optional().openapi({
    description: "The revision this edit started from; a newer stored one answers 409 (a colleague changed it)",
  }),
});
const productInvalid = err(
  "Invalid input: ranges out of order, a rate over 36%, an industry or qualification the zone does not have " +
    "(fields name it)",
);

/** /products and /products/{id}[/publish|/withdraw], relative to /api/v1/bank. */
export function bankProductEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/products",
      operationId: "listBankProducts",
      tags: ["finance", "bank"],
      summary: "Bank staff: their own bank's products, every status",
      responses: { 200: json(z.object({ products: z.array(ProductSchema) }), "The bank's products"), ...denied },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      return c.json({ products: (await listBankProducts(ctx.db, bankOf(ctx.actor))).map(productJson) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/products",
      operationId: "createBankProduct",
      tags: ["finance", "bank"],
      summary:
        "Bank staff: create a product (a draft until published). Money in fen, rates in basis points " +
        "(0.01%–36%), terms in months; ranges must be ordered",
      request: body(ProductInput),
      responses: { 201: json(Product, "Created as a draft"), ...denied, 422: productInvalid },
    }),
    async (c) => c.json({ product: productJson(await createProduct(actingCtx(c, deps), c.req.valid("json"))) }, 201),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/products/{id}",
      operationId: "updateBankProduct",
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
      const row = await updateProduct(actingCtx(c, deps), c.req.valid("param").id, input, revision);
      return c.json({ product: productJson(row) }, 200);
    },
  );

  const statusRoute = (
    action: "publish" | "withdraw",
    status: "published" | "withdrawn",
    operationId: string,
    summary: string,
  ) =>
    r.openapi(
      createRoute({
        method: "post",
        path: `/products/{id}/${action}`,
        operationId,
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
      async (c) => {
        const row = await setProductStatus(actingCtx(c, deps), c.req.valid("param").id, status);
        return c.json({ product: productJson(row) }, 200);
      },
    );
  statusRoute("publish", "published", "publishBankProduct", "Bank staff: publish a product to the zone's 金融超市");
  statusRoute(
    "withdraw",
    "withdrawn",
    "withdrawBankProduct",
    "Bank staff: withdraw a product from the 金融超市 (applications already made go on)",
  );
}
