/**
 * The HTTP face of the server: one database per tenant slug under
 * `/t/<slug>/`, with the Hrana endpoints @libsql/client appends to that base
 * URL. @libsql/client 0.18 speaks version 2 with JSON and never probes
 * (`v2/pipeline` only); version 3 JSON (`v3/pipeline`, `v3/cursor`) is served
 * for clients that ask for it, and `v3-protobuf` answers 404 so that a
 * probing client falls back to JSON.
 */
import { Hono, type Context } from "hono";
import { cursorEntries } from "./batch";
import { ProtocolError, RequestError, toProtoError } from "./errors";
import { checkBatch, runBatch, runPipeline } from "./pipeline";
import { cursorBodySchema, parseBody, pipelineBodySchema, type HranaVersion } from "./protocol";
import { readBodyText } from "./request-body";
import type { StreamRegistry } from "./streams";

export interface HranaAppOptions {
  streams: StreamRegistry;
  maxBodyBytes: number;
  log?: (line: string) => void;
}

const SLUG = /^[a-z0-9][a-z0-9_-]{0,62}$/;

function tenantSlug(c: Context): string {
  const slug = c.req.param("slug") ?? "";
  if (!SLUG.test(slug))
    throw new ProtocolError("TENANT_NOT_FOUND", `No tenant database "${slug}": slugs match ${SLUG.source}`, 404);
  return slug;
}

/** The Hono app serving every tenant's Hrana endpoints. */
export function createHranaApp(options: HranaAppOptions): Hono {
  const { streams, log } = options;
  const app = new Hono();

  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
    });
  }

  app.get("/health", (c) => c.text("ok"));

  const index = (c: Context) => {
    tenantSlug(c);
    return c.text("Hello, this is HTTP API v2 (Hrana over HTTP)");
  };
  app.get("/t/:slug", index);
  app.get("/t/:slug/", index);
  for (const version of ["v2", "v3"]) {
    app.get(`/t/:slug/${version}`, (c) => {
      tenantSlug(c);
      return c.text(`Hello, this is HTTP API ${version} (Hrana over HTTP)`);
    });
  }

  const pipeline = (version: HranaVersion) => async (c: Context) => {
    const slug = tenantSlug(c);
    const body = parseBody(await readBodyText(c.req.raw, options.maxBodyBytes), pipelineBodySchema);
    const stream = streams.acquire(slug, body.baton);
    try {
      const results = await runPipeline(stream, body.requests, version);
      return c.json({ baton: streams.release(stream), base_url: null, results });
    } catch (error) {
      streams.destroy(stream);
      throw error;
    }
  };
  app.post("/t/:slug/v2/pipeline", pipeline(2));
  app.post("/t/:slug/v3/pipeline", pipeline(3));

  // The batch runs to completion before the response starts; the entries are
  // then written in the cursor's newline-delimited JSON framing.
  app.post("/t/:slug/v3/cursor", async (c) => {
    const slug = tenantSlug(c);
    const body = parseBody(await readBodyText(c.req.raw, options.maxBodyBytes), cursorBodySchema);
    const stream = streams.acquire(slug, body.baton);
    let entries: object[];
    try {
      try {
        entries = cursorEntries(await runBatch(stream, checkBatch(stream, body.batch, 3)));
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        entries = [{ type: "error", error: toProtoError(error) }];
      }
    } catch (error) {
      streams.destroy(stream);
      throw error;
    }
    const head = { baton: streams.release(stream), base_url: null };
    const lines = [head, ...entries].map((entry) => `${JSON.stringify(entry)}\n`).join("");
    return c.body(lines, 200, { "content-type": "text/plain" });
  });

  app.notFound((c) => {
    const where = `${c.req.method} ${c.req.path}`;
    const message = `Unknown path ${where}; tenant databases live at /t/<slug>/ (mind the trailing slash)`;
    return c.json({ message, code: "NOT_FOUND" }, 404);
  });

  app.onError((error, c) => {
    if (error instanceof ProtocolError) {
      // After an oversize body the connection may hold unread bytes; do not let the client reuse it.
      const headers: Record<string, string> = error.status === 413 ? { connection: "close" } : {};
      return c.json({ message: error.message, code: error.code }, error.status, headers);
    }
    log?.(`internal error: ${error.stack ?? error.message}`);
    return c.json({ message: `Internal server error: ${error.message}`, code: "INTERNAL_ERROR" }, 500);
  });

  return app;
}
