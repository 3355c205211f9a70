/**
 * Every page and every API GET, for every role, within its round-trip budget (issue 16,
 * docs/decisions/0019): at the edge each wave is a network round trip to the database, so a page's
 * waves are its latency. Counted deterministically in the client wrapper (db/round-trips.ts), not
 * timed. The walk covers the app's whole route list (tests/workerd/page-routes.ts, checked against
 * the app by cache-control.test.ts) and the OpenAPI document's GET paths, on the Zibo demo data with
 * real ids where a role has one, so a new route — or a new read in an old one — that adds a wave
 * fails here.
 *
 * Budgets: a signed-in request 2 (the session, its user, the organisation's status and the zone's
 * state in one; the handler's reads in one); an anonymous one 1 (its reads; the zone-state check
 * that each isolate makes at most once per FRESH_MS is reported apart, see `stateChecked`); a
 * cached public page 0; sign-in 3.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  financingNeeds,
  loanApplications,
  loanProducts,
  materials,
  onboardingApplications,
  policyDocuments,
  policyVersions,
  subsidyApplications,
  users,
} from "../../worker/db/schema";
import { call, dbFor, freshIp, login, sessionCookie } from "./auth-support";
import { PAGES } from "./page-routes";
import { roundTrips } from "./round-trip-support";
import { demo, host, PROGRAMME, slug } from "./subsidies-support";

type Role = "anonymous" | "zone_admin" | "reviewer" | "enterprise" | "bank";
const ROLES: Role[] = ["anonymous", "zone_admin", "reviewer", "enterprise", "bank"];
const DEMO_LOGIN: Record<Exclude<Role, "anonymous">, string> = {
  zone_admin: "admin",
  reviewer: "reviewer",
  enterprise: "enterprise",
  bank: "bank",
};

/**
 * Routes that may spend more, each with its reason. A CSV export reads its rows in pages (one wave
 * per page, so memory stays bounded at any size); it is a download, not a page anyone waits on.
 */
const EXCEPTIONS: Record<string, { budget: number; why: string }> = {
  "/admin/enterprises.csv": { budget: 3, why: "export: rows read in pages" },
  "/admin/subsidies/export": { budget: 3, why: "export: rows read in pages" },
};

const SIGNED_IN_BUDGET = 2;
const ANONYMOUS_BUDGET = 1;

/** Real ids of the Zibo demo data, per role where the row is someone's own. */
interface Ids {
  document: string;
  version: string;
  enterprise: string;
  bank: string;
  onboarding: string;
  application: { own: string; any: string };
  need: string;
  loan: { own: string; bank: string };
  product: string;
  material: string;
}

async function demoIds(): Promise<Ids> {
  const db = dbFor(slug);
  const [member] = await db
    .select()
    .from(users)
    .where(eq(users.email, `enterprise@${slug}.demo`));
  const [banker] = await db
    .select()
    .from(users)
    .where(eq(users.email, `bank@${slug}.demo`));
  const own = member!.enterpriseId!;
  const bank = banker!.bankId!;
  const first = async <T>(rows: Promise<T[]>, fallback: T) => (await rows)[0] ?? fallback;
  const none = { id: "aaaaaaaaaaaaaaaaaaaaaaaaaa" };
  return {
    document: (await first(db.select({ id: policyDocuments.id }).from(policyDocuments).limit(1), none)).id,
    version: String(
      (await first(db.select({ id: policyVersions.id }).from(policyVersions).limit(1), { id: 1 as number })).id,
    ),
    enterprise: own,
    bank,
    onboarding: (await first(db.select({ id: onboardingApplications.id }).from(onboardingApplications).limit(1), none))
      .id,
    application: {
      own: (
        await first(
          db
            .select({ id: subsidyApplications.id })
            .from(subsidyApplications)
            .where(eq(subsidyApplications.enterpriseId, own))
            .limit(1),
          none,
        )
      ).id,
      any: (await first(db.select({ id: subsidyApplications.id }).from(subsidyApplications).limit(1), none)).id,
    },
    need: (
      await first(
        db.select({ id: financingNeeds.id }).from(financingNeeds).where(eq(financingNeeds.enterpriseId, own)).limit(1),
        none,
      )
    ).id,
    loan: {
      own: (
        await first(
          db
            .select({ id: loanApplications.id })
            .from(loanApplications)
            .where(eq(loanApplications.enterpriseId, own))
            .limit(1),
          none,
        )
      ).id,
      bank: (
        await first(
          db
            .select({ id: loanApplications.id })
            .from(loanApplications)
            .where(eq(loanApplications.bankId, bank))
            .limit(1),
          none,
        )
      ).id,
    },
    product: (
      await first(
        db.select({ id: loanProducts.id }).from(loanProducts).where(eq(loanProducts.bankId, bank)).limit(1),
        none,
      )
    ).id,
    material: (
      await first(
        db
          .select({ id: materials.id })
          .from(materials)
          .where(and(eq(materials.ownerKind, "enterprise"), eq(materials.ownerId, own)))
          .limit(1),
        none,
      )
    ).id,
  };
}

/** The route with its parameters filled from the demo data as `role` would reach them. */
function concrete(route: string, role: Role, ids: Ids): string {
  const id = (): string => {
    if (/polic(y|ies)\/programmes|\/programmes\/\{?:?id/.test(route)) return PROGRAMME;
    if (/documents|^\/api\/v1\/policies\/\{id\}/.test(route)) return ids.document;
    if (/download|versions/.test(route)) return ids.version;
    if (/onboarding/.test(route)) return ids.onboarding;
    if (/subsidies/.test(route)) return role === "enterprise" ? ids.application.own : ids.application.any;
    if (/needs/.test(route)) return ids.need;
    if (/loans/.test(route)) return role === "bank" ? ids.loan.bank : ids.loan.own;
    if (/products/.test(route)) return ids.product;
    if (/banks/.test(route)) return ids.bank;
    if (/enterprises/.test(route)) return ids.enterprise;
    if (/materials/.test(route)) return ids.material;
    return "aaaaaaaaaaaaaaaaaaaaaaaaaa";
  };
  return route
    .replace(/:id|\{id\}/g, id)
    .replace(/\{bankId\}/g, ids.bank)
    .replace(/\{year\}/g, String(new Date().getFullYear() - 1))
    .replace(/:slug|\{slug\}/g, slug)
    .replace(/\{(\w+)\}|:(\w+)/g, "aaaaaaaaaaaaaaaaaaaaaaaaaa");
}

describe("round trips per request, every route and role", () => {
  let ids: Ids;
  let apiGets: string[];
  const cookies: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    ids = await demoIds();
    const openapi = (await (await call(host, "GET", "/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    apiGets = Object.entries(openapi.paths)
      .filter(([, ops]) => "get" in ops)
      .map(([p]) => p);
    for (const role of ROLES) if (role !== "anonymous") cookies[role] = await demo(DEMO_LOGIN[role]);
  });

  for (const role of ROLES) {
    it(`keeps every page and API GET of a ${role} within budget`, async () => {
      const over: string[] = [];
      const answered: string[] = [];
      for (const route of [...Object.keys(PAGES), ...apiGets]) {
        if (route.startsWith("/dev/") || route === "/api/openapi.json") continue;
        const path = concrete(route, role, ids);
        const res = await call(host, "GET", path, { cookie: cookies[role], ip: freshIp() });
        await res.body?.cancel();
        if (!res.headers.has("x-db-waves")) continue; // answered before the zone's database was reachable
        const { waves } = roundTrips(res);
        const budget = EXCEPTIONS[route]?.budget ?? (role === "anonymous" ? ANONYMOUS_BUDGET : SIGNED_IN_BUDGET);
        // An anonymous request may be the one (per isolate, per FRESH_MS) that re-reads the zone's state.
        const allowance = role === "anonymous" && stateChecked(res) ? 1 : 0;
        answered.push(`${res.status} ${path}`);
        if (waves > budget + allowance) over.push(`${path} (${res.status}): ${waves} waves, budget ${budget}`);
      }
      expect(over, over.join("\n")).toEqual([]);
      // The walk reached real pages and answers, not only refusals.
      expect(answered.filter((a) => a.startsWith("200 ")).length, answered.join("\n")).toBeGreaterThan(
        role === "anonymous" ? 8 : 15,
      );
    });
  }

  it("signs in within 3 round trips, and a wrong password within 3", async () => {
    const ok = await login(slug, `reviewer@${slug}.demo`, `Demo-${slug}-2026`);
    expect(ok.status).toBe(200);
    expect(roundTrips(ok).waves).toBeLessThanOrEqual(3);
    // Signing in over a live session ends that session in the same write batch.
    const again = await login(slug, `reviewer@${slug}.demo`, `Demo-${slug}-2026`, { cookie: sessionCookie(ok) });
    expect(again.status).toBe(200);
    expect(roundTrips(again).waves).toBeLessThanOrEqual(3);
    const wrong = await login(slug, `reviewer@${slug}.demo`, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(roundTrips(wrong).waves).toBeLessThanOrEqual(3);
  });

  it("reads the session, user, organisation status and zone state in one round trip", async () => {
    // /api/v1/me reads nothing beyond the session: its whole cost is the session's batch.
    for (const role of ["enterprise", "bank", "reviewer"] as const) {
      const res = await call(host, "GET", "/api/v1/me", { cookie: cookies[role], ip: freshIp() });
      expect(res.status).toBe(200);
      expect(roundTrips(res), role).toEqual({ waves: 1, requests: 1 });
    }
  });
});

/** Whether this anonymous request read the zone's state (its own wave, at most once per FRESH_MS per isolate). */
function stateChecked(res: Response): boolean {
  return res.headers.get("x-zone-state") === "read";
}
