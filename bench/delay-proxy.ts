/**
 * An HTTP proxy that holds every request `delayMs` before passing it on: what a Worker sees
 * when its database is a network hop away (Turso from an edge location). Each HTTP request
 * to the libSQL server is one Hrana pipeline call, so the delay is added once per database
 * round trip; requests in flight together wait together, as they would on a real network.
 */
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface DelayProxy {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** Changes the delay for requests that arrive from now on. */
  setDelay(ms: number): void;
  /** Requests passed on so far. */
  readonly forwarded: number;
  close(): Promise<void>;
}

export async function startDelayProxy(options: { target: string; delayMs: number }): Promise<DelayProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let delayMs = options.delayMs;
  let forwarded = 0;
  const server: Server = createServer((req, res) => {
    const wait = delayMs;
    void (async () => {
      if (wait > 0) await sleep(wait);
      forwarded++;
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (err) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`delay proxy: ${err.message}`);
      });
      req.pipe(upstream);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setDelay: (ms) => {
      delayMs = ms;
    },
    get forwarded() {
      return forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
