/**
 * Who may use the 金融超市 API: a bank sees and changes only its own products
 * and applications (another bank's id is 404), an enterprise only its own needs,
 * consents and applications (another's is 404), bank users post no needs and
 * enterprise users make no products (403), another zone has none of it (404),
 * anonymous callers read the catalogue and nothing else (401), and only zone
 * staff get the statistics. Banks, enterprises and products are made here; the
 * database is shared.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../worker/lib/ids";
import {
  act,
  api,
  applied,
  BANK,
  bankWithStaff,
  demo,
  FIN,
  financeEnterprise,
  postedNeed,
  productBody,
  publishedProduct,
  WAN,
  type Json,
} from "./finance-support";

let bankA: Awaited<ReturnType<typeof bankWithStaff>>;
let bankB: Awaited<ReturnType<typeof bankWithStaff>>;
let firm1: Awaited<ReturnType<typeof financeEnterprise>>;
let firm2: Awaited<ReturnType<typeof financeEnterprise>>;
let draft: Json; // bank A's, unpublished
let product: Json; // bank A's, published
let need: Json; // firm 1's
let loan: Json; // firm 1's, for bank A's product

beforeAll(async () => {
  [bankA, bankB, firm1, firm2] = await Promise.all([
    bankWithStaff(),
    bankWithStaff(),
    financeEnterprise(),
    financeEnterprise(),
  ]);
  const tag = `A${newId().slice(0, 6)}`;
  draft = (await api("POST", `${BANK}/products`, { cookie: bankA.cookie, data: productBody(`${tag}草稿`) })).body
    .product as Json;
  product = await publishedProduct(bankA.cookie, productBody(tag));
  await publishedProduct(bankB.cookie, productBody(`${tag}乙`));
  need = await postedNeed(firm1.cookie);
  loan = await applied(firm1.cookie, product.id as string, { needId: need.id });
});

describe("across banks", () => {
  it("another bank's products are 404 to edit, publish or withdraw, and not in its list", async () => {
    expect(
      (await api("PUT", `${BANK}/products/${draft.id}`, { cookie: bankB.cookie, data: productBody("改") })).status,
    ).toBe(404);
    expect((await api("POST", `${BANK}/products/${draft.id}/publish`, { cookie: bankB.cookie })).status).toBe(404);
    expect((await api("POST", `${BANK}/products/${product.id}/withdraw`, { cookie: bankB.cookie })).status).toBe(404);
    expect((await api("GET", `${FIN}/products/${draft.id}`, { cookie: bankB.cookie })).status).toBe(404);
    expect((await api("GET", `${FIN}/products/${draft.id}`, { cookie: bankA.cookie })).status).toBe(200);
    const listed = (await api("GET", `${BANK}/products`, { cookie: bankB.cookie })).body.products as Json[];
    expect(listed.some((p) => p.id === draft.id || p.id === product.id)).toBe(false);
    expect((await api("GET", `${FIN}/products/${product.id}`)).body.product.status).toBe("published"); // untouched
  });

  it("another bank's applications are 404 to read or act on, and not in its queue", async () => {
    expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bankB.cookie })).status).toBe(404);
    expect((await act(bankB.cookie, loan.id, { action: "accept" })).status).toBe(404);
    expect(
      ((await api("GET", `${FIN}/loans`, { cookie: bankB.cookie })).body.applications as Json[]).some(
        (a) => a.id === loan.id,
      ),
    ).toBe(false);
    expect(
      ((await api("GET", `${FIN}/loans`, { cookie: bankA.cookie })).body.applications as Json[]).map((a) => a.id),
    ).toEqual([loan.id]);
    expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bankA.cookie })).body.application.status).toBe(
      "submitted",
    );
  });

  it("consent is per bank: applying to bank A lets A, not B, see the enterprise's facts", async () => {
    const row = async (cookie: string) =>
      ((await api("GET", `${BANK}/needs`, { cookie })).body.needs as Json[]).find((n) => n.need.id === need.id)!;
    expect((await row(bankA.cookie)).consented).toBe(true);
    const b = await row(bankB.cookie);
    expect(b.consented).toBe(false);
    expect(b.facts).toMatchObject({ qualifications: null, yearsInOperation: null, revenueFen: null });
  });
});

describe("across enterprises", () => {
  it("another enterprise's needs and applications are 404, and not in its lists", async () => {
    expect((await api("GET", `${FIN}/needs/${need.id}/matches`, { cookie: firm2.cookie })).status).toBe(404);
    expect((await api("POST", `${FIN}/needs/${need.id}/close`, { cookie: firm2.cookie })).status).toBe(404);
    expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: firm2.cookie })).status).toBe(404);
    expect(
      (
        await api("POST", `${FIN}/loans`, {
          cookie: firm2.cookie,
          data: { productId: product.id, needId: need.id, amountFen: 100_000_000, termMonths: 12, consent: true },
        })
      ).status,
    ).toBe(404);
    expect((await api("GET", `${FIN}/needs`, { cookie: firm2.cookie })).body.needs).toEqual([]);
    expect((await api("GET", `${FIN}/loans`, { cookie: firm2.cookie })).body.applications).toEqual([]);
    expect((await api("GET", `${FIN}/consents`, { cookie: firm2.cookie })).body.consents).toEqual([]);
    expect((await api("GET", `${FIN}/needs`, { cookie: firm1.cookie })).body.needs.map((n: Json) => n.id)).toEqual([
      need.id,
    ]);
    expect((await api("GET", `${FIN}/products/${draft.id}`, { cookie: firm1.cookie })).status).toBe(404);
  });
});

describe("across roles", () => {
  it(
    "bank users post no needs and give no consents; enterprise users make no products and act " +
      "on no application (403)",
    async () => {
      expect(
        (
          await api("POST", `${FIN}/needs`, {
            cookie: bankA.cookie,
            data: {
              amountFen: 300_000_000,
              termMonths: 12,
              purpose: "采购原材料",
              guarantees: ["credit"],
              neededBy: "2099-01-01",
              validUntil: "2099-02-01",
            },
          })
        ).status,
      ).toBe(403);
      expect((await api("GET", `${FIN}/needs`, { cookie: bankA.cookie })).status).toBe(403);
      expect((await api("PUT", `${FIN}/consents/${bankA.id}`, { cookie: bankA.cookie })).status).toBe(403);
      expect(
        (
          await api("POST", `${FIN}/loans`, {
            cookie: bankA.cookie,
            data: { productId: product.id, amountFen: 100_000_000, termMonths: 12, consent: true },
          })
        ).status,
      ).toBe(403);
      expect((await api("POST", `${BANK}/products`, { cookie: firm1.cookie, data: productBody("企业") })).status).toBe(
        403,
      );
      expect((await api("GET", `${BANK}/needs`, { cookie: firm1.cookie })).status).toBe(403);
      expect((await act(firm1.cookie, loan.id, { action: "accept" })).status).toBe(403);
      const reviewer = await demo("reviewer");
      expect((await api("GET", `${BANK}/products`, { cookie: reviewer })).status).toBe(403);
      expect((await act(reviewer, loan.id, { action: "accept" })).status).toBe(403);
      // Zone staff read every application, and the statistics.
      expect(
        ((await api("GET", `${FIN}/loans`, { cookie: reviewer })).body.applications as Json[]).some(
          (a) => a.id === loan.id,
        ),
      ).toBe(true);
      expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: reviewer })).status).toBe(200);
    },
  );
});

describe("across zones", () => {
  it("dongying has none of zibo's products or applications (404)", async () => {
    const on = "dongying.localhost";
    expect((await api("GET", `${FIN}/products/${product.id}`, { on })).status).toBe(404);
    expect(
      ((await api("GET", `${FIN}/products`, { on })).body.products as Json[]).some((p) => p.id === product.id),
    ).toBe(false);
    expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: await demo("admin", "dongying"), on })).status).toBe(
      404,
    );
    const bank = await demo("bank", "dongying");
    expect(
      (await api("PUT", `${BANK}/products/${product.id}`, { cookie: bank, data: productBody("改"), on })).status,
    ).toBe(404);
    expect((await act(bank, loan.id, { action: "accept" })).status).toBe(401); // zibo's session cookie is not this one
    expect(
      (await api("POST", `${FIN}/loans/${loan.id}/actions`, { cookie: bank, data: { action: "accept" }, on })).status,
    ).toBe(404);
  });
});

describe("anonymous callers", () => {
  it("read the catalogue and a published product, and get 401 everywhere else", async () => {
    expect((await api("GET", `${FIN}/products`)).status).toBe(200);
    expect((await api("GET", `${FIN}/products/${product.id}`)).status).toBe(200);
    const calls: [string, string, unknown?][] = [
      ["GET", `${BANK}/products`],
      ["POST", `${BANK}/products`, productBody("匿名")],
      ["PUT", `${BANK}/products/${draft.id}`, productBody("匿名")],
      ["POST", `${BANK}/products/${draft.id}/publish`],
      ["POST", `${BANK}/products/${product.id}/withdraw`],
      ["GET", `${BANK}/needs`],
      ["GET", `${FIN}/needs`],
      ["POST", `${FIN}/needs`, {}],
      ["GET", `${FIN}/needs/${need.id}/matches`],
      ["POST", `${FIN}/needs/${need.id}/close`],
      ["GET", `${FIN}/consents`],
      ["PUT", `${FIN}/consents/${bankA.id}`],
      ["DELETE", `${FIN}/consents/${bankA.id}`],
      ["POST", `${FIN}/loans`, { productId: product.id, amountFen: 100_000_000, termMonths: 12, consent: true }],
      ["GET", `${FIN}/loans`],
      ["GET", `${FIN}/loans/${loan.id}`],
      ["POST", `${FIN}/loans/${loan.id}/actions`, { action: "accept" }],
      ["GET", "/api/v1/admin/finance/statistics"],
    ];
    for (const [method, path, data] of calls)
      expect((await api(method, path, { data })).status, `${method} ${path}`).toBe(401);
    expect((await api("GET", `${FIN}/loans/${loan.id}`, { cookie: bankA.cookie })).body.application.status).toBe(
      "submitted",
    ); // nothing changed
  });

  it("lists every route in the OpenAPI document, with the Idempotency-Key header on applying", async () => {
    const doc = await api("GET", "/api/openapi.json");
    const paths = doc.body.paths as Json;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/finance/products",
        "/api/v1/finance/products/{id}",
        "/api/v1/bank/products",
        "/api/v1/bank/products/{id}",
        "/api/v1/bank/products/{id}/publish",
        "/api/v1/bank/products/{id}/withdraw",
        "/api/v1/bank/needs",
        "/api/v1/finance/needs",
        "/api/v1/finance/needs/{id}/matches",
        "/api/v1/finance/needs/{id}/close",
        "/api/v1/finance/consents",
        "/api/v1/finance/consents/{bankId}",
        "/api/v1/finance/loans",
        "/api/v1/finance/loans/{id}",
        "/api/v1/finance/loans/{id}/actions",
        "/api/v1/finance/loans/{id}/withdraw",
        "/api/v1/admin/finance/statistics",
      ]),
    );
    expect(paths["/api/v1/finance/loans"].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "idempotency-key", in: "header" })]),
    );
    for (const [path, ops] of Object.entries(paths))
      if (path.includes("finance") || path.startsWith("/api/v1/bank"))
        for (const op of Object.values(ops as Json)) expect((op as Json).summary, path).toBeTruthy();
  });
});

describe("statistics", () => {
  it("are for zone staff only: needs and amounts, with each bank's responses", async () => {
    const bank = await bankWithStaff();
    const firm = await financeEnterprise();
    const p = await publishedProduct(bank.cookie, productBody(`S${newId().slice(0, 6)}`));
    const admin = await demo("admin");
    const before = (await api("GET", "/api/v1/admin/finance/statistics", { cookie: admin })).body;
    await postedNeed(firm.cookie);
    const loan = await applied(firm.cookie, p.id);
    await act(bank.cookie, loan.id, { action: "approve", amountFen: 250 * WAN, rateBp: 450, termMonths: 12 });
    const after = (await api("GET", "/api/v1/admin/finance/statistics", { cookie: admin })).body;
    expect(after.needs.posted).toBeGreaterThanOrEqual(before.needs.posted + 1);
    expect(after.loans.approvedFen).toBeGreaterThanOrEqual(before.loans.approvedFen + 250 * WAN);
    expect(after.banks.find((b: Json) => b.bankId === bank.id)).toMatchObject({
      applications: 1,
      approved: 1,
      declined: 0,
      overdue: 0,
      avgDaysToRespond: 0,
      avgDaysToDecide: 0,
    });
    for (const cookie of [bank.cookie, firm.cookie])
      expect((await api("GET", "/api/v1/admin/finance/statistics", { cookie })).status).toBe(403);
    expect((await api("GET", "/api/v1/admin/finance/statistics")).status).toBe(401);
  });
});
