/**
 * API tokens (issue 20): a bank's staff and a zone admin make tokens with scopes; the token is shown
 * once and stored hashed; on /api/v1/* it acts as its maker within its scopes; a revoked, expired,
 * another zone's or a suspended bank's token is refused (401), a scope it lacks too (403); on a page
 * it is ignored; bearer requests need no Origin; bearer wins over a cookie.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { apiTokens, auditLog } from "../../worker/db/schema";
import { hashApiToken } from "../../worker/lib/api-token";
import { exports } from "cloudflare:workers";
import { call, dbFor, freshIp } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { api, BANK, bankWithStaff, demo, productBody, type Json } from "./finance-support";
import { host, ORIGIN, slug } from "./subsidies-support";

const TOKENS = "/api/v1/tokens";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const make = (cookie: string, data: Json, on?: string) => api("POST", TOKENS, { cookie, data, on });

let bank: Awaited<ReturnType<typeof bankWithStaff>>;
let admin: string;
/** A bank token with finance:read, made in beforeAll. */
let read: Json;

beforeAll(async () => {
  [bank, admin] = await Promise.all([bankWithStaff(), demo("admin")]);
  const res = await make(bank.cookie, { name: "信贷系统对接", scopes: ["finance:read"], expiresInDays: 30 });
  expect(res.status).toBe(201);
  read = res.body;
});

describe("making a token", () => {
  it("answers 201 with the token once; the database keeps its hash and prefix; the list never shows it", async () => {
    expect(read.token).toMatch(/^yq_zibo_[a-z2-7]{40}$/);
    expect(read).toMatchObject({ name: "信贷系统对接", scopes: ["finance:read"] });
    expect(Date.parse(read.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const [row] = await dbFor(slug).select().from(apiTokens).where(eq(apiTokens.id, read.id));
    expect(row).toMatchObject({ tokenHash: await hashApiToken(read.token), prefix: read.token.slice(0, 12) });
    expect(row!.bankId).toBe(bank.id);
    expect(JSON.stringify(row)).not.toContain(read.token);
    const list = await api("GET", TOKENS, { cookie: bank.cookie });
    expect(list.status).toBe(200);
    expect(list.body.tokens).toEqual([
      expect.objectContaining({ id: read.id, prefix: read.token.slice(0, 12), revokedAt: null }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(read.token);
    // Another bank, and the zone's own list, do not see it.
    const other = await bankWithStaff();
    expect((await api("GET", TOKENS, { cookie: other.cookie })).body.tokens).toEqual([]);
    const zone = await api("GET", TOKENS, { cookie: admin });
    expect(zone.body.tokens.map((t: Json) => t.id)).not.toContain(read.id);
    const audit = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_token.create"), eq(auditLog.target, read.id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses an enterprise (403), a bank's scope outside finance (422) and a token making tokens (403)", async () => {
    const firm = await demo("enterprise");
    const data = { name: "x", scopes: ["finance:read"], expiresInDays: 1 };
    expect((await make(firm, data)).status).toBe(403);
    const outside = await make(bank.cookie, { ...data, scopes: ["subsidies:read"] });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields.scopes).toContain("finance");
    expect((await make(bank.cookie, { ...data, expiresInDays: 366 })).status).toBe(422);
    const byToken = await api("POST", TOKENS, { data, headers: bearer(read.token) });
    expect(byToken.status).toBe(403);
  });
});

describe("using a token", () => {
  it("lists the bank's needs with finance:read and records when it was last used", async () => {
    const res = await exportsFetch(`${BANK}/needs`, bearer(read.token));
    expect(res.status).toBe(200);
    // As a session's request: the token's batch (with the zone's state), then the handler's reads.
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    await vi.waitFor(async () => {
      const [row] = await dbFor(slug).select().from(apiTokens).where(eq(apiTokens.id, read.id));
      expect(row!.lastUsedAt).not.toBeNull();
    });
  });

  it("refuses a scope the token lacks and an operation no token may call (403)", async () => {
    const write = await api("POST", `${BANK}/products`, { data: productBody("令牌"), headers: bearer(read.token) });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("finance:write");
    const denied = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.denied"), eq(auditLog.actorId, bank.staff[0]!.id)));
    expect(denied.map((a) => JSON.parse(a.detail ?? "{}").scope)).toContain("finance:write");
    expect((await api("GET", "/api/v1/me", { headers: bearer(read.token) })).status).toBe(403);
  });

  it("needs no Origin for a bearer POST with a write scope", async () => {
    const made = await make(bank.cookie, { name: "写入", scopes: ["finance:write", "finance:read"], expiresInDays: 1 });
    expect(made.body.scopes).toEqual(["finance:read", "finance:write"]);
    const res = await api("POST", `${BANK}/products`, {
      data: productBody("令牌写入"),
      headers: { ...bearer(made.body.token), origin: "https://evil.example" },
    });
    expect(res.status).toBe(201);
  });

  it("wins over a cookie on the API; on a page it is ignored (anonymous)", async () => {
    // The admin's cookie is refused on a bank route; with the bank's token beside it, the token is what counts.
    expect((await api("GET", `${BANK}/needs`, { cookie: admin })).status).toBe(403);
    expect((await api("GET", `${BANK}/needs`, { cookie: admin, headers: bearer(read.token) })).status).toBe(200);
    expect((await api("GET", "/api/v1/admin/users", { cookie: admin, headers: bearer(read.token) })).status).toBe(403);
    const withToken = await exportsFetch("/bank/needs", bearer(read.token));
    expect(withToken.status).toBe(303);
    expect(withToken.headers.get("location")).toBe("/login");
  });

  it("lets a zone admin's statistics token read the zone's figures", async () => {
    const made = await make(admin, { name: "BI 看板", scopes: ["statistics:read"], expiresInDays: 7 });
    expect(made.status).toBe(201);
    expect((await api("GET", "/api/v1/admin/statistics", { headers: bearer(made.body.token) })).status).toBe(200);
    expect((await api("GET", "/api/v1/admin/enterprises", { headers: bearer(made.body.token) })).status).toBe(403);
  });
});

describe("a token that lets no one in (401)", () => {
  const refused = async (token: string) => {
    const res = await exportsFetch(`/api/v1/bank/needs`, bearer(token));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    return ((await res.json()) as Json).error.message as string;
  };

  it("revoked: DELETE answers 204, another bank's DELETE 404, and the token stops working", async () => {
    const made = await make(bank.cookie, { name: "撤销", scopes: ["finance:read"], expiresInDays: 1 });
    const other = await bankWithStaff();
    expect((await api("DELETE", `${TOKENS}/${made.body.id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await api("DELETE", `${TOKENS}/${made.body.id}`, { cookie: bank.cookie })).status).toBe(204);
    expect((await api("DELETE", `${TOKENS}/${made.body.id}`, { cookie: bank.cookie })).status).toBe(204);
    expect(await refused(made.body.token)).toContain("撤销");
    const audit = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_token.revoke"), eq(auditLog.target, made.body.id)));
    expect(audit).toHaveLength(1);
  });

  it("expired", async () => {
    const made = await make(bank.cookie, { name: "过期", scopes: ["finance:read"], expiresInDays: 1 });
    await dbFor(slug)
      .update(apiTokens)
      .set({ expiresAt: Date.now() - 1000 })
      .where(eq(apiTokens.id, made.body.id));
    expect(await refused(made.body.token)).toContain("过期");
  });

  it("of a suspended bank", async () => {
    const other = await bankWithStaff();
    const made = await make(other.cookie, { name: "暂停", scopes: ["finance:read"], expiresInDays: 1 });
    expect((await api("POST", `/api/v1/admin/banks/${other.id}/suspend`, { cookie: admin })).status).toBe(200);
    expect(await refused(made.body.token)).toContain("暂停");
  });

  it("of another zone, unknown here, or not a token at all", async () => {
    const elsewhere = await make(
      await demo("admin", "dongying"),
      {
        name: "东营",
        scopes: ["finance:read"],
        expiresInDays: 1,
      },
      "dongying.localhost",
    );
    expect(elsewhere.status).toBe(201);
    await refused(elsewhere.body.token);
    // The same secret under this zone's name is not in this zone's database.
    await refused(elsewhere.body.token.replace("yq_dongying_", "yq_zibo_"));
    await refused("not-a-token");
  });
});

describe("the API 令牌 page", () => {
  const form = (cookie: string, path: string, body: string) =>
    call(host, "POST", path, { cookie, origin: ORIGIN, contentType: "application/x-www-form-urlencoded", body });

  it("makes a token (shown once), lists it and revokes it after the form's confirmation", async () => {
    const page = await call(host, "GET", "/account/tokens", { cookie: bank.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(read.token.slice(0, 12));
    expect(html).toContain("金融超市 · 读取");
    expect(html).not.toContain("subsidies:read");
    const made = await form(
      bank.cookie,
      "/account/tokens",
      "name=%E6%8A%A5%E8%A1%A8&scopes=finance%3Aread&expiresInDays=7",
    );
    expect(made.status).toBe(200);
    const token = /id="new-token">(yq_zibo_[a-z2-7]{40})</.exec(await made.text())?.[1];
    expect(token).toBeDefined();
    const [row] = await dbFor(slug)
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, await hashApiToken(token!)));
    expect(row).toMatchObject({ name: "报表", scopes: ["finance:read"], bankId: bank.id });
    const revoked = await form(bank.cookie, `/account/tokens/${row!.id}/revoke`, "");
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get("location")).toBe("/account/tokens?revoked=1");
    expect((await exportsFetch(`${BANK}/needs`, bearer(token!))).status).toBe(401);
    // A form without a scope is drawn again with the message.
    const none = await form(bank.cookie, "/account/tokens", "name=x&expiresInDays=7");
    expect(none.status).toBe(422);
  });

  it("is not for an enterprise's members", async () => {
    expect((await call(host, "GET", "/account/tokens", { cookie: await demo("enterprise") })).status).toBe(403);
  });
});

/** A GET with extra headers and nothing else (no cookie, no body), the response as it comes. */
function exportsFetch(path: string, headers: Record<string, string>): Promise<Response> {
  return exports.default.fetch(`http://${slug}.localhost${path}`, {
    headers: { "cf-connecting-ip": freshIp(), ...headers },
    redirect: "manual",
  });
}
