/**
 * The hourly 申请入驻 limits on a real libSQL file, with a fixed clock: when a
 * refusal says to come back (Beijing time, Retry-After in seconds), the edges of
 * the window, and parallel reservations counted in order on separate connections.
 * Also the base64 arithmetic the per-file limit rests on.
 */
import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../../migrations/bundle";
import { migrateTenant } from "../../db/migrate";
import { openTenantDb, type TenantDb } from "../../db/open";
import { authAttempts } from "../../db/schema";
import { MAX_MATERIAL_BYTES } from "../materials/material-file";
import {
  ApplicationRateLimited,
  APPLICATIONS_PER_EMAIL_PER_HOUR,
  APPLICATIONS_PER_IP_PER_HOUR,
  checkApplicationRate,
  reserveApplicationSlot,
} from "./application-rate";
import { decodedLength, MAX_BASE64_CHARS } from "./request-limits";

let dir: string;
let url: string;
let db: TenantDb;
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "onboarding-rate-"));
  url = `file:${join(dir, "zibo.db")}`;
  const client = createClient({ url });
  clients.push(client);
  await migrateTenant(client, migrations);
  db = openTenantDb(client);
});
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const key = () => ({ email: `rate-${++n}@example.cn`, ip: `198.51.100.${n}` });
const at = (iso: string) => new Date(iso);
const attempt = (k: { email: string; ip: string }, when: string) =>
  db.insert(authAttempts).values({ kind: "onboarding", email: k.email, ip: k.ip, ok: true, at: at(when).getTime() });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApplicationRateLimited);
  return e as ApplicationRateLimited;
};

describe("when a refused applicant may come back", () => {
  it("an hour after the limit-th newest attempt: Beijing time in the message, seconds in Retry-After", async () => {
    const k = key();
    // 17:00, 17:10, 17:20 Beijing (UTC+8); now 17:30.
    for (const t of ["2026-12-04T09:00:00Z", "2026-12-04T09:10:00Z", "2026-12-04T09:20:00Z"]) await attempt(k, t);
    const e = await refusal(checkApplicationRate(db, k, at("2026-12-04T09:30:00Z")));
    expect(e.status).toBe(429);
    expect(e.message).toBe(
      `这个登录邮箱一小时内已提交过 ${APPLICATIONS_PER_EMAIL_PER_HOUR} 次入驻申请,请于 18:00(北京时间)后再试。`,
    );
    expect(e.retryAfterSeconds).toBe(30 * 60);
    expect(e.fields?.loginEmail).toBe(e.message);
  });

  it("rounds up to the minute it names, and says 明天 past midnight in Beijing", async () => {
    const k = key();
    for (const t of ["2026-12-04T15:40:30Z", "2026-12-04T15:45:00Z", "2026-12-04T15:50:00Z"]) await attempt(k, t);
    // 23:55:00 Beijing; the first attempt frees its slot at 00:40:30, said as 00:41.
    const e = await refusal(checkApplicationRate(db, k, at("2026-12-04T15:55:00Z")));
    expect(e.message).toContain("请于 明天 00:41(北京时间)后再试");
    expect(e.retryAfterSeconds).toBe(46 * 60);
  });

  it("lets the attempt through once the oldest counted one is an hour old, not a second before", async () => {
    const k = key();
    for (const t of ["2026-12-04T01:00:00Z", "2026-12-04T01:30:00Z", "2026-12-04T01:40:00Z"]) await attempt(k, t);
    await refusal(checkApplicationRate(db, k, at("2026-12-04T01:59:59.999Z")));
    await expect(checkApplicationRate(db, k, at("2026-12-04T02:00:00Z"))).resolves.toBeUndefined();
  });

  it("counts every email from one address against the address's limit", async () => {
    const ip = "198.51.100.250";
    for (let i = 0; i < APPLICATIONS_PER_IP_PER_HOUR; i++)
      await attempt({ email: `ip-${i}@example.cn`, ip }, "2026-12-04T03:00:00Z");
    const e = await refusal(
      checkApplicationRate(db, { email: "someone-new@example.cn", ip }, at("2026-12-04T03:05:00Z")),
    );
    expect(e.message).toContain(`同一网络一小时内提交的入驻申请已达 ${APPLICATIONS_PER_IP_PER_HOUR} 次`);
    expect(e.fields).toBeUndefined();
  });
});

describe("reservations made in parallel", () => {
  const EIGHT_AT_ONCE =
    "of 8 at once for one email, on 8 connections, exactly the limit get through and the refused leave no row";
  it(EIGHT_AT_ONCE, async () => {
    const k = key();
    const now = at("2026-12-04T05:00:00Z");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, async () => {
        const client = createClient({ url });
        clients.push(client);
        const own = openTenantDb(client);
        const slot = reserveApplicationSlot(own, k, now);
        await slot.settle(await own.batch(slot.queries));
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(APPLICATIONS_PER_EMAIL_PER_HOUR);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ApplicationRateLimited);
    const rows = await db.select().from(authAttempts);
    expect(rows.filter((r) => r.email === k.email)).toHaveLength(APPLICATIONS_PER_EMAIL_PER_HOUR);
  });
});

describe("the per-file limit in base64", () => {
  const encodedLength = (bytes: number) => Math.ceil(bytes / 3) * 4;
  it("allows exactly a 10 MB file's base64 and refuses (by decoded size) anything longer", () => {
    expect(MAX_BASE64_CHARS).toBe(encodedLength(MAX_MATERIAL_BYTES));
    expect(MAX_BASE64_CHARS).toBe(13_981_016);
    const padding = (bytes: number) => "=".repeat((3 - (bytes % 3)) % 3);
    for (const bytes of [
      MAX_MATERIAL_BYTES - 1,
      MAX_MATERIAL_BYTES,
      MAX_MATERIAL_BYTES + 1,
      MAX_MATERIAL_BYTES + 2,
      MAX_MATERIAL_BYTES + 3,
    ]) {
      const fake = "A".repeat(encodedLength(bytes) - padding(bytes).length) + padding(bytes);
      expect(decodedLength(fake)).toBe(bytes);
    }
    // The shortest string over the documented maximum already decodes to more than 10 MB.
    expect(decodedLength("A".repeat(MAX_BASE64_CHARS + 1))).toBeGreaterThan(MAX_MATERIAL_BYTES);
  });
});
