/**
 * The public 金融超市 (no sign-in): the zone's published products, filtered,
 * and one product; its own bank's staff also see it unpublished.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { json, err } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { organisationRefusal } from "../../auth/guard";
import { CatalogueQuery, getProduct, listCatalogue } from "../products";
import { catalogueJson, CatalogueItemSchema } from "./product-schemas";
import { ProductIdParam } from "./schema-parts";

/** GET /products and /products/{id}, relative to /api/v1/finance. */
export function catalogueEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/products",
      tags: ["finance"],
      summary:
        "Public (no sign-in): the zone's 金融超市 — published products of active banks, lowest rate first, " +
        "filtered by type, an amount and term they cover, the highest rate acceptable, a guarantee they accept, " +
        "an industry they serve, or words in the name or features (q)",
      request: { query: CatalogueQuery },
      responses: {
        200: json(z.object({ products: z.array(CatalogueItemSchema) }), "The catalogue"),
        422: err("Invalid filter"),
      },
    }),
    async (c) => {
      const products = await listCatalogue(requestCtx(c, deps).db, c.req.valid("query"));
      return c.json({ products: products.map(catalogueJson) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/products/{id}",
      tags: ["finance"],
      summary: "Public (no sign-in): one published product; its own bank's staff also see it as a draft or withdrawn",
      request: { params: ProductIdParam },
      responses: {
        200: json(z.object({ product: CatalogueItemSchema }), "The product"),
        404: err("Not in the 金融超市 (or not yours)"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      // Public, so never refused; but a suspended bank's staff no longer see its unpublished products here.
      const auth = c.get("auth");
      const reader = auth && !(await organisationRefusal(ctx.db, auth.user)) ? ctx.actor : null;
      return c.json({ product: catalogueJson(await getProduct(ctx.db, c.req.valid("param").id, reader)) }, 200);
    },
  );
}
