/**
 * The API document as the Worker serves it (issue 20): every operation says who may call it and how a generated
 * client names it. A client no one here wrote reads exactly this: an `operationId` on every operation (unique,
 * verb then noun), a declared `security` on every one (the session cookie, an API token with the scope the
 * operation needs, or an explicit `[]` for what anyone may call), a 4xx it can answer, and the zone's own origin
 * in `servers`. tests/node/openapi-valid.test.ts runs the OpenAPI 3.1 schema and `redocly lint` on it.
 */
import { describe, expect, it } from "vitest";
import { tokenScopeFor } from "../../worker/lib/api-scopes";
import { call } from "./auth-support";
import { host, ORIGIN } from "./subsidies-support";

type Operation = { operationId?: string; security?: Record<string, string[]>[]; responses?: Record<string, unknown> };
type Doc = {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { type: string; in?: string; scheme?: string }> };
};
const METHODS = ["get", "put", "post", "patch", "delete"];

describe("every operation of /api/openapi.json", async () => {
  const res = await call(host, "GET", "/api/openapi.json");
  const doc = (await res.json()) as Doc;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, method, path, op })),
  );

  it("is served to anyone, naming the zone's own origin and the two ways to authenticate", () => {
    expect(res.status).toBe(200);
    expect(doc.servers?.map((s) => s.url)).toEqual([ORIGIN]);
    expect(doc.components?.securitySchemes?.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.components?.securitySchemes?.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    // The whole API, not an empty or partial document (133 operations before API tokens).
    expect(operations.length).toBeGreaterThan(130);
  });

  it("has a unique verb-noun operationId on every operation", () => {
    const missing = operations
      .filter((o) => !/^[a-z]+[A-Z][A-Za-z]+$/.test(o.op.operationId ?? ""))
      .map((o) => o.where);
    expect(missing).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares its security: public, the session cookie, or a token with the scope its area needs", () => {
    const wrong: string[] = [];
    for (const { where, method, path, op } of operations) {
      if (!Array.isArray(op.security)) {
        wrong.push(`${where}: no security`);
        continue;
      }
      if (op.security.length === 0) continue; // anyone may call it
      const schemes = op.security.flatMap((s) => Object.keys(s));
      if (!schemes.includes("sessionCookie")) wrong.push(`${where}: not callable when signed in`);
      const scope = tokenScopeFor(method, path);
      const token = op.security.find((s) => "apiToken" in s)?.apiToken;
      if (scope ? token?.join() !== scope : token !== undefined) wrong.push(`${where}: token ${token} ≠ ${scope}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers a 4xx it can fail with on every operation", () => {
    const without = operations.filter((o) => !Object.keys(o.op.responses ?? {}).some((k) => k.startsWith("4")));
    expect(without.map((o) => o.where)).toEqual([]);
  });
});
