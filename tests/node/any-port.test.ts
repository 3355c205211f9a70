/**
 * Any port, any origin: the Node entry started without PUBLIC_URL_TEMPLATE (as `npm start`
 * does) takes its public origin from the port it binds, so a page's JSON write from that
 * origin is accepted, a foreign origin is still refused, a request without Origin is judged
 * by its other rules, and the links in messages point at the port actually served.
 */
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPortFree, publicUrlTemplate, servedPort } from "../../dev/lib/local-ports";
import { hostFetchTo } from "../support/node-fetch";
import { startTestNodeServer, type TestNodeServer } from "../support/node-server";
import type { HostFetch } from "../support/smoke";

const RESET = "/api/v1/auth/password-reset/request";

describe("a server on a non-default port", () => {
  let server: TestNodeServer;
  let fetch: HostFetch;
  beforeAll(async () => {
    server = await startTestNodeServer({ name: "any-port" });
    fetch = hostFetchTo(server.port);
  });
  afterAll(() => server.close());

  const post = (origin: string | null, email = "admin@zibo.demo") =>
    fetch("zibo.localhost", RESET, {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
      body: JSON.stringify({ email }),
    });

  it("is not on 8787, so the checks below would fail with the old fixed origin", () => {
    expect(server.port).not.toBe(8787);
  });

  it("accepts a JSON write whose Origin is the zone on the port served", async () => {
    const res = await post(`http://zibo.localhost:${server.port}`);
    expect(res.status).toBe(202);
  });

  it("refuses the same write from 8787, a sibling zone, or another site", async () => {
    for (const origin of [
      "http://zibo.localhost:8787",
      `http://dongying.localhost:${server.port}`,
      "https://evil.example",
    ]) {
      const res = await post(origin);
      expect(res.status, origin).toBe(403);
    }
  });

  it("judges a request without Origin (curl, API clients) by its other rules", async () => {
    expect((await post(null)).status).toBe(202);
  });

  it("builds the reset link in the mail on the port served", async () => {
    await post(`http://zibo.localhost:${server.port}`, "reviewer@zibo.demo");
    const res = await fetch("zibo.localhost", "/dev/outbox");
    const { messages } = (await res.json()) as { messages: { recipient: string; body: string }[] };
    const mail = messages.find((m) => m.recipient === "reviewer@zibo.demo");
    expect(mail?.body).toContain(`http://zibo.localhost:${server.port}/reset-password?token=`);
    expect(mail?.body).not.toContain(":8787");
  });

  it("accepts a page form posted from the port served and refuses one from 8787", async () => {
    const form = (origin: string) =>
      fetch("zibo.localhost", "/forgot-password", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin },
        body: "email=admin%40zibo.demo",
      });
    expect((await form(`http://zibo.localhost:${server.port}`)).status).toBe(200);
    expect((await form("http://zibo.localhost:8787")).status).toBe(403);
  });
});

describe("npm start's ports", () => {
  it("derives the public origin from PORT unless PUBLIC_URL_TEMPLATE is set", () => {
    expect(publicUrlTemplate({ PORT: "8791" })).toBe("http://{tenant}.localhost:8791");
    expect(publicUrlTemplate({})).toBe("http://{tenant}.localhost:8787");
    expect(publicUrlTemplate({ PORT: "8791", PUBLIC_URL_TEMPLATE: "https://{tenant}.yq.example.cn" })).toBe(
      "https://{tenant}.yq.example.cn",
    );
  });

  it("refuses a PORT that is not a port, naming it", () => {
    expect(() => servedPort({ PORT: "80a" })).toThrow("PORT=80a: a port is a whole number from 1 to 65535");
    expect(() => servedPort({ PORT: "70000" })).toThrow(/PORT=70000/);
  });

  it("reports a busy port in one line that names the variable to change", async () => {
    const holder: Server = await new Promise((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => resolve(s));
    });
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(assertPortFree(port, "LIBSQL_PORT")).rejects.toThrow(
        `端口 ${port} 已被占用 (port ${port} is in use): ` +
          `stop what uses it, or choose another, e.g. LIBSQL_PORT=${port + 4} npm start`,
      );
    } finally {
      holder.close();
    }
    await expect(assertPortFree(port, "PORT")).resolves.toBeUndefined();
  });
});
