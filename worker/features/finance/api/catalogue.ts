/**
 * The public 金融超市 (no sign-in): the zone's published products, filtered,
 * and one product; its own bank's staff also see it unpublished.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { json, err } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { organisationRefusalOf } from "../../auth/guard";
import { getProduct } from "../products";
import { CatalogueQuery, listCatalogue } from "../catalogue";
import { catalogueJson, CatalogueItemSchema } from "./product-schemas";
import { ProductIdParam } from "./schema-parts";

/** GET /products and /products/{id}, relative to /api/v1/finance. */
export function catalogueEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/products",
      operationId: "listCatalogueProducts",
      security: [],
      tags: ["finance"],
      summary:
        "Public (no sign-in): the zone's 金融超市 — published products of active banks, lowest rate first, " +
        "filtered by type, an amount and term they cover, the highest rate acceptable, a guarantee they accept, " +
        "an industry they serve, or words in the name or features (q); a page at a time (`after`: the previous " +
        "page's nextCursor; `limit`, default 30), with the total",
      request: { query: CatalogueQuery },
      responses: {
        200: json(
          z.object({
            products: z.array(CatalogueItemSchema),
            total: z.number().int().openapi({ description: "Products matching the filters, every page" }),
            nextCursor: z.string().nullable().openapi({ description: "Pass as `after` for the next page; null: last" }),
          }),
          "The catalogue",
        ),
        422: err("Invalid filter (or a cursor from another list)"),
      },
    }),
    async (c) => {
      const page = await listCatalogue(requestCtx(c, deps).db, c.req.valid("query"));
      return c.json({ products: page.rows.map(catalogueJson), total: page.total, nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/products/{id}",
      operationId: "getCatalogueProduct",
      security: [],
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
      const reader = auth && !organisationRefusalOf(auth) ? ctx.actor : null;
      return c.json({ product: catalogueJson(await getProduct(ctx.db, c.req.valid("param").id, reader)) }, 200);
    },
  );
}
