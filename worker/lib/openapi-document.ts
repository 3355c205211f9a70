/**
 * The OpenAPI document as served at /api/openapi.json: the routes' own declarations
 * (generated once per app) plus what only the deployment knows — how to authenticate
 * (the session cookie, API tokens and the scope each operation needs, from tokenScopeFor,
 * the same function the bearer path checks), the origin the API is served on, the licence.
 * A generated client (openapi-typescript, openapi-generator) needs all of it.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { TOKEN_SCOPES, tokenScopeFor } from "./api-scopes";

/** The document as @hono/zod-openapi generates it (OpenAPI 3.1). */
export type OpenApiDocument = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;
type PathItem = NonNullable<OpenApiDocument["paths"]>[string];
type Operation = NonNullable<PathItem["get"]>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The document's own fields: title, version, what a reader needs first. */
export const DOCUMENT_INFO = {
  openapi: "3.1.0",
  info: {
    title: "园区通 yuanqu API",
    version: "1",
    description:
      "Each zone is served on its own subdomain; every path below is relative to that zone's origin " +
      "(`servers` names the one this copy was fetched from). Sign in with the session cookie, or send " +
      "an API token (`Authorization: Bearer yq_…`, created at /account/tokens) to the operations " +
      "that list `apiToken` with the scope they need.",
  },
};

const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "__Host-yq_session",
    description:
      "The session cookie POST /api/v1/auth/login sets (named `yq_session` on plain-http development hosts). " +
      "On the platform's bare domain the same path signs an operator in, for /api/v1/platform/*.",
  },
  apiToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "yq_<zone>_…",
    description:
      "An API token a zone admin or a bank's staff created at /account/tokens, bound to one zone and one " +
      `organisation. Scopes: ${TOKEN_SCOPES.join(", ")}. Unknown, expired or revoked → 401; ` +
      "a scope the token lacks → 403.",
  },
} as const;

/** No licence is granted: the API is the zone's service, not a published work. */
const LICENSE = { name: "Proprietary", identifier: "LicenseRef-Proprietary" };

/** The security an operation that declared none gets: the cookie, and a token where its scope allows. */
function securityFor(method: string, path: string): Operation["security"] {
  const scope = tokenScopeFor(method, path);
  return scope ? [{ sessionCookie: [] }, { apiToken: [scope] }] : [{ sessionCookie: [] }];
}

function withSecurity(path: string, item: PathItem): PathItem {
  const out: PathItem = { ...item };
  for (const method of METHODS) {
    const op = item[method];
    // `security: []` in a createRoute says "public" and stays as written.
    if (op) out[method] = op.security ? op : { ...op, security: securityFor(method, path) };
  }
  return out;
}

/**
 * The served document: `doc` with security schemes, each operation's security, `servers`
 * (the origin asked: a zone's own, or the platform's) and the licence. `doc` is not changed,
 * so one generated document serves every request.
 */
export function finalizeDocument(doc: OpenApiDocument, { origin }: { origin: string }): OpenApiDocument {
  const paths = Object.fromEntries(
    Object.entries(doc.paths ?? {}).map(([path, item]) => [path, withSecurity(path, item)]),
  );
  return {
    ...doc,
    info: { ...doc.info, license: LICENSE },
    servers: [{ url: origin, description: "The host this copy was fetched from: a zone, or the platform" }],
    components: { ...doc.components, securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES } },
    paths,
  };
}

/** The routes' document, generated on first use and kept: routes do not change once the app is built. */
export function documentOf(app: Pick<OpenAPIHono, "getOpenAPI31Document">): () => OpenApiDocument {
  let doc: OpenApiDocument | undefined;
  return () => {
    doc ??= app.getOpenAPI31Document(DOCUMENT_INFO);
    return doc;
  };
}
