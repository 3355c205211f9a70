/**
 * 政策 and 政策兑现 within their round-trip budgets (issue 16): at the edge every
 * wait on the database is a network hop, so each page and API reads what it needs
 * in one wave. Anonymous pages: at most 1 wave in all. Signed-in: at most 2 — the
 * session's one batch, then the handler's one. (Until the session, its user and
 * the organisation's status are read in one batch, a member's request spends 2
 * waves before its handler, and the member rows here are 3.) Lists page with a
 * cursor, show their total, and a later page follows the one before without overlap.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, freshIp } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { demo, enterpriseWithMember, host, type Json, upload } from "./subsidies-support";
import { makeApplication, makeEnterprise } from "./subsidy-pages-support";

const ANONYMOUS = 1;
const SIGNED_IN = 2;
/** An action: the session, its checks' reads, its one guarded write. */
const ACTION = 3;

type Who = "anonymous" | "member" | "reviewer" | "admin";
const cookies: Record<Who, string | undefined> = { anonymous: undefined, member: "", reviewer: "", admin: "" };
let draftId = "";
let reviewId = "";
let docId = "";

beforeAll(async () => {
  const e = await enterpriseWithMember();
  cookies.member = e.member.cookie;
  [cookies.reviewer, cookies.admin] = await Promise.all([demo("reviewer"), demo("admin")]);
  const created = await get("member", "/api/v1/subsidies/applications", "POST", {
    programme: "zibo-tech-contract",
    facts: { contractAmountFen: 100 * 1_000_000 },
  });
  draftId = created.body.application.id;
  reviewId = (await makeApplication(e.id, "first-review")).id;
  docId = (await get("anonymous", "/api/v1/policies")).body.documents[0].id;
});

async function get(who: Who, path: string, method = "GET", data?: unknown) {
  const res = await call(host, method, path, {
    cookie: cookies[who],
    ip: freshIp(),
    ...(data === undefined ? {} : { body: JSON.stringify(data), origin: `http://${host}:8787` }),
  });
  const text = await res.text();
  const isJson = res.headers.get("content-type")?.includes("json");
  return { res, status: res.status, body: (isJson && text ? JSON.parse(text) : {}) as Json, rt: roundTrips(res) };
}

describe("every page and API of 政策 and 政策兑现 stays within its round trips", () => {
  const routes: [Who, string][] = [
    ["anonymous", "/"],
    ["anonymous", "/publicity"],
    ["anonymous", "/policies"],
    ["anonymous", "/policies/programmes/zibo-tech-contract"],
    ["anonymous", "/policies/documents/:doc"],
    ["anonymous", "/api/v1/subsidies/publicity"],
    ["anonymous", "/api/v1/policy/programmes"],
    ["anonymous", "/api/v1/policy/programmes/zibo-tech-contract"],
    ["anonymous", "/api/v1/policies"],
    ["anonymous", "/api/v1/policies/:doc"],
    ["member", "/"],
    ["member", "/policies"],
    ["member", "/policies/match"],
    ["member", "/policies/programmes/zibo-tech-contract?from=profile"],
    ["member", "/subsidies"],
    ["member", "/subsidies/applications/:draft"],
    ["member", "/subsidies/applications/:review"],
    ["member", "/api/v1/subsidies/applications"],
    ["member", "/api/v1/subsidies/applications/:review"],
    ["member", "/api/v1/policy/matches"],
    ["reviewer", "/admin/subsidies"],
    ["reviewer", "/admin/subsidies?status=in_review&stage=first-review"],
    ["reviewer", "/admin/subsidies/applications/:review"],
    ["reviewer", "/api/v1/subsidies/applications"],
    ["reviewer", "/api/v1/subsidies/applications/:review"],
    ["reviewer", "/admin/policies/programmes/zibo-tech-contract/matches"],
    ["reviewer", "/api/v1/admin/policy/programmes/zibo-tech-contract/matches"],
    ["admin", "/admin/subsidies/dashboard"],
    ["admin", "/api/v1/admin/subsidies/dashboard"],
    ["admin", "/admin/policies"],
    ["admin", "/api/v1/admin/policy/versions"],
    ["admin", "/api/v1/admin/policy/versions/1"],
    ["admin", "/admin/policies/download/1"],
  ];
  for (const [who, path] of routes) {
    const budget = who === "anonymous" ? ANONYMOUS : SIGNED_IN;
    it(`${who} ${path}: 200 in at most ${budget}`, async () => {
      const ids: Record<string, string> = { doc: docId, draft: draftId, review: reviewId };
      const { status, rt } = await get(
        who,
        path.replace(/:(doc|draft|review)\b/, (_, k: string) => ids[k]!),
      );
      expect(status).toBe(200);
      expect(rt.waves).toBeLessThanOrEqual(budget);
    });
  }
});

describe("the queue and a member's list page with a cursor, showing the total", () => {
  let name = "";
  let member = "";
  const ids: string[] = [];
  beforeAll(async () => {
    const e = await enterpriseWithMember();
    member = e.member.cookie;
    name = e.name;
    for (let i = 0; i < 5; i++) ids.push((await makeApplication(e.id, "first-review")).id);
    // Another enterprise's application never appears in this one's search.
    await makeApplication((await makeEnterprise()).id, "first-review");
  });

  async function walk(cookie: string, path: string) {
    const pages: string[][] = [];
    const totals: number[] = [];
    let after: string | null = null;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const res = await call(host, "GET", `${path}${sep}limit=2${after ? `&after=${after}` : ""}`, {
        cookie,
        ip: freshIp(),
      });
      expect(res.status).toBe(200);
      expect(roundTrips(res).waves).toBeLessThanOrEqual(SIGNED_IN + 1);
      const body = (await res.json()) as Json;
      pages.push(body.applications.map((a: Json) => a.id));
      totals.push(body.total);
      after = body.nextCursor;
    } while (after && pages.length < 10);
    return { pages, totals };
  }

  it("the staff queue, searched by the enterprise's name: 2 + 2 + 1, no overlap, 共 5 on every page", async () => {
    const { pages, totals } = await walk(
      cookies.reviewer!,
      `/api/v1/subsidies/applications?q=${encodeURIComponent(name)}`,
    );
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(5);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    expect(totals).toEqual([5, 5, 5]);
  });

  it("a member's own list: 2 + 2 + 1, no overlap, 共 5 on every page", async () => {
    const { pages, totals } = await walk(member, "/api/v1/subsidies/applications");
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    expect(totals).toEqual([5, 5, 5]);
  });

  it("the queue page says 共 N 份申报 and links 下一页 with the filters kept", async () => {
    const res = await call(host, "GET", `/admin/subsidies?q=${encodeURIComponent(name)}`, {
      cookie: cookies.reviewer,
      ip: freshIp(),
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("共 5 份申报");
    expect(html).not.toContain("下一页"); // 5 fit on one page of 50
  });

  it("a cursor that was not written by the app is refused with 422 and a sentence", async () => {
    const res = await call(host, "GET", "/api/v1/subsidies/applications?after=bm90LWEtY3Vyc29y", {
      cookie: cookies.reviewer,
      ip: freshIp(),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Json).error.message).toContain("翻页参数有误");
  });
});

describe("an action reads what it checks in one wave and writes in one guarded batch", () => {
  it("create, submit, comment and review each stay within 3 waves (session, reads, write)", async () => {
    const e = await enterpriseWithMember();
    const member = e.member.cookie;
    const send = async (cookie: string, path: string, data?: unknown) => {
      const res = await call(host, "POST", path, {
        cookie,
        ip: freshIp(),
        origin: `http://${host}:8787`,
        ...(data === undefined ? {} : { body: JSON.stringify(data) }),
      });
      const body = (await res.json()) as Json;
      return { status: res.status, body, rt: roundTrips(res) };
    };
    const created = await send(member, "/api/v1/subsidies/applications", {
      programme: "zibo-tech-contract",
      facts: { contractAmountFen: 100 * 1_000_000 },
    });
    expect(created.status).toBe(201);
    expect(created.rt.waves).toBeLessThanOrEqual(ACTION);
    const id = created.body.application.id as string;
    for (const kind of ["contract-registration", "technology-contract"])
      expect((await upload(member, id, kind)).status).toBe(201);
    const submittedRes = await send(member, `/api/v1/subsidies/applications/${id}/submit`);
    expect(submittedRes.status).toBe(200);
    expect(submittedRes.rt.waves).toBeLessThanOrEqual(ACTION);
    const comment = await send(cookies.reviewer!, `/api/v1/subsidies/applications/${id}/comments`, {
      text: "请补充合同登记证明的盖章页。",
    });
    expect(comment.status).toBe(201);
    expect(comment.rt.waves).toBeLessThanOrEqual(ACTION);
    const passed = await send(cookies.reviewer!, `/api/v1/subsidies/applications/${id}/review`, { action: "pass" });
    expect(passed.status).toBe(200);
    expect(passed.rt.waves).toBeLessThanOrEqual(ACTION);
  });
});
