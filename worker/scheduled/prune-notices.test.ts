/**
 * Pruning the 消息中心 on a database of its own: which notices go (read over 180 days ago, unread
 * over two years old) and which stay, a chunk of at most 500 a run, and each run reading only the
 * rows it deletes (notices_expiry_idx; SQLite's own EXPLAIN QUERY PLAN).
 */
import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../db/memory-db";
import type { TenantDb } from "../db/open";
import { plansOf } from "../db/query-plans";
import { notices, users } from "../db/schema";
import { PRUNE_CHUNK, pruneNotices } from "./prune-notices";

const DAY = 86_400_000;
const NOW = new Date("2026-06-01T02:00:00Z");
const T = NOW.getTime();

let client: Client;
let db: TenantDb;
beforeAll(async () => {
  ({ client, db } = await openMemoryTenantDb());
  await db.insert(users).values({
    id: "u1",
    email: "staff@zibo.test",
    name: "王审核",
    role: "reviewer",
    passwordHash: "x",
    passwordChangedAt: T,
    createdAt: T,
    updatedAt: T,
  });
});
afterAll(() => client.close());

const notice = (title: string, createdAt: number, readAt: number | null) => ({
  userId: "u1",
  kind: "application_submitted" as const,
  title,
  body: "有一份新的申报待初审。",
  link: "/admin/subsidies",
  eventKey: `e-${title}`,
  createdAt,
  readAt,
});
const titles = async () => (await db.select({ t: notices.title }).from(notices)).map((r) => r.t).sort();

describe("pruning notices", () => {
  it("deletes notices read over 180 days ago and unread ones over two years old; keeps the rest", async () => {
    await db
      .insert(notices)
      .values([
        notice("read-181-days-ago", T - 400 * DAY, T - 181 * DAY),
        notice("read-179-days-ago", T - 400 * DAY, T - 179 * DAY),
        notice("unread-731-days", T - 731 * DAY, null),
        notice("unread-729-days", T - 729 * DAY, null),
        notice("old-but-read-lately", T - 1000 * DAY, T - 10 * DAY),
        notice("new-unread", T - DAY, null),
      ]);
    expect(await pruneNotices({ db, now: NOW })).toBe(2);
    expect(await titles()).toEqual(["new-unread", "old-but-read-lately", "read-179-days-ago", "unread-729-days"]);
    // Nothing more is due: a second run deletes nothing.
    expect(await pruneNotices({ db, now: NOW })).toBe(0);
    await db.delete(notices).where(eq(notices.userId, "u1"));
  });

  it(`works off a backlog ${PRUNE_CHUNK} a run, read and unread alike, and leaves the kept ones`, async () => {
    const expired = Array.from({ length: 1_203 }, (_, i) =>
      i % 2 ? notice(`r${i}`, T - 900 * DAY, T - 200 * DAY) : notice(`u${i}`, T - 800 * DAY, null),
    );
    for (let i = 0; i < expired.length; i += 300) await db.insert(notices).values(expired.slice(i, i + 300));
    await db.insert(notices).values([notice("kept-read", T - 900 * DAY, T - DAY), notice("kept-unread", T, null)]);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await pruneNotices({ db, now: NOW }));
    expect(runs).toEqual([500, 500, 203, 0, 0]);
    expect(await titles()).toEqual(["kept-read", "kept-unread"]);
    await db.delete(notices).where(eq(notices.userId, "u1"));
  });

  it("is one statement, reading the notices through notices_expiry_idx and never scanning the table", async () => {
    const { plans, trips } = await plansOf(client, (db) => pruneNotices({ db, now: NOW }));
    expect(trips).toBe(1);
    const detail = plans.map((p) => p.plan.join("\n")).join("\n");
    expect(detail).toMatch(/notices USING (COVERING )?INDEX notices_expiry_idx/);
    expect(detail).not.toMatch(/SCAN notices(?! USING)/);
  });
});
