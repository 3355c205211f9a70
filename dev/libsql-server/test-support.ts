/**
 * Helpers for this folder's tests: raw Hrana requests for the cases the
 * official client never sends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LibsqlServer } from "./server";

export interface RawResponse {
  status: number;
  contentType: string | null;
  /** The reply as parsed JSON (or its text): the tests walk the wire format, malformed replies included. */
  // biome-ignore lint/suspicious/noExplicitAny: each test checks the reply's shape; a type would restate the protocol
  body: any;
}

/** POSTs `body` (an object, or a string sent as is) to a tenant's Hrana endpoint. */
export async function postHrana(server: LibsqlServer, slug: string, path: string, body: unknown): Promise<RawResponse> {
  const response = await fetch(`${server.tenantUrl(slug)}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (cursor lines, plain text); the test reads the text.
  }
  return { status: response.status, contentType: response.headers.get("content-type"), body: parsed };
}

export function pipeline(server: LibsqlServer, slug: string, body: unknown, version: 2 | 3 = 2): Promise<RawResponse> {
  return postHrana(server, slug, `v${version}/pipeline`, body);
}

export const text = (value: string) => ({ type: "text", value });
export const integer = (value: bigint | number) => ({ type: "integer", value: String(value) });

export function execute(sql: string, extra: Record<string, unknown> = {}) {
  return { type: "execute", stmt: { sql, ...extra } };
}

/** A fresh directory under the OS temp dir, removed by the returned function. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "libsql-server-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
