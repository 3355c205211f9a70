/** A HostFetch over real HTTP to a local port, setting the Host header as a browser would. */
import { request } from "node:http";
import type { HostFetch } from "./smoke";

export function hostFetchTo(port: number): HostFetch {
  return (host, path, init) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host };
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const req = request({ host: "127.0.0.1", port, path, method: init?.method ?? "GET", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
          const status = res.statusCode ?? 500;
          resolve(
            new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }),
          );
        });
      });
      req.on("error", reject);
      if (typeof init?.body === "string") req.write(init.body);
      req.end();
    });
}
