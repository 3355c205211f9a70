/**
 * Nothing personal is cacheable: every GET route of the app — each page route the app
 * registers and each GET path of the OpenAPI document — answered to a zone admin, a
 * reviewer, an enterprise member and a bank's staff says `no-store` (pages exactly
 * `private, no-store` unless the route's own no-store stands), whatever its status. So
 * do anonymous pages that carry a token or an applicant's data, responses that set a
 * cookie, and form posts; anonymous public pages stay cacheable as before.
 *
 * PAGES lists every GET page route by hand with what an anonymous visitor gets; a test
 * compares it with the app's routes, so a new page route fails here until it is listed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { workerDeps } from "../../worker/entry.worker";
import { newId } from "../../worker/lib/ids";
import { call, freshIp, login, makeUser, sessionCookie } from "./auth-support";
import { bankWithStaff, financeEnterprise } from "./finance-support";
import { host, ORIGIN, PROGRAMME, slug } from "./subsidies-support";

import { PAGES } from "./page-routes";

/** Real ids where a public page needs one to answer 200; an unknown (404) id elsewhere is as telling. */
const SAMPLE_IDS: Record<string, string> = { "/policies/programmes/:id": PROGRAMME };

const concrete = (route: string, documentId: string) =>
  route.replace(
    /:id|\{id\}/g,
    () =>
      SAMPLE_IDS[route] ?? (route.startsWith("/policies/") || route === "/api/v1/policies/{id}" ? documentId : newId()),
  );

const get = (path: string, cookie?: string) =>
  call(host, "GET", path, { ...(cookie ? { cookie } : {}), ip: freshIp() });

/** The GET routes the app registers (middleware entries are "ALL"), as written: "/admin/banks/:id". */
function appGetRoutes(): string[] {
  const app = createApp(workerDeps(env));
  return [...new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path))];
}

describe("Cache-Control on every route", () => {
  let documentId: string;
  let apiGets: string[];
  const people: Record<string, string> = {};

  beforeAll(async () => {
    const docs = (await (await get("/api/v1/policies")).json()) as { documents: { id: string }[] };
    documentId = docs.documents[0]!.id;
    const openapi = (await (await get("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    apiGets = Object.entries(openapi.paths)
      .filter(([, ops]) => "get" in ops)
      .map(([p]) => p);
    for (const role of ["zone_admin", "reviewer"] as const) {
      const u = await makeUser(slug, role);
      people[role] = sessionCookie(await login(slug, u.email, u.password));
    }
    people.enterprise = (await financeEnterprise()).cookie;
    people.bank = (await bankWithStaff()).cookie;
  });

  it("lists every GET page route the app registers, and no route that is gone", () => {
    const pages = appGetRoutes().filter((p) => !p.startsWith("/api/"));
    expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
  });

  it("covers every GET path of the OpenAPI document", () => {
    const registered = new Set(appGetRoutes().map((p) => p.replace(/:(\w+)/g, "{$1}")));
    expect(apiGets.length).toBeGreaterThan(20);
    for (const p of apiGets) expect(registered.has(p), p).toBe(true);
  });

  for (const role of ["zone_admin", "reviewer", "enterprise", "bank"]) {
    it(`answers a signed-in ${role} with no-store on every page and API GET, whatever the status`, async () => {
      const cookie = people[role]!;
      const seen: string[] = [];
      for (const route of [...Object.keys(PAGES), ...apiGets, "/no-such-page"]) {
        const path = concrete(route, documentId);
        const res = await get(path, cookie);
        await res.body?.cancel();
        const value = res.headers.get("cache-control");
        seen.push(`${res.status} ${path}`);
        if (route.startsWith("/api/")) expect(value, `${role} ${res.status} ${path}`).toBe("no-store");
        else expect(value, `${role} ${res.status} ${path}`).toMatch(/^(private, )?no-store$/);
      }
      // The walk reached real pages, not only refusals.
      expect(seen.filter((s) => s.startsWith("200 ")).length, seen.join("\n")).toBeGreaterThan(15);
    });
  }

  it("answers anonymous visitors: personal pages no-store, public pages as cacheable as before", async () => {
    for (const [route, kind] of Object.entries(PAGES)) {
      if (kind === "signed-in") continue;
      const path =
        concrete(route, documentId) + (kind === "personal" && route !== "/apply" ? `?token=${"x".repeat(43)}` : "");
      const res = await get(path);
      await res.body?.cancel();
      const value = res.headers.get("cache-control") ?? "";
      if (kind === "personal") expect(value, `${res.status} ${path}`).toMatch(/no-store/);
      else if (kind === "optional" && res.status === 404) continue;
      else {
        expect(res.status, path).toBe(200);
        expect(value, path).not.toMatch(/no-store|private/);
      }
    }
  });
});

describe("Cache-Control on responses that change who is signed in", () => {
  it("marks a page sign-in that sets the session cookie, and a form post, private", async () => {
    const u = await makeUser(slug, "reviewer");
    const form = new URLSearchParams({ email: u.email, password: u.password });
    const signIn = await call(host, "POST", "/login", {
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
      origin: ORIGIN,
      ip: freshIp(),
    });
    expect(signIn.headers.getSetCookie().some((c) => c.includes("yq_session="))).toBe(true);
    expect(signIn.headers.get("cache-control")).toBe("private, no-store");
    const wrong = await call(host, "POST", "/login", {
      body: new URLSearchParams({ email: u.email, password: "wrong" }).toString(),
      contentType: "application/x-www-form-urlencoded",
      origin: ORIGIN,
      ip: freshIp(),
    });
    expect(wrong.headers.get("cache-control")).toBe("private, no-store");
  });

  it("marks a page answered to a request with a session cookie private, even one that is no longer valid", async () => {
    const res = await get("/", `__Host-yq_session=${slug}.s.${"a".repeat(32)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});
