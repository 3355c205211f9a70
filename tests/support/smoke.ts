/**
 * The smoke suite both runtimes must pass (workerd via the Workers entry, Node
 * via @hono/node-server): one list of cases over a `HostFetch`, so the two
 * targets cannot drift apart.
 */
import { expect } from "vitest";
import { zones } from "../../tenants/index";

/** Sends a request as if to `http://<host><path>`. */
export type HostFetch = (host: string, path: string, init?: RequestInit) => Promise<Response>;

export interface SmokeCase {
  name: string;
  run(fetch: HostFetch): Promise<void>;
}

async function json<T>(res: Response): Promise<T> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as T;
}

export const smokeCases: SmokeCase[] = [
  ...zones.all().map((zone) => ({
    name: `${zone.slug}.localhost serves ${zone.name.zh} with its own policy documents`,
    async run(fetch: HostFetch) {
      const res = await fetch(`${zone.slug}.localhost`, "/");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<title>${zone.name.zh}</title>`);
      expect(html).toContain('lang="zh-CN"');
      for (const doc of zone.documents) expect(html).toContain(`href="/policies/documents/${doc.id}"`);
      for (const other of zones.all().filter((z) => z.slug !== zone.slug)) {
        for (const doc of other.documents) expect(html).not.toContain(`/policies/documents/${doc.id}"`);
      }
    },
  })),
  {
    name: "a policy document page lists every clause with a citable anchor",
    async run(fetch) {
      const zibo = zones.get("zibo")!;
      const doc = zibo.documents[0]!;
      const res = await fetch("zibo.localhost", `/policies/documents/${doc.id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const clause of doc.clauses) expect(html).toContain(`id="c-${clause.id}"`);
    },
  },
  {
    name: "the JSON API returns the zone and its documents from its own database",
    async run(fetch) {
      const zone = await json<{ slug: string }>(await fetch("dongying.localhost", "/api/v1/zone"));
      expect(zone.slug).toBe("dongying");
      const res = await fetch("dongying.localhost", "/api/v1/policies");
      expect(res.status).toBe(200);
      const body = await json<{ documents: { id: string; clauseCount: number }[] }>(res);
      const configured = zones.get("dongying")!.documents;
      expect(body.documents.map((d) => d.id)).toEqual(configured.map((d) => d.id));
      expect(body.documents[0]!.clauseCount).toBe(configured[0]!.clauses.length);
    },
  },
  {
    name: "unknown, reserved and nested subdomains, bare IPs and foreign hosts are 404, never a default zone",
    async run(fetch) {
      for (const host of [
        "nosuch.localhost",
        "www.localhost",
        "api.localhost",
        "admin.localhost",
        "a.zibo.localhost",
        "127.0.0.1",
        "127.0.0.1:8787",
        "[::1]:8787",
        "zibo.example.com",
        "zibo.localhost.evil.com",
      ]) {
        const page = await fetch(host, "/");
        expect(page.status, host).toBe(404);
        expect(page.headers.get("content-type"), host).toMatch(/^text\/html/);
        const api = await fetch(host, "/api/v1/zone");
        expect(api.status, host).toBe(404);
        const body = await json<{ error: { code: string; message: string } }>(api);
        expect(body.error.code, host).toBe("zone_not_found");
        expect(body.error.message.length).toBeGreaterThan(0);
      }
    },
  },
  {
    name: "the bare root domain shows the operator's zone list and no zone API",
    async run(fetch) {
      const res = await fetch("localhost", "/");
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const z of zones.all()) expect(html).toContain(`${z.slug}.localhost`);
      const api = await fetch("localhost", "/api/v1/policies");
      expect(api.status).toBe(404);
    },
  },
  {
    name: "errors use one envelope: 404 and 422 as JSON under /api, HTML elsewhere",
    async run(fetch) {
      const missing = await fetch("zibo.localhost", "/api/v1/policies/no-such-document");
      expect(missing.status).toBe(404);
      expect((await json<{ error: { code: string } }>(missing)).error.code).toBe("not_found");
      const invalid = await fetch("zibo.localhost", "/api/v1/policies/Bad_ID");
      expect(invalid.status).toBe(422);
      const body = await json<{ error: { code: string; fields: Record<string, string> } }>(invalid);
      expect(body.error.code).toBe("validation_failed");
      expect(Object.keys(body.error.fields)).toEqual(["id"]);
      const page = await fetch("zibo.localhost", "/no/such/page");
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("页面不存在");
    },
  },
  {
    name: "responses carry a request id and security headers; pages a CSP nonce on their style",
    async run(fetch) {
      const res = await fetch("changzhi.localhost", "/");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const csp = res.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      const html = await res.text();
      expect(html).toContain(`<style nonce="${nonce}">`);
      // The stylesheet must reach the browser unescaped: <style> content is never HTML-decoded.
      expect(html).toContain('"PingFang SC"');
      expect(html).not.toMatch(/<style[^>]*>[^<]*&quot;/);
    },
  },
  {
    name: "API responses, errors included, carry the fixed API security headers and no page CSP",
    async run(fetch) {
      for (const [host, path] of [
        ["zibo.localhost", "/api/v1/zone"],
        ["zibo.localhost", "/api/v1/policies/nope-nope"],
        ["nosuch.localhost", "/api/v1/zone"],
      ] as const) {
        const res = await fetch(host, path);
        expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(res.headers.get("cache-control"), path).toBe("no-store");
        expect(res.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
      }
    },
  },
  {
    name: "the OpenAPI document describes the zone API",
    async run(fetch) {
      const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(
        await fetch("zibo.localhost", "/api/openapi.json"),
      );
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/policies",
          "/api/v1/policies/{id}",
          "/api/v1/zone",
          "/api/v1/auth/login",
          "/api/v1/auth/logout",
          "/api/v1/me",
          "/api/v1/auth/password-reset/request",
          "/api/v1/auth/password-reset/confirm",
          "/api/v1/admin/users",
          "/api/v1/admin/users/{id}/reset-link",
        ]),
      );
      expect(Object.keys(doc.paths).some((p) => p.startsWith("/dev"))).toBe(false);
    },
  },
];
