/**
 * The routes of issue 16's table, with their round-trip budgets, and signing in the Zibo
 * demo accounts over HTTP: what `npm run bench:edge` measures and `npm run test:scale` checks.
 */
import type { HostFetch } from "../tests/support/smoke";

export type EdgeRole = "anonymous" | "enterprise" | "reviewer" | "admin" | "bank";

export interface EdgeRoute {
  role: EdgeRole;
  method: "GET" | "POST";
  path: string;
  /** Database round trips (waves) allowed: anonymous 1 (0 on a cache hit), signed-in 2, sign-in 3. */
  budget: number;
}

export const HOST = "zibo.localhost";
export const DEMO_PASSWORD = "Demo-zibo-2026";
export const LOGIN_PATH = "/api/v1/auth/login";

const anonymous = [
  "/",
  "/policies",
  "/policies/programmes/zibo-tech-contract",
  "/finance",
  "/api/v1/policy/programmes",
  "/api/v1/finance/products",
  "/publicity",
];
const signedIn: [EdgeRole, string][] = [
  ["enterprise", "/"],
  ["enterprise", "/policies/match"],
  ["enterprise", "/subsidies"],
  ["enterprise", "/finance/needs"],
  ["enterprise", "/enterprise"],
  ["reviewer", "/admin/onboarding"],
  ["reviewer", "/admin/subsidies"],
  ["reviewer", "/admin/enterprises"],
  ["admin", "/admin/subsidies/dashboard"],
  ["bank", "/bank/needs"],
];

export const EDGE_ROUTES: readonly EdgeRoute[] = [
  ...anonymous.map((path): EdgeRoute => ({ role: "anonymous", method: "GET", path, budget: 1 })),
  ...signedIn.map(([role, path]): EdgeRoute => ({ role, method: "GET", path, budget: 2 })),
  { role: "enterprise", method: "POST", path: LOGIN_PATH, budget: 3 },
];

/** The demo account of a role (README: `<role>@zibo.demo`; the zone admin is admin@). */
export const demoEmail = (role: Exclude<EdgeRole, "anonymous">) => `${role}@zibo.demo`;

export function loginBody(role: Exclude<EdgeRole, "anonymous">): string {
  return JSON.stringify({ email: demoEmail(role), password: DEMO_PASSWORD, remember: false });
}

/** Signs each demo account in once; the session cookies by role. */
export async function signInAll(fetch: HostFetch): Promise<Record<EdgeRole, string | undefined>> {
  const cookies: Record<EdgeRole, string | undefined> = {
    anonymous: undefined,
    enterprise: undefined,
    reviewer: undefined,
    admin: undefined,
    bank: undefined,
  };
  for (const role of ["enterprise", "reviewer", "admin", "bank"] as const) {
    const res = await fetch(HOST, LOGIN_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: loginBody(role),
    });
    const cookie = res.headers
      .get("set-cookie")
      ?.split(/,(?=\s*[\w-]+=)/)
      .find((c) => /^\s*(__Host-)?yq_session=/.test(c));
    if (res.status !== 200 || !cookie)
      throw new Error(`signing in ${demoEmail(role)} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    cookies[role] = cookie.trim().split(";")[0];
  }
  return cookies;
}

/** One request of a route as the role makes it (sign-in posts the enterprise account's credentials). */
export function requestRoute(fetch: HostFetch, route: EdgeRoute, cookie: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (route.method === "POST") {
    headers["content-type"] = "application/json";
    return fetch(HOST, route.path, { method: "POST", headers, body: loginBody("enterprise") });
  }
  return fetch(HOST, route.path, { headers });
}
