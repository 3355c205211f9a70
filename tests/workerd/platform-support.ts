/**
 * Helpers for the platform suites: the platform database as another process sees it, an
 * operator made on the spot (the demo operator is not seeded in tests), and requests to the
 * bare root host (localhost:8787, wrangler.toml's ROOT_DOMAINS and PUBLIC_URL_TEMPLATE).
 */
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { expect, inject } from "vitest";
import { createOperator } from "../../worker/features/operator/create-operator";
import { newId } from "../../worker/lib/ids";
import { call, freshIp, postJson, sessionCookie, type Call } from "./auth-support";

export const ROOT = "localhost:8787";
export const ROOT_ORIGIN = "http://localhost:8787";
export const OPERATOR_PASSWORD = "Operator-Test-2026";

export const platformDb = () => drizzle(createClient({ url: `${inject("libsqlUrl")}/t/platform/` }));

/** A new operator account and a signed-in session cookie for it. */
export async function signedInOperator(): Promise<{ email: string; id: string; cookie: string }> {
  const email = `op-${newId().slice(0, 10)}@platform.test`;
  const { id } = await createOperator({
    db: platformDb(),
    email,
    name: "测试运营",
    password: OPERATOR_PASSWORD,
    nowMs: Date.now(),
  });
  const res = await postJson(ROOT, "/api/v1/auth/login", { email, password: OPERATOR_PASSWORD }, { ip: freshIp() });
  if (res.status !== 200) throw new Error(`operator sign-in: HTTP ${res.status} ${await res.text()}`);
  return { email, id, cookie: sessionCookie(res) };
}

/** A request to the platform API (or any path) on the root host with the operator's cookie. */
export function platform(cookie: string | undefined, method: string, path: string, body?: unknown, opts: Call = {}) {
  return call(ROOT, method, path, {
    ...opts,
    ...(cookie ? { cookie } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export const zoneInput = (slug: string, zh: string) => ({
  slug,
  name: { zh, en: `${slug} Hi-tech Zone` },
  province: "山东省",
  city: "淄博市",
  phone: "0533-7654321",
});

/**
 * A zone of a suite's own, made from the Zibo template through the operator API, as an operator
 * would (active). Through the app, not the control plane directly: the isolate that provisions
 * invalidates its own directory, so the zone answers at once rather than within the 5 s other
 * isolates take (control-plane/directory.ts) — a request in between would be a 404.
 */
export async function provisionTestZone(slug: string, name: { zh: string; en: string }, phone: string) {
  const { cookie } = await signedInOperator();
  const input = { slug, name, province: "山东省", city: "烟台市", phone, template: "zibo" };
  const res = await platform(cookie, "POST", "/api/v1/platform/tenants", input);
  const body = (await res.json()) as { tenant?: { status: string } };
  if (res.status !== 201) throw new Error(`provisioning ${slug}: HTTP ${res.status} ${JSON.stringify(body)}`);
  expect(body.tenant?.status).toBe("active");
  return body.tenant;
}
