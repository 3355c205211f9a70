/**
 * Shared by the write round-trip suites of 政策兑现, 公示 and policy administration
 * (subsidy-write-round-trips, subsidy-form-round-trips): one request with its body as
 * JSON, a form or multipart, its round trips read from the response, and `writes()`, which
 * runs a write, checks it took and holds it to its budget, keeping what it measured.
 */
import { env, exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { createApp } from "../../worker/app";
import { subsidyEvents } from "../../worker/db/schema";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { dbFor, freshIp } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { host, type Json, pdf } from "./subsidies-support";

/** An action: the session, its checks' reads, its one guarded write. */
export const ACTION = 3;
/**
 * An anonymous action has no session wave: its checks' reads and its write. The zone's state may
 * add one on an isolate that has none fresh (or served a write): `base` is what a request that
 * reads nothing (GET /login) costs just before, measured on the same isolate.
 */
export const ANONYMOUS_ACTION = 2;
export async function base() {
  return roundTrips(await exports.default.fetch(`http://${host}/login`, { headers: { "cf-connecting-ip": freshIp() } }))
    .waves;
}

export const APPS = "/api/v1/subsidies/applications";

type Body = { json: unknown } | { form: Record<string, string> } | { multipart: FormData } | undefined;
export interface Sent {
  res: Response;
  status: number;
  body: Json;
  text: string;
  waves: number;
}

// A zone provisioned by a suite is served by an app of its own (as jobs.test.ts does).
export const deps = workerDeps(env as WorkerEnv);
const app = createApp(deps);

/** One request from the zone's own pages (Origin set); `on` another zone's host. */
export async function send(method: string, path: string, cookie: string | undefined, body?: Body, on = host) {
  const headers = new Headers({ origin: `http://${on}:8787`, "cf-connecting-ip": freshIp() });
  if (cookie) headers.set("cookie", cookie);
  let payload: BodyInit | undefined;
  if (body && "json" in body) {
    headers.set("content-type", "application/json");
    payload = JSON.stringify(body.json);
  } else if (body && "form" in body) payload = new URLSearchParams(body.form);
  else if (body && "multipart" in body) payload = body.multipart;
  const init = { method, headers, body: payload, redirect: "manual" as const };
  const url = `http://${on}${path}`;
  const res = on === host ? await exports.default.fetch(url, init) : await app.request(url, init);
  const text = await res.text();
  const isJson = res.headers.get("content-type")?.includes("json");
  return {
    res,
    status: res.status,
    text,
    body: (isJson && text ? JSON.parse(text) : {}) as Json,
    waves: roundTrips(res).waves,
  };
}

/** One material as multipart. */
export const material = (kind: string) => {
  const f = new FormData();
  f.append("kind", kind);
  f.append("file", pdf(`${kind}-rt`));
  return { multipart: f };
};

/** An application's timeline events of one kind. */
export const event = async (id: string, action: string) =>
  dbFor("zibo")
    .select()
    .from(subsidyEvents)
    .where(and(eq(subsidyEvents.applicationId, id), eq(subsidyEvents.action, action)));

/** `write` runs one write, checks it took, and holds it to its budget; `report` prints what was measured. */
export function writes(title: string) {
  const measured: string[] = [];
  return {
    async write(label: string, budget: number, run: () => Promise<Sent>, proof: (s: Sent) => Promise<void> | void) {
      const sent = await run();
      measured.push(`${label}: ${sent.waves} (budget ${budget})`);
      await proof(sent);
      expect(sent.waves, `${label} took ${sent.waves} waves`).toBeLessThanOrEqual(budget);
    },
    report: () => console.log(`${title}:\n  ${measured.join("\n  ")}`),
  };
}
