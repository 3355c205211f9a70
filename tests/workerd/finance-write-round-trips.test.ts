/**
 * Every write of the 金融超市 — each API mutation and each form post — within
 * its round-trip budget (issue 16): the session's one batch, one wave of reads
 * for the action's checks, and one guarded write batch that also reads back
 * what the answer shows. The steps run in order, as a bank and an enterprise
 * would: products made and published, needs posted and closed, consents given
 * and taken back, applications made, carried 受理 → 授信 → 放款, declined and
 * withdrawn. Each step proves its change in the database, not only its status.
 * No write of the 金融超市 needs an exception to the budget: none stores a blob.
 */
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dataConsents, financingNeeds, loanApplications, loanProducts } from "../../worker/db/schema";
import { call, dbFor, freshIp } from "./auth-support";
import { bankWithStaff, BANK, FIN, financeEnterprise, inDays, type Json, productBody, slug } from "./finance-support";
import { roundTrips } from "./round-trip-support";
import { host } from "./subsidies-support";

/** An action: the session, its checks' reads, its one guarded write (with the answer's reads at its end). */
const ACTION = 3;
const ORIGIN = `http://${host}:8787`;
const db = () => dbFor(slug);
const tag = `写往返${Date.now() % 100000}`;
/** An Idempotency-Key: visible ASCII. */
const KEY = `write-round-trips-${Date.now()}`;

let bank: Awaited<ReturnType<typeof bankWithStaff>>;
let firm: Awaited<ReturnType<typeof financeEnterprise>>;
/** What earlier steps made, for later ones: product, need and loan ids by name. */
const ids = { a: "", b: "", n1: "", n2: "", l1: "", l2: "", l3: "", l4: "", l5: "", l6: "" };

beforeAll(async () => {
  [bank, firm] = await Promise.all([bankWithStaff(), financeEnterprise()]);
});

type Who = "bank" | "firm";
const cookieOf = (who: Who) => (who === "bank" ? bank.cookie : firm.cookie);

async function json(who: Who, method: string, path: string, data?: unknown, key?: string) {
  const res = await exports.default.fetch(`http://${host}${path}`, {
    method,
    headers: {
      cookie: cookieOf(who),
      "cf-connecting-ip": freshIp(),
      origin: ORIGIN,
      ...(data === undefined ? {} : { "content-type": "application/json" }),
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: data === undefined ? undefined : JSON.stringify(data),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, waves: roundTrips(res).waves, text };
}

/** A form post as the browser sends it; pairs, so checkboxes can repeat a name. */
async function form(who: Who, path: string, fields: Record<string, string> | [string, string][]) {
  const res = await call(host, "POST", path, {
    cookie: cookieOf(who),
    ip: freshIp(),
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: {} as Json,
    waves: roundTrips(res).waves,
    text,
    location: res.headers.get("location"),
  };
}

const product = async (id: string) => (await db().select().from(loanProducts).where(eq(loanProducts.id, id)))[0]!;
const need = async (id: string) => (await db().select().from(financingNeeds).where(eq(financingNeeds.id, id)))[0]!;
const loan = async (id: string) => (await db().select().from(loanApplications).where(eq(loanApplications.id, id)))[0]!;
const activeConsents = async () =>
  (await db().select().from(dataConsents).where(eq(dataConsents.enterpriseId, firm.id))).filter(
    (c) => c.bankId === bank.id && c.revokedAt === null,
  );
/** The id a form post redirected to: /bank/products/<id>?…, /finance/needs/<id>?…, /finance/loans/<id>?…. */
const redirectedId = (location: string | null | undefined) => /\/([a-z2-7]{26})\?/.exec(location ?? "")?.[1] ?? "";

const PRODUCT_FORM: [string, string][] = [
  ["name", `科技快速贷${tag}`],
  ["type", "credit"],
  ["minAmount", "50"],
  ["maxAmount", "1000"],
  ["minRate", "3.45"],
  ["maxRate", "4.8"],
  ["minTerm", "6"],
  ["maxTerm", "36"],
  ["guarantees", "credit"],
  ["industries", "new-materials"],
  ["qualifications", "hnte"],
  ["minYears", "2"],
  ["minRevenue", "2000"],
  ["features", "纯信用,随借随还"],
  ["materials", "营业执照\r\n近两年财务报表"],
];
const NEED_FORM = {
  amount: "300",
  term: "12",
  purpose: "采购原材料,扩大生产",
  guarantees: "credit",
  neededBy: inDays(10),
  validUntil: inDays(60),
};
const NEED_JSON = {
  amountFen: 300 * 1_000_000,
  termMonths: 12,
  purpose: "采购原材料,扩大生产",
  guarantees: ["credit"],
  neededBy: inDays(10),
  validUntil: inDays(60),
};
const APPLY = (productId: string) => ({ productId, amountFen: 300 * 1_000_000, termMonths: 12, consent: true });

interface Step {
  name: string;
  /** The write, measured. */
  run: () => Promise<{ status: number; body: Json; waves: number; text: string; location?: string | null }>;
  status: number;
  /** Proves the change (a DB row or the answer) and keeps what later steps need. */
  check: (r: { body: Json; location?: string | null }) => Promise<void>;
}

const STEPS: Step[] = [
  // The bank's products, through the API…
  {
    name: "API POST /bank/products creates a draft",
    run: () => json("bank", "POST", `${BANK}/products`, productBody(`甲${tag}`)),
    status: 201,
    check: async ({ body }) => {
      ids.a = body.product.id;
      expect((await product(ids.a)).status).toBe("draft");
    },
  },
  {
    name: "API PUT /bank/products/{id} replaces it",
    run: () => json("bank", "PUT", `${BANK}/products/${ids.a}`, productBody(`甲改${tag}`, { revision: 0 })),
    status: 200,
    check: async ({ body }) => {
      expect(body.product.name).toBe(`科技信用贷甲改${tag}`);
      expect((await product(ids.a)).name).toBe(`科技信用贷甲改${tag}`);
    },
  },
  {
    name: "API POST /bank/products/{id}/publish publishes it",
    run: () => json("bank", "POST", `${BANK}/products/${ids.a}/publish`),
    status: 200,
    check: async ({ body }) => {
      expect(body.product.status).toBe("published");
      expect((await product(ids.a)).status).toBe("published");
    },
  },
  // …and through the pages.
  {
    name: "form POST /bank/products creates a draft",
    run: () => form("bank", "/bank/products", PRODUCT_FORM),
    status: 303,
    check: async ({ location }) => {
      ids.b = redirectedId(location);
      expect((await product(ids.b)).bankId).toBe(bank.id);
    },
  },
  {
    name: "form POST /bank/products/:id saves an edit",
    run: () =>
      form("bank", `/bank/products/${ids.b}`, [...PRODUCT_FORM.filter(([k]) => k !== "name"), ["name", `乙${tag}`]]),
    status: 303,
    check: async () => expect((await product(ids.b)).name).toBe(`乙${tag}`),
  },
  {
    name: "form POST /bank/products/:id/status publishes",
    run: () => form("bank", `/bank/products/${ids.b}/status`, { action: "publish" }),
    status: 303,
    check: async () => expect((await product(ids.b)).status).toBe("published"),
  },
  {
    name: "API POST /bank/products/{id}/withdraw withdraws",
    run: () => json("bank", "POST", `${BANK}/products/${ids.b}/withdraw`),
    status: 200,
    check: async ({ body }) => {
      expect(body.product.status).toBe("withdrawn");
      expect((await product(ids.b)).status).toBe("withdrawn");
    },
  },
  // The enterprise's needs.
  {
    name: "API POST /finance/needs posts a need",
    run: () => json("firm", "POST", `${FIN}/needs`, NEED_JSON),
    status: 201,
    check: async ({ body }) => {
      ids.n1 = body.need.id;
      expect((await need(ids.n1)).status).toBe("open");
    },
  },
  {
    name: "API POST /finance/needs/{id}/close closes it",
    run: () => json("firm", "POST", `${FIN}/needs/${ids.n1}/close`, { status: "closed" }),
    status: 200,
    check: async ({ body }) => {
      expect(body.need.status).toBe("closed");
      expect((await need(ids.n1)).status).toBe("closed");
    },
  },
  {
    name: "form POST /finance/needs posts a need",
    run: () => form("firm", "/finance/needs", NEED_FORM),
    status: 303,
    check: async ({ location }) => {
      ids.n2 = redirectedId(location);
      expect((await need(ids.n2)).status).toBe("open");
    },
  },
  {
    name: "form POST /finance/needs/:id/close marks it met",
    run: () => form("firm", `/finance/needs/${ids.n2}/close`, { status: "met" }),
    status: 303,
    check: async () => expect((await need(ids.n2)).status).toBe("met"),
  },
  // Consents.
  {
    name: "API PUT /finance/consents/{bankId} grants",
    run: () => json("firm", "PUT", `${FIN}/consents/${bank.id}`),
    status: 200,
    check: async ({ body }) => {
      expect(body.consents.some((c: Json) => c.bankId === bank.id && c.active)).toBe(true);
      expect(await activeConsents()).toHaveLength(1);
    },
  },
  {
    name: "API DELETE /finance/consents/{bankId} revokes",
    run: () => json("firm", "DELETE", `${FIN}/consents/${bank.id}`),
    status: 200,
    check: async ({ body }) => {
      expect(body.consents.some((c: Json) => c.bankId === bank.id && c.active)).toBe(false);
      expect(await activeConsents()).toHaveLength(0);
    },
  },
  {
    name: "form POST /finance/consents/:bankId grants",
    run: () => form("firm", `/finance/consents/${bank.id}`, { action: "grant" }),
    status: 303,
    check: async () => expect(await activeConsents()).toHaveLength(1),
  },
  {
    name: "form POST /finance/consents/:bankId revokes",
    run: () => form("firm", `/finance/consents/${bank.id}`, { action: "revoke" }),
    status: 303,
    check: async () => expect(await activeConsents()).toHaveLength(0),
  },
  // Loans: applied through the API, carried 受理 → 授信 → 放款 through the API.
  {
    name: "API POST /finance/loans applies",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a)),
    status: 201,
    check: async ({ body }) => {
      ids.l1 = body.application.id;
      expect(body.application).toMatchObject({ status: "submitted", productId: ids.a, bankName: bank.name });
      expect((await loan(ids.l1)).status).toBe("submitted");
      expect(await activeConsents()).toHaveLength(1);
    },
  },
  ...(
    [
      ["accept", { action: "accept", revision: 0 }, "accepted"],
      ["approve", { action: "approve", amountFen: 280 * 1_000_000, rateBp: 450, termMonths: 12 }, "approved"],
      ["disburse", { action: "disburse", amountFen: 280 * 1_000_000, disbursedOn: inDays(0) }, "disbursed"],
    ] as const
  ).map(
    ([action, data, status]): Step => ({
      name: `API POST /finance/loans/{id}/actions ${action}`,
      run: () => json("bank", "POST", `${FIN}/loans/${ids.l1}/actions`, data),
      status: 200,
      check: async ({ body }) => {
        expect(body.application.status).toBe(status);
        expect(body.application.enterprise).toBe(firm.name);
        expect((await loan(ids.l1)).status).toBe(status);
      },
    }),
  ),
  // Applied through the page (the last one is disbursed, so the product is free again), accepted there,
  // declined through the API.
  {
    name: "form POST /finance/loans applies",
    run: () =>
      form("firm", "/finance/loans", {
        productId: ids.a,
        amount: "300",
        term: "12",
        need: "",
        note: "",
        consent: "yes",
      }),
    status: 303,
    check: async ({ location }) => {
      ids.l2 = redirectedId(location);
      expect((await loan(ids.l2)).status).toBe("submitted");
    },
  },
  {
    name: "form POST /bank/loans/:id accepts",
    run: () => form("bank", `/bank/loans/${ids.l2}`, { action: "accept", revision: "0" }),
    status: 303,
    check: async () => expect((await loan(ids.l2)).status).toBe("accepted"),
  },
  {
    name: "API POST /finance/loans/{id}/actions decline",
    run: () =>
      json("bank", "POST", `${FIN}/loans/${ids.l2}/actions`, { action: "decline", reason: "资料不全,无法授信" }),
    status: 200,
    check: async ({ body }) => {
      expect(body.application).toMatchObject({ status: "declined", declineReason: "资料不全,无法授信" });
      expect((await loan(ids.l2)).status).toBe("declined");
    },
  },
  // The form's other steps on a third application: 授信, 放款.
  {
    name: "API POST /finance/loans applies again (for the form's steps)",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a)),
    status: 201,
    check: async ({ body }) => {
      ids.l3 = body.application.id;
    },
  },
  {
    name: "form POST /bank/loans/:id approves",
    run: () => form("bank", `/bank/loans/${ids.l3}`, { action: "approve", amount: "280", rate: "4.5", term: "12" }),
    status: 303,
    check: async () => expect((await loan(ids.l3)).status).toBe("approved"),
  },
  {
    name: "form POST /bank/loans/:id disburses",
    run: () => form("bank", `/bank/loans/${ids.l3}`, { action: "disburse", amount: "280", disbursedOn: inDays(0) }),
    status: 303,
    check: async () => expect((await loan(ids.l3)).status).toBe("disbursed"),
  },
  {
    name: "API POST /finance/loans applies again (to decline by form)",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a)),
    status: 201,
    check: async ({ body }) => {
      ids.l4 = body.application.id;
    },
  },
  {
    name: "form POST /bank/loans/:id declines",
    run: () => form("bank", `/bank/loans/${ids.l4}`, { action: "decline", reason: "经营年限不足" }),
    status: 303,
    check: async () => expect((await loan(ids.l4)).status).toBe("declined"),
  },
  // Withdrawals: through the API, then through the page.
  {
    name: "API POST /finance/loans applies again with an Idempotency-Key (to withdraw)",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a), KEY),
    status: 201,
    check: async ({ body }) => {
      ids.l5 = body.application.id;
    },
  },
  {
    name: "API POST /finance/loans retried with the same key answers the first application",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a), KEY),
    status: 200,
    check: async ({ body }) => {
      expect(body.application).toMatchObject({ id: ids.l5, status: "submitted", productName: `科技信用贷甲改${tag}` });
    },
  },
  {
    name: "API POST /finance/loans/{id}/withdraw withdraws",
    run: () => json("firm", "POST", `${FIN}/loans/${ids.l5}/withdraw`, { reason: "资金已落实" }),
    status: 200,
    check: async ({ body }) => {
      expect(body.application.status).toBe("withdrawn");
      expect((await loan(ids.l5)).status).toBe("withdrawn");
    },
  },
  {
    name: "API POST /finance/loans/{id}/withdraw retried answers it as it is",
    run: () => json("firm", "POST", `${FIN}/loans/${ids.l5}/withdraw`),
    status: 200,
    check: async ({ body }) => {
      expect(body.application).toMatchObject({ id: ids.l5, status: "withdrawn", enterprise: firm.name });
    },
  },
  {
    name: "API POST /finance/loans applies again (to withdraw by form)",
    run: () => json("firm", "POST", `${FIN}/loans`, APPLY(ids.a)),
    status: 201,
    check: async ({ body }) => {
      ids.l6 = body.application.id;
    },
  },
  {
    name: "form POST /finance/loans/:id/withdraw withdraws",
    run: () => form("firm", `/finance/loans/${ids.l6}/withdraw`, { reason: "", revision: "0" }),
    status: 303,
    check: async () => expect((await loan(ids.l6)).status).toBe("withdrawn"),
  },
  {
    name: "form POST /bank/products/:id/status withdraws",
    run: () => form("bank", `/bank/products/${ids.a}/status`, { action: "withdraw" }),
    status: 303,
    check: async () => expect((await product(ids.a)).status).toBe("withdrawn"),
  },
];

describe("every 金融超市 write stays within its round trips", () => {
  for (const step of STEPS)
    it(`${step.name}: at most ${ACTION} waves`, async () => {
      const r = await step.run();
      expect(r.status, `${step.name}: ${r.text.slice(0, 300)}`).toBe(step.status);
      await step.check(r);
      expect(r.waves, `${step.name}: ${r.waves} waves`).toBeLessThanOrEqual(ACTION);
    });
});
