/**
 * NUL and other control characters in any text — search terms, a need's
 * purpose, a product's name, comments and objections, bank and profile fields —
 * answer 400 with a message naming the field, through the API and the pages
 * alike, and change nothing. They used to reach the database, where the libSQL
 * server refuses a NUL in text (a 500) and the embedded driver cuts the text
 * off at it. Ordinary Chinese text with newlines in multi-line fields is kept.
 */
import { and, desc, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, banks, enterprises, financingNeeds, loanProducts } from "../../worker/db/schema";
import { call, dbFor } from "./auth-support";
import {
  api,
  bankWithStaff,
  BANK,
  demo,
  FIN,
  financeEnterprise,
  inDays,
  productBody,
  slug,
  type Json,
} from "./finance-support";

const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const db = () => dbFor(slug);
const NO_SUCH_ID = "zzzzzzzzzzzzzzzzzzzzzzzzzz";
const BAD = [
  ["NUL", "\u0000"],
  ["BEL", "\u0007"],
] as const;

let member: Awaited<ReturnType<typeof financeEnterprise>>;
let bank: Awaited<ReturnType<typeof bankWithStaff>>;
let admin: string;
let reviewer: string;

beforeAll(async () => {
  [member, bank, admin, reviewer] = await Promise.all([
    financeEnterprise(),
    bankWithStaff(),
    demo("admin"),
    demo("reviewer"),
  ]);
});

const needsOf = (enterpriseId: string) =>
  db().select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, enterpriseId));
const productsOf = (bankId: string) => db().select().from(loanProducts).where(eq(loanProducts.bankId, bankId));
const needBody = (over: Json = {}) => ({
  amountFen: 300_000_000,
  termMonths: 12,
  purpose: "采购原材料,扩大生产",
  guarantees: ["credit"],
  neededBy: inDays(10),
  validUntil: inDays(60),
  ...over,
});
const q = (bad: string) => `?q=${encodeURIComponent(`科技${bad}`)}`;

interface ApiCase {
  name: string;
  field: string;
  send: (bad: string) => Promise<{ status: number; body: Json }>;
  /** Rows that must be unchanged by the refused request. */
  unchanged?: () => Promise<unknown>;
}

const apiCases: ApiCase[] = [
  {
    name: "the subsidy queue's search",
    field: "q",
    send: (bad) => api("GET", `/api/v1/subsidies/applications${q(bad)}`, { cookie: reviewer }),
  },
  {
    name: "the programme search",
    field: "q",
    send: (bad) => api("GET", `/api/v1/policy/programmes${q(bad)}`, { cookie: member.cookie }),
  },
  {
    name: "the finance catalogue's search",
    field: "q",
    send: (bad) => api("GET", `${FIN}/products${q(bad)}`, { cookie: member.cookie }),
  },
  {
    name: "the bank's loan search",
    field: "q",
    send: (bad) => api("GET", `/api/v1/finance/loans${q(bad)}`, { cookie: bank.cookie }),
  },
  {
    name: "the enterprise directory's search",
    field: "q",
    send: (bad) => api("GET", `/api/v1/admin/enterprises${q(bad)}`, { cookie: admin }),
  },
  {
    name: "a need's purpose",
    field: "purpose",
    send: (bad) =>
      api("POST", `${FIN}/needs`, { cookie: member.cookie, data: needBody({ purpose: `采购${bad}原材料` }) }),
    unchanged: () => needsOf(member.id),
  },
  {
    name: "a product's name",
    field: "name",
    send: (bad) => api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody(`控制${bad}`) }),
    unchanged: () => productsOf(bank.id),
  },
  {
    name: "a product's features",
    field: "features",
    send: (bad) =>
      api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody("特点", { features: `纯信用${bad}` }) }),
    unchanged: () => productsOf(bank.id),
  },
  {
    name: "a comment on an application",
    field: "text",
    send: (bad) =>
      api("POST", `/api/v1/subsidies/applications/${NO_SUCH_ID}/comments`, {
        cookie: member.cookie,
        data: { text: `请尽快审核${bad}` },
      }),
  },
  {
    name: "an objection to a notice",
    field: "content",
    send: (bad) =>
      api("POST", `/api/v1/subsidies/publicity/${NO_SUCH_ID}/objections`, {
        data: { name: "王五", contact: "13800138000", content: `该企业并未实际开展研发活动${bad}请核实` },
      }),
  },
  {
    name: "a draft's form values",
    field: "formValues.note",
    send: (bad) =>
      api("POST", "/api/v1/subsidies/applications", {
        cookie: member.cookie,
        data: { programme: "zibo-tech-contract", formValues: { note: `说明${bad}` } },
      }),
  },
  {
    name: "a bank's name",
    field: "name",
    send: (bad) =>
      api("POST", "/api/v1/admin/banks", {
        cookie: admin,
        data: {
          name: `控制字符银行${bad}`,
          uscc: "91370303MA3C411101",
          contactName: "赵六",
          contactPhone: "0533-3580000",
          contactEmail: "bank@example.cn",
        },
      }),
    unchanged: () => db().select().from(banks).where(like(banks.name, "控制字符银行%")),
  },
];

describe("control characters through the API", () => {
  for (const c of apiCases) {
    for (const [what, bad] of BAD) {
      it(`refuses ${what} in ${c.name} with 400 and the field's message, changing nothing`, async () => {
        const before = await c.unchanged?.();
        const res = await c.send(bad);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe("bad_request");
        expect(res.body.error.fields[c.field]).toMatch(/含有不可见的控制字符/);
        if (c.unchanged) expect(await c.unchanged()).toEqual(before);
      });
    }
  }

  it("keeps ordinary Chinese text with newlines in a multi-line field (CRLF stored as LF)", async () => {
    const posted = await api("POST", `${FIN}/needs`, {
      cookie: member.cookie,
      data: needBody({ purpose: "采购原材料\r\n扩大生产线\n\t(二期)" }),
    });
    expect(posted.status).toBe(201);
    const [row] = await db().select().from(financingNeeds).where(eq(financingNeeds.id, posted.body.need.id));
    expect(row!.purpose).toBe("采购原材料\n扩大生产线\n\t(二期)");
  });

  it("refuses a newline in a single-line field the same way (a form's single-line input cannot hold one)", async () => {
    const before = await productsOf(bank.id);
    const res = await api("POST", `${BANK}/products`, { cookie: bank.cookie, data: productBody("换行\n名称") });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.name).toMatch(/^产品名称含有不可见的控制字符/);
    expect(await productsOf(bank.id)).toEqual(before);
  });

  it(
    "records a refused request whose path carries a NUL " + "(the audit row spells it out) instead of failing with 500",
    async () => {
      // A bank's staff may not open subsidy applications: the refusal is audited with the path as its target.
      const res = await page("/subsidies/applications/ab%00cd", bank.cookie);
      expect(res.status).toBe(403);
      const [row] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, bank.staff[0]!.id), eq(auditLog.action, "authz.denied")))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(row!.target).toBe("GET /subsidies/applications/ab\\u0000cd");
    },
  );
});

const page = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
const form = (path: string, cookie: string | undefined, data: Record<string, string>) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });

interface PageCase {
  name: string;
  label: string;
  send: (bad: string) => Promise<Response>;
  unchanged?: () => Promise<unknown>;
}

const profileOf = (id: string) =>
  db()
    .select({ address: enterprises.address, contactName: enterprises.contactName })
    .from(enterprises)
    .where(eq(enterprises.id, id));

const pageCases: PageCase[] = [
  { name: "the policy search", label: "搜索词", send: (bad) => page(`/policies${q(bad)}`) },
  { name: "the 金融超市 search", label: "搜索词", send: (bad) => page(`/finance${q(bad)}`) },
  { name: "the enterprise directory", label: "搜索词", send: (bad) => page(`/admin/enterprises${q(bad)}`, admin) },
  { name: "the subsidy queue", label: "搜索词", send: (bad) => page(`/admin/subsidies${q(bad)}`, reviewer) },
  { name: "a member's own applications", label: "搜索词", send: (bad) => page(`/subsidies${q(bad)}`, member.cookie) },
  {
    name: "the need form's purpose",
    label: "资金用途",
    send: (bad) =>
      form("/finance/needs", member.cookie, {
        amount: "300",
        term: "12",
        purpose: `购置${bad}研发设备`,
        guarantees: "credit",
        neededBy: inDays(10),
        validUntil: inDays(60),
      }),
    unchanged: () => needsOf(member.id),
  },
  {
    name: "the enterprise profile's address",
    label: "地址",
    send: (bad) =>
      form("/enterprise/profile", member.cookie, {
        address: `山东省淄博市${bad}高新区`,
        contactName: "李四",
        contactMobile: "13800138000",
        contactEmail: "li@example.cn",
        employees: "80",
        industry: "new-materials",
        industryClass: "C2651",
      }),
    unchanged: () => profileOf(member.id),
  },
  {
    name: "the product form's name",
    label: "产品名称",
    send: (bad) =>
      form("/bank/products", bank.cookie, {
        name: `科技贷${bad}`,
        type: "credit",
        minAmount: "50",
        maxAmount: "1000",
        minRate: "4",
        maxRate: "5",
        minTerm: "6",
        maxTerm: "36",
        guarantees: "credit",
      }),
    unchanged: () => productsOf(bank.id),
  },
  {
    name: "an objection on the notice page",
    label: "异议内容",
    send: (bad) =>
      form(`/publicity/${NO_SUCH_ID}/objection`, undefined, {
        name: "王五",
        contact: "13800138000",
        content: `该企业并未实际开展研发活动${bad}请核实`,
      }),
  },
];

describe("control characters through the pages", () => {
  for (const c of pageCases) {
    for (const [what, bad] of BAD) {
      it(`refuses ${what} in ${c.name} with a 400 page naming ${c.label}, changing nothing`, async () => {
        const before = await c.unchanged?.();
        const res = await c.send(bad);
        expect(res.status).toBe(400);
        expect(await res.text()).toContain(`${c.label}含有不可见的控制字符`);
        if (c.unchanged) expect(await c.unchanged()).toEqual(before);
      });
    }
  }

  it("keeps a purpose typed over several lines", async () => {
    const res = await form("/finance/needs", member.cookie, {
      amount: "300",
      term: "12",
      purpose: "购置研发设备\r\n及配套软件",
      guarantees: "credit",
      neededBy: inDays(10),
      validUntil: inDays(60),
    });
    expect(res.status).toBe(303);
    const rows = await db()
      .select()
      .from(financingNeeds)
      .where(and(eq(financingNeeds.enterpriseId, member.id), eq(financingNeeds.purpose, "购置研发设备\n及配套软件")));
    expect(rows).toHaveLength(1);
  });
});
