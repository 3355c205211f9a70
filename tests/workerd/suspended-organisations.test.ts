/**
 * A suspended bank or enterprise acts for nobody (docs/decisions/0012): its
 * people may sign in again, see who they are and change their password, but
 * every route that acts for the organisation answers 403 with the suspension
 * message, audited, and changes nothing. The API routes come from the OpenAPI
 * document, each classified below by whom it acts for, so a route added later
 * without an entry fails this suite. Reactivating restores the same sessions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, or } from "drizzle-orm";
import {
  auditLog,
  dataConsents,
  enterpriseYearlyFigures,
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  materials,
  subsidyApplications,
  subsidyEvents,
} from "../../worker/db/schema";
import { ORGANISATION_SUSPENDED } from "../../worker/features/auth/guard";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, sessionCookie } from "./auth-support";
import {
  act,
  api,
  applied,
  BANK,
  bankWithStaff,
  demo,
  FIN,
  financeEnterprise,
  inDays,
  postedNeed,
  productBody,
  publishedProduct,
  type Json,
} from "./finance-support";
import { APPS, host, ORIGIN, PROGRAMME, slug, submitted, upload, WAN } from "./subsidies-support";

/**
 * Whom each operation acts for: "bank" (a bank's staff), "member" (an admitted
 * enterprise's member, or an enterprise account), "both", or "none" (public,
 * zone staff only, or the person's own account). Every operation of the
 * document must be here.
 */
const ACTS_FOR: Record<string, "bank" | "member" | "both" | "none"> = {
  "GET /api/v1/zone": "none",
  // The platform API (bare root host, operators only): it acts for no zone organisation.
  "GET /api/v1/platform/tenants": "none",
  "POST /api/v1/platform/tenants": "none",
  "GET /api/v1/platform/tenants/{slug}": "none",
  "POST /api/v1/platform/tenants/{slug}/suspend": "none",
  "POST /api/v1/platform/tenants/{slug}/resume": "none",
  "POST /api/v1/platform/tenants/{slug}/hostnames": "none",
  "DELETE /api/v1/platform/tenants/{slug}/hostnames/{hostname}": "none",
  "POST /api/v1/platform/tenants/{slug}/admins": "none",
  "PUT /api/v1/admin/zone/settings/logo": "none",
  "DELETE /api/v1/admin/zone/settings/logo": "none",
  "GET /api/v1/policies": "none",
  "GET /api/v1/policies/{id}": "none",
  "POST /api/v1/auth/login": "none",
  "POST /api/v1/auth/logout": "none",
  "GET /api/v1/me": "none",
  // 消息中心: the person's own notices and delivery choices (refused to a suspended organisation's people).
  "GET /api/v1/notices": "none",
  "PATCH /api/v1/notices": "none",
  "POST /api/v1/notices/{id}/read": "none",
  "GET /api/v1/notices/preferences": "none",
  "PUT /api/v1/notices/preferences": "none",
  "POST /api/v1/me/password": "none",
  "POST /api/v1/auth/password-reset/request": "none",
  "POST /api/v1/auth/password-reset/confirm": "none",
  "GET /api/v1/admin/users": "none",
  "POST /api/v1/admin/users/{id}/disable": "none",
  "POST /api/v1/admin/users/{id}/enable": "none",
  "POST /api/v1/admin/users/{id}/end-sessions": "none",
  "POST /api/v1/admin/users/{id}/reset-link": "none",
  "POST /api/v1/admin/users/{id}/reset-link/sms": "none",
  "POST /api/v1/admin/users/{id}/unlock": "none",
  "POST /api/v1/admin/users/{id}/role": "none",
  "GET /api/v1/admin/staff-invitations": "none",
  "POST /api/v1/admin/staff-invitations": "none",
  "POST /api/v1/admin/staff-invitations/{id}/revoke": "none",
  "POST /api/v1/onboarding/applications": "none",
  "GET /api/v1/onboarding/applications": "none",
  "GET /api/v1/onboarding/applications/{id}": "member",
  "POST /api/v1/onboarding/applications/{id}/resubmit": "member",
  "POST /api/v1/onboarding/applications/{id}/approve": "none",
  "POST /api/v1/onboarding/applications/{id}/reject": "none",
  "POST /api/v1/onboarding/applications/{id}/return": "none",
  "POST /api/v1/invitations/accept": "none",
  "GET /api/v1/admin/banks": "none",
  "POST /api/v1/admin/banks": "none",
  "GET /api/v1/admin/banks/{id}": "none",
  "POST /api/v1/admin/banks/{id}/invitations": "none",
  "POST /api/v1/admin/banks/{id}/invitations/{invitation}/revoke": "none",
  "POST /api/v1/admin/banks/{id}/suspend": "none",
  "POST /api/v1/admin/banks/{id}/reactivate": "none",
  "GET /api/v1/enterprise": "member",
  "PUT /api/v1/enterprise/figures/{year}": "member",
  "GET /api/v1/admin/enterprises": "none",
  "GET /api/v1/policy/programmes": "none",
  "GET /api/v1/policy/programmes/{id}": "none",
  "POST /api/v1/policy/estimate": "none",
  "GET /api/v1/policy/matches": "member",
  "GET /api/v1/admin/policy/programmes/{id}/matches": "none",
  "POST /api/v1/admin/policy/programmes/{id}/matches/refresh": "none",
  "GET /api/v1/admin/policy/versions": "none",
  "POST /api/v1/admin/policy/versions": "none",
  "GET /api/v1/admin/policy/versions/{id}": "none",
  "POST /api/v1/admin/policy/previews": "none",
  "GET /api/v1/admin/jobs": "none",
  "GET /api/v1/admin/jobs/{id}": "none",
  "GET /api/v1/admin/workbench": "none",
  // The yearly report (zone staff only).
  "GET /api/v1/admin/reports": "none",
  "POST /api/v1/admin/reports": "none",
  "POST /api/v1/admin/reports/{year}/close": "none",
  "GET /api/v1/admin/reports/{year}/enterprises": "none",
  "POST /api/v1/admin/reports/{year}/reminders": "none",
  "GET /api/v1/admin/indicators": "none",
  "GET /api/v1/admin/statistics": "none",
  "POST /api/v1/admin/indicators": "none",
  "PUT /api/v1/admin/indicators/{id}/values/{year}": "none",
  "PATCH /api/v1/admin/indicators/{id}": "none",
  "POST /api/v1/subsidies/applications": "member",
  "GET /api/v1/subsidies/applications": "member",
  "GET /api/v1/subsidies/applications/{id}": "member",
  "PUT /api/v1/subsidies/applications/{id}/draft": "member",
  "POST /api/v1/subsidies/applications/{id}/materials": "member",
  "POST /api/v1/subsidies/applications/{id}/comments": "member",
  "POST /api/v1/subsidies/applications/{id}/submit": "member",
  "POST /api/v1/subsidies/applications/{id}/review": "none",
  "POST /api/v1/subsidies/applications/{id}/payments": "none",
  "GET /api/v1/subsidies/publicity": "none",
  "POST /api/v1/subsidies/publicity/{id}/objections": "none",
  "POST /api/v1/admin/subsidies/objections/{id}/resolve": "none",
  "GET /api/v1/admin/subsidies/dashboard": "none",
  "POST /api/v1/admin/subsidies/applications/{id}/move-stage": "none",
  "GET /api/v1/finance/products": "none",
  "GET /api/v1/finance/products/{id}": "none",
  "GET /api/v1/bank/products": "bank",
  "POST /api/v1/bank/products": "bank",
  "PUT /api/v1/bank/products/{id}": "bank",
  "POST /api/v1/bank/products/{id}/publish": "bank",
  "POST /api/v1/bank/products/{id}/withdraw": "bank",
  "GET /api/v1/bank/needs": "bank",
  "GET /api/v1/bank/interest-confirmations": "bank",
  "POST /api/v1/bank/interest-confirmations/{id}": "bank",
  "GET /api/v1/finance/needs": "member",
  "POST /api/v1/finance/needs": "member",
  "GET /api/v1/finance/needs/{id}/matches": "member",
  "POST /api/v1/finance/needs/{id}/close": "member",
  "GET /api/v1/finance/consents": "member",
  "PUT /api/v1/finance/consents/{bankId}": "member",
  "DELETE /api/v1/finance/consents/{bankId}": "member",
  "POST /api/v1/finance/loans": "member",
  "GET /api/v1/finance/loans": "both",
  "GET /api/v1/finance/loans/{id}": "both",
  "POST /api/v1/finance/loans/{id}/actions": "bank",
  "POST /api/v1/finance/loans/{id}/withdraw": "member",
  "GET /api/v1/admin/finance/statistics": "none",
  // 风险补偿资金池: zone staff's (none) and a bank's own claims (bank).
  "GET /api/v1/admin/risk-pools": "none",
  "POST /api/v1/admin/risk-pools": "none",
  "PATCH /api/v1/admin/risk-pools/{id}": "none",
  "POST /api/v1/admin/risk-pools/{id}/close": "none",
  "POST /api/v1/admin/risk-pools/{id}/funds": "none",
  "POST /api/v1/admin/risk-pools/{id}/products": "none",
  "DELETE /api/v1/admin/risk-pools/{id}/products/{productId}": "none",
  "GET /api/v1/admin/risk-claims/{id}": "none",
  "POST /api/v1/admin/risk-claims/{id}/approve": "none",
  "POST /api/v1/admin/risk-claims/{id}/reject": "none",
  "POST /api/v1/admin/risk-claims/{id}/recoveries": "none",
  "GET /api/v1/bank/risk-pool": "bank",
  "POST /api/v1/bank/risk-pool/claims": "bank",
  "GET /api/v1/bank/risk-pool/claims/{id}": "bank",
  "POST /api/v1/bank/risk-pool/claims/{id}/withdraw": "bank",
  "POST /api/v1/bank/risk-pool/claims/{id}/materials": "bank",
  "GET /api/v1/admin/zone/settings": "none",
  "PUT /api/v1/admin/zone/settings": "none",
  "GET /api/v1/admin/zone/settings/versions": "none",
  "POST /api/v1/admin/zone/settings/versions/{version}/restore": "none",
  // API tokens (zone admins' and a bank's staff's): a bank's act for the bank.
  "POST /api/v1/tokens": "bank",
  "GET /api/v1/tokens": "bank",
  "DELETE /api/v1/tokens/{id}": "bank",
};

const PASSWORD = "Correct-Horse-42"; // makeUser's and enterpriseWithMember's
const lastYear = Number(inDays(0).slice(0, 4)) - 1;

let bank: Awaited<ReturnType<typeof bankWithStaff>>;
let firm: Awaited<ReturnType<typeof financeEnterprise>>;
let admin: string;
/** Cookies of sessions opened after the suspension (suspending ends the earlier ones). */
let bankCookie: string;
let firmCookie: string;
let ids: {
  draft: string;
  product: string;
  other: string;
  need: string;
  loan: string;
  submitted: string;
  subsidyDraft: string;
  material: string;
};

/** Everything of the two organisations a refused call could have changed. */
async function snapshot() {
  const db = dbFor(slug);
  const loans = await db
    .select()
    .from(loanApplications)
    .where(or(eq(loanApplications.bankId, bank.id), eq(loanApplications.enterpriseId, firm.id)));
  const apps = await db.select().from(subsidyApplications).where(eq(subsidyApplications.enterpriseId, firm.id));
  const appIds = apps.map((a) => a.id);
  return {
    products: await db.select().from(loanProducts).where(eq(loanProducts.bankId, bank.id)),
    loans,
    loanEvents: await db
      .select()
      .from(loanEvents)
      .where(
        inArray(
          loanEvents.applicationId,
          loans.map((l) => l.id),
        ),
      ),
    needs: await db.select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, firm.id)),
    consents: await db.select().from(dataConsents).where(eq(dataConsents.enterpriseId, firm.id)),
    figures: await db.select().from(enterpriseYearlyFigures).where(eq(enterpriseYearlyFigures.enterpriseId, firm.id)),
    apps,
    subsidyEvents: await db.select().from(subsidyEvents).where(inArray(subsidyEvents.applicationId, appIds)),
    materials: await db
      .select()
      .from(materials)
      .where(inArray(materials.ownerId, [...appIds, firm.id])),
  };
}

/** A well-formed request for the operation, on this suite's own rows: the old code would have carried each one out. */
function requestFor(method: string, path: string): { path: string; data?: unknown; upload?: true } {
  const param = path.startsWith("/api/v1/bank/products/")
    ? path.endsWith("/withdraw")
      ? ids.product
      : ids.draft
    : path.startsWith("/api/v1/finance/needs/")
      ? ids.need
      : path.startsWith("/api/v1/finance/loans/")
        ? ids.loan
        : path.startsWith("/api/v1/subsidies/applications/")
          ? /\/(draft|materials|submit)$/.test(path)
            ? ids.subsidyDraft
            : ids.submitted
          : newId();
  const concrete = path.replace("{bankId}", bank.id).replace("{year}", String(lastYear)).replace("{id}", param);
  const bodies: Record<string, unknown> = {
    "POST /api/v1/bank/products": productBody("停用后"),
    "PUT /api/v1/bank/products/{id}": productBody("停用后改"),
    "POST /api/v1/finance/loans/{id}/actions": { action: "accept" },
    "POST /api/v1/finance/needs": {
      amountFen: 100 * WAN,
      termMonths: 6,
      purpose: "暂停后仍想发布的需求",
      guarantees: ["credit"],
      neededBy: inDays(10),
      validUntil: inDays(30),
    },
    "POST /api/v1/finance/needs/{id}/close": {},
    "POST /api/v1/finance/loans": { productId: ids.other, amountFen: 100 * WAN, termMonths: 12, consent: true },
    "POST /api/v1/finance/loans/{id}/withdraw": {},
    "PUT /api/v1/enterprise/figures/{year}": {
      revenueFen: 1,
      rdExpenseFen: 1,
      rdSuperDeductionFen: 1,
      taxPaidFen: 1,
      employees: 1,
      rdStaff: 1,
    },
    "POST /api/v1/subsidies/applications": { programme: PROGRAMME, facts: { contractAmountFen: 10 * WAN } },
    "PUT /api/v1/subsidies/applications/{id}/draft": { facts: { contractAmountFen: 20 * WAN } },
    "POST /api/v1/subsidies/applications/{id}/comments": { text: "暂停后仍想留言" },
    // Not a valid body: the guard answers before the body is read.
    "POST /api/v1/onboarding/applications/{id}/resubmit": {},
  };
  // A claim's material (multipart) is refused by the bank guard before its body is read: sent as JSON here.
  if (path.endsWith("/materials") && !path.startsWith("/api/v1/bank/")) return { path: concrete, upload: true };
  return { path: concrete, data: bodies[`${method} ${path}`] };
}

const suspend = (kind: "banks" | "enterprises", id: string, action: "suspend" | "reactivate") =>
  kind === "banks"
    ? api("POST", `/api/v1/admin/banks/${id}/${action}`, { cookie: admin })
    : call(host, "POST", `/admin/enterprises/${id}/${action}`, {
        cookie: admin,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body: "",
      });
const formPost = (path: string, cookie: string, data: Record<string, string>) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });

beforeAll(async () => {
  [bank, firm, admin] = await Promise.all([bankWithStaff(), financeEnterprise(), demo("admin")]);
  const tag = `停${newId().slice(0, 6)}`;
  const draft = (await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(`${tag}草稿`) })).body
    .product as Json;
  const product = await publishedProduct(bank.cookie, productBody(tag));
  const other = await publishedProduct(bank.cookie, productBody(`${tag}二`));
  const need = await postedNeed(firm.cookie);
  const loan = await applied(firm.cookie, product.id as string, { needId: need.id });
  const sub = await submitted(firm.cookie, 100);
  const created = await api("POST", APPS, { cookie: firm.cookie, data: { programme: "zibo-rd-inclusive" } });
  const subsidyDraft = created.status === 201 ? (created.body.application.id as string) : sub;
  const [material] = await dbFor(slug).select().from(materials).where(eq(materials.ownerId, sub));
  ids = {
    draft: draft.id,
    product: product.id,
    other: other.id,
    need: need.id,
    loan: loan.id,
    submitted: sub,
    subsidyDraft,
    material: material!.id,
  };

  expect((await suspend("banks", bank.id, "suspend")).status).toBe(200);
  expect((await suspend("enterprises", firm.id, "suspend")).status).toBe(303);
  // Signing in again works: what they may do is the guard's to decide, not the sign-in's.
  bankCookie = sessionCookie(await login(slug, bank.staff[0]!.email, PASSWORD));
  firmCookie = sessionCookie(await login(slug, firm.email, PASSWORD));
});

describe("the API of a suspended organisation", () => {
  it("classifies every operation of the OpenAPI document (a new route needs an entry here)", async () => {
    const doc = await api("GET", "/api/openapi.json");
    const ops = Object.entries(doc.body.paths as Json).flatMap(([path, o]) =>
      Object.keys(o as Json).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(
      ops.filter((op) => !(op in ACTS_FOR)),
      "operations without an entry in ACTS_FOR",
    ).toEqual([]);
    expect(
      Object.keys(ACTS_FOR).filter((op) => !ops.includes(op)),
      "entries for operations that no longer exist",
    ).toEqual([]);
  });

  it.each([
    ["bank", "bank"],
    ["enterprise", "member"],
  ] as const)(
    "refuses every route acting for a suspended %s (403, the message, audited) and changes nothing",
    async (kind, role) => {
      const cookie = kind === "bank" ? bankCookie : firmCookie;
      const email = kind === "bank" ? bank.staff[0]!.email : firm.email;
      const before = await snapshot();
      const routes = Object.entries(ACTS_FOR).filter(([, who]) => who === role || who === "both");
      expect(routes.length).toBeGreaterThan(role === "bank" ? 7 : 20);
      for (const [op] of routes) {
        const [method, path] = op.split(" ") as [string, string];
        const req = requestFor(method, path);
        const res = req.upload
          ? await upload(cookie, ids.subsidyDraft, "contract-registration")
          : await api(method, req.path, { cookie, data: req.data });
        expect(res.status, op).toBe(403);
        expect(res.body.error?.message, op).toBe(ORGANISATION_SUSPENDED[kind]);
      }
      expect(await snapshot()).toEqual(before);
      const denied = await dbFor(slug)
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actor, email), eq(auditLog.action, "authz.denied")));
      const suspended = denied.filter((a) => JSON.parse(a.detail ?? "{}").reason === "suspended");
      expect(suspended.length).toBeGreaterThanOrEqual(routes.length);
    },
  );

  it("still lets its people see who they are", async () => {
    expect((await api("GET", "/api/v1/me", { cookie: bankCookie })).status).toBe(200);
    expect((await api("GET", "/api/v1/me", { cookie: firmCookie })).status).toBe(200);
  });

  it("hides the suspended bank's unpublished products from its staff on the public product route", async () => {
    expect((await api("GET", `${FIN}/products/${ids.draft}`, { cookie: bankCookie })).status).toBe(404);
    // …and on the product page.
    expect((await call(host, "GET", `/finance/products/${ids.draft}`, { cookie: bankCookie })).status).toBe(404);
  });
});

describe("the pages of a suspended organisation", () => {
  it("answer with the 403 page naming the suspension, and change nothing", async () => {
    const before = await snapshot();
    const pages: [string, Promise<Response>, "bank" | "enterprise"][] = [
      ["the bank's needs", call(host, "GET", "/bank/needs", { cookie: bankCookie }), "bank"],
      ["accepting a loan", formPost(`/bank/loans/${ids.loan}`, bankCookie, { action: "accept" }), "bank"],
      [
        "a member's comment",
        formPost(`/subsidies/applications/${ids.submitted}/comments`, firmCookie, { text: "暂停后仍想留言" }),
        "enterprise",
      ],
      [
        "a material download",
        call(host, "GET", `/materials/${ids.material}?download=1`, { cookie: firmCookie }),
        "enterprise",
      ],
      ["the enterprise's profile", call(host, "GET", "/enterprise", { cookie: firmCookie }), "enterprise"],
    ];
    for (const [name, pending, kind] of pages) {
      const res = await pending;
      expect(res.status, name).toBe(403);
      expect(res.headers.get("content-type"), name).toMatch(/text\/html/);
      expect(await res.text(), name).toContain(ORGANISATION_SUSPENDED[kind]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("after reactivation", () => {
  it("the same sessions work again", async () => {
    expect((await suspend("banks", bank.id, "reactivate")).status).toBe(200);
    expect((await suspend("enterprises", firm.id, "reactivate")).status).toBe(303);
    expect((await api("GET", `${BANK}/needs`, { cookie: bankCookie })).status).toBe(200);
    expect((await call(host, "GET", "/bank/needs", { cookie: bankCookie })).status).toBe(200);
    expect((await act(bankCookie, ids.loan, { action: "accept" })).status).toBe(200);
    expect((await api("GET", "/api/v1/enterprise", { cookie: firmCookie })).status).toBe(200);
    expect(
      (await api("POST", `${APPS}/${ids.submitted}/comments`, { cookie: firmCookie, data: { text: "恢复后留言" } }))
        .status,
    ).toBe(201);
    expect((await call(host, "GET", `/materials/${ids.material}`, { cookie: firmCookie })).status).toBe(200);
  });
});
