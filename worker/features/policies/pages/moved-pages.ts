/**
 * The policy pages' old singular URLs (/policy…, /admin/policy…) moved to the
 * plural scheme (/policies…, /admin/policies…) and answer with the new address
 * forever, query string kept. GET and HEAD get 301; a form post to an old
 * address (a page left open across the move) gets 308, so it is sent again as
 * a post rather than turned into a GET.
 *
 * A document was at /policies/:id before the pages under /policies had names of
 * their own; it is now at /policies/documents/:id.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { DocumentIdParam } from "../schemas";

/** Old path (relative to the router's prefix) → new absolute path; ":id" carries over. */
type Moves = Record<string, string>;

/** Under /policy. */
export const POLICY_MOVES: Moves = {
  "/": "/policies",
  "/programmes/:id": "/policies/programmes/:id",
  "/match": "/policies/match",
};

/** Under /admin/policy. */
export const ADMIN_POLICY_MOVES: Moves = {
  "/": "/admin/policies",
  "/download/:id": "/admin/policies/download/:id",
  "/preview": "/admin/policies/preview",
  "/publish": "/admin/policies/publish",
  "/programmes/:id/matches": "/admin/policies/programmes/:id/matches",
};

export function movedPages(moves: Moves) {
  const r = new Hono<AppEnv>();
  // Only a zone host ever had these pages; elsewhere they stay the 404 they were.
  r.use("*", requireZone);
  for (const [from, to] of Object.entries(moves)) {
    r.all(from, (c) => {
      const params: Record<string, string> = c.req.param();
      const path = to.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
      const status = c.req.method === "GET" || c.req.method === "HEAD" ? 301 : 308;
      return c.redirect(path + new URL(c.req.url).search, status);
    });
  }
  return r;
}

/** Names under /policies that are pages, never an old document address. */
const PAGE_NAMES = new Set(["match", "programmes", "documents"]);

/**
 * Old document addresses (/policies/:id), recognised in /policies' middleware: Hono's
 * RegExpRouter cannot hold a /policies/:id route beside /policies/match and the rest.
 */
export const oldDocumentUrls = createMiddleware<AppEnv>(async (c, next) => {
  const rest = c.req.path.slice("/policies/".length);
  const isOld = c.req.path.startsWith("/policies/") && !PAGE_NAMES.has(rest);
  if (!isOld || !DocumentIdParam.shape.id.safeParse(rest).success) return next();
  const status = c.req.method === "GET" || c.req.method === "HEAD" ? 301 : 308;
  return c.redirect(`/policies/documents/${rest}${new URL(c.req.url).search}`, status);
});
