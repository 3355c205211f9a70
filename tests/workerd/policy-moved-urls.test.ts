/**
 * The policy pages moved from singular URLs (/policy…, /admin/policy…) to the
 * plural scheme (/policies…, /admin/policies…), and a document from /policies/:id
 * to /policies/documents/:id. Every old URL answers 301 to the new one with its
 * query string, forever; a form post to an old address gets 308 (sent again as a
 * post). The platform host still has none of them.
 */
import { describe, expect, it } from "vitest";
import { call } from "./auth-support";

const zibo = "zibo.localhost";

const MOVED: [from: string, to: string][] = [
  ["/policy", "/policies"],
  ["/policy?q=%E7%A0%94%E5%8F%91&category=incubation", "/policies?q=%E7%A0%94%E5%8F%91&category=incubation"],
  ["/policy/programmes/zibo-rd-inclusive", "/policies/programmes/zibo-rd-inclusive"],
  [
    "/policy/programmes/zibo-rd-inclusive?_calc=1&revenue=300000000",
    "/policies/programmes/zibo-rd-inclusive?_calc=1&revenue=300000000",
  ],
  ["/policy/match", "/policies/match"],
  ["/policies/zibo-zichuang-2017", "/policies/documents/zibo-zichuang-2017"],
  ["/policies/zibo-zichuang-2017?x=1", "/policies/documents/zibo-zichuang-2017?x=1"],
  ["/admin/policy", "/admin/policies"],
  ["/admin/policy?published=2&notified=1", "/admin/policies?published=2&notified=1"],
  ["/admin/policy/download/1", "/admin/policies/download/1"],
  ["/admin/policy/programmes/zibo-rd-inclusive/matches", "/admin/policies/programmes/zibo-rd-inclusive/matches"],
];

describe("old policy page URLs", () => {
  for (const [from, to] of MOVED)
    it(`GET ${from} answers 301 to ${to}`, async () => {
      const res = await call(zibo, "GET", from);
      await res.body?.cancel();
      expect(res.status).toBe(301);
      expect(res.headers.get("location")).toBe(to);
    });

  it("answers a form post to an old admin address with 308, so the browser posts it again", async () => {
    for (const path of ["/preview", "/publish"]) {
      const res = await call(zibo, "POST", `/admin/policy${path}`, {
        origin: "http://zibo.localhost:8787",
        body: "json=%7B%7D",
        contentType: "application/x-www-form-urlencoded",
      });
      await res.body?.cancel();
      expect(res.status).toBe(308);
      expect(res.headers.get("location")).toBe(`/admin/policies${path}`);
    }
  });

  it("leaves unknown paths under the old prefix a 404, and the platform host without them", async () => {
    expect((await call(zibo, "GET", "/policy/nothing-here")).status).toBe(404);
    expect((await call("localhost", "GET", "/policy")).status).toBe(404);
  });

  it("serves the pages at their new URLs", async () => {
    for (const path of [
      "/policies",
      "/policies/programmes/zibo-rd-inclusive",
      "/policies/documents/zibo-zichuang-2017",
    ]) {
      const res = await call(zibo, "GET", path);
      await res.body?.cancel();
      expect(res.status, path).toBe(200);
    }
  });
});
