/**
 * Every 金融超市 page and API, for each role that uses it, within its budget of
 * database round trips (issue 16): a signed-in request spends one wave on its
 * session (with the user, the organisation's status and the zone's state) and
 * at most one on the handler's own reads; an anonymous page at most one. The
 * waves are counted in the database client (db/round-trips.ts), not timed, so a
 * route that adds a read waiting on another's answer — or a read per row —
 * fails here at once.
 *
 * The budget is 2 for every route here. Routes behind a role guard reach it only
 * once the session middleware reads the organisation's status with the session
 * (before that, 3: the guard read it separately).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, freshIp } from "./auth-support";
import {
  applied,
  bankWithStaff,
  BANK,
  demo,
  FIN,
  financeEnterprise,
  type Json,
  postedNeed,
  productBody,
  publishedProduct,
} from "./finance-support";
import { roundTrips } from "./round-trip-support";
import { host } from "./subsidies-support";

const BUDGET = 2;
/** An anonymous page's own reads: one wave beyond what a page reading nothing (/login) spends on the zone. */
const ANONYMOUS_HANDLER_WAVES = 1;

let bank: Awaited<ReturnType<typeof bankWithStaff>>;
let firm: Awaited<ReturnType<typeof financeEnterprise>>;
let product: Json;
let need: Json;
let loan: Json;
let reviewer: string;
let admin: string;

beforeAll(async () => {
  bank = await bankWithStaff();
  firm = await financeEnterprise();
  product = await publishedProduct(bank.cookie, productBody(`往返${Date.now() % 100000}`));
  need = await postedNeed(firm.cookie);
  loan = await applied(firm.cookie, product.id, { needId: need.id });
  reviewer = await demo("reviewer");
  admin = await demo("admin");
});

/** The GET's status and its round trips. */
async function measure(path: string, cookie?: string) {
  const res = await call(host, "GET", path, { cookie, ip: freshIp() });
  const body = await res.text();
  return { status: res.status, body, ...roundTrips(res) };
}

describe("the 金融超市's round trips per request", () => {
  it("anonymous: the catalogue and a product, pages and API, one wave of their own each", async () => {
    const base = (await measure("/login")).waves;
    const paths = [
      "/finance",
      `/finance?guarantee=credit&amount=300`,
      `/finance/products/${product.id}`,
      `${FIN}/products`,
      `${FIN}/products/${product.id}`,
    ];
    for (const path of paths) {
      const m = await measure(path);
      expect(m.status, path).toBe(200);
      expect(m.waves - base, `${path}: ${m.waves} waves`).toBeLessThanOrEqual(ANONYMOUS_HANDLER_WAVES);
    }
  });

  it("an enterprise's member: every page and API of its needs, loans and consents", async () => {
    const paths = [
      "/finance",
      `/finance/products/${product.id}`,
      "/finance/needs",
      `/finance/needs/${need.id}`,
      "/finance/loans",
      `/finance/loans/${loan.id}`,
      "/finance/consents",
      `${FIN}/needs`,
      `${FIN}/needs/${need.id}/matches`,
      `${FIN}/loans`,
      `${FIN}/loans/${loan.id}`,
      `${FIN}/consents`,
    ];
    for (const path of paths) {
      const m = await measure(path, firm.cookie);
      expect(m.status, path).toBe(200);
      expect(m.waves, `${path}: ${m.waves} waves`).toBeLessThanOrEqual(BUDGET);
    }
    // The product page shows the member's application in progress: read in the same wave as the product.
    expect((await measure(`/finance/products/${product.id}`, firm.cookie)).body).toContain(`/finance/loans/${loan.id}`);
  });

  it("a bank's staff: needs, the queue, one application, products and the bank's own page", async () => {
    const paths = [
      "/bank",
      "/bank/needs",
      "/bank/loans",
      `/bank/loans/${loan.id}`,
      "/bank/products",
      `/bank/products/${product.id}`,
      "/bank/new-product",
      `${BANK}/needs`,
      `${BANK}/products`,
      `${FIN}/loans`,
      `${FIN}/loans/${loan.id}`,
    ];
    for (const path of paths) {
      const m = await measure(path, bank.cookie);
      expect(m.status, path).toBe(200);
      expect(m.waves, `${path}: ${m.waves} waves`).toBeLessThanOrEqual(BUDGET);
    }
    // The needs page shows this firm's need with its facts (it consented by applying): no second wave for them.
    const needs = await measure("/bank/needs", bank.cookie);
    expect(needs.body).toContain(`h-need-${need.id}`);
    // Through the API a page at a time: the second page follows the first, no need twice, each in its budget.
    const first = await measure(`${BANK}/needs?limit=1`, bank.cookie);
    const one = JSON.parse(first.body) as Json;
    expect(one.needs).toHaveLength(1);
    expect(one.total).toBeGreaterThanOrEqual(1);
    if (one.total > 1) {
      const second = await measure(`${BANK}/needs?limit=1&after=${one.nextCursor}`, bank.cookie);
      const two = JSON.parse(second.body) as Json;
      expect(second.waves).toBeLessThanOrEqual(BUDGET);
      expect(two.needs).toHaveLength(1);
      expect(two.needs[0].need.id).not.toBe(one.needs[0].need.id);
    } else expect(one.nextCursor).toBeNull();
    // A cursor that was tampered with: a 422 naming what to do.
    const bad = await measure(`${BANK}/needs?after=bm90LWpzb24`, bank.cookie);
    expect(bad.status).toBe(422);
    expect(bad.body).toContain("翻页链接已失效");
  });

  it("zone staff: statistics, every application, the banks", async () => {
    for (const [cookie, paths] of [
      [reviewer, ["/admin/finance", "/api/v1/admin/finance/statistics", `${FIN}/loans`, `${FIN}/loans/${loan.id}`]],
      [
        admin,
        [
          "/admin/finance",
          "/admin/banks",
          `/admin/banks/${bank.id}`,
          "/api/v1/admin/banks",
          `/api/v1/admin/banks/${bank.id}`,
          `${FIN}/loans`,
        ],
      ],
    ] as const) {
      for (const path of paths) {
        const m = await measure(path, cookie);
        expect(m.status, path).toBe(200);
        expect(m.waves, `${path}: ${m.waves} waves`).toBeLessThanOrEqual(BUDGET);
      }
    }
  });

  it("writes: the checks' reads in one wave and the guarded writes in one more (plus the answer's read)", async () => {
    const post = async (path: string, cookie: string, data?: unknown) => {
      const res = await call(host, "POST", path, {
        cookie,
        ip: freshIp(),
        ...(data === undefined ? {} : { body: JSON.stringify(data) }),
      });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : {}) as Json, ...roundTrips(res) };
    };
    // Session 1, checks 1, writes 1; applying, a bank's step and withdrawing also read the application back for
    // the answer.
    const created = await post(`${BANK}/products`, bank.cookie, productBody(`写入${Date.now() % 100000}`));
    expect(created.status).toBe(201);
    expect(created.waves).toBeLessThanOrEqual(3);
    const published = await post(`${BANK}/products/${created.json.product.id}/publish`, bank.cookie);
    expect(published.status).toBe(200);
    expect(published.waves).toBeLessThanOrEqual(3);
    const need2 = await post(`${FIN}/needs`, firm.cookie, {
      amountFen: 200 * 1_000_000,
      termMonths: 12,
      purpose: "购置检测设备",
      guarantees: ["credit"],
      neededBy: need.neededBy,
      validUntil: need.validUntil,
    });
    expect(need2.status).toBe(201);
    expect(need2.waves).toBeLessThanOrEqual(2);
    const apply = await post(`${FIN}/loans`, firm.cookie, {
      productId: created.json.product.id,
      needId: need2.json.need.id,
      amountFen: 200 * 1_000_000,
      termMonths: 12,
      consent: true,
    });
    expect(apply.status).toBe(201);
    expect(apply.waves).toBeLessThanOrEqual(4);
    const id = apply.json.application.id as string;
    const accepted = await post(`${FIN}/loans/${id}/actions`, bank.cookie, { action: "accept" });
    expect(accepted.status).toBe(200);
    expect(accepted.json.application.status).toBe("accepted");
    expect(accepted.waves).toBeLessThanOrEqual(4);
    const withdrawn = await post(`${FIN}/loans/${id}/withdraw`, firm.cookie, { reason: "已从其他渠道解决" });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.waves).toBeLessThanOrEqual(4);
    const closed = await post(`${FIN}/needs/${need2.json.need.id}/close`, firm.cookie, { status: "met" });
    expect(closed.status).toBe(200);
    expect(closed.waves).toBeLessThanOrEqual(3);
  });
});
