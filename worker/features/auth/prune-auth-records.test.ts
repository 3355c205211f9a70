import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@libsql/client";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { authAttempts, passwordResetTokens, sessions, users } from "../../db/schema";
import { pruneAuthRecords } from "./prune-auth-records";

const NOW = new Date("2026-11-25T12:00:00Z");
const t = NOW.getTime();
const DAY = 86_400_000;

describe("pruneAuthRecords", () => {
  let client: Client;
  let db: TenantDb;
  beforeEach(async () => {
    ({ client, db } = await openMemoryTenantDb());
    await db.insert(users).values({
      id: "u1",
      email: "a@zibo.test",
      name: "a",
      role: "enterprise",
      passwordHash: "x",
      passwordChangedAt: t,
      createdAt: t,
      updatedAt: t,
    });
  });
  afterEach(() => client.close());

  it("removes only old attempts, expired sessions and long-dead reset tokens", async () => {
    await db.insert(authAttempts).values([
      { kind: "login", email: "a@zibo.test", ip: "1", ok: false, at: t - 31 * DAY },
      { kind: "login", email: "a@zibo.test", ip: "1", ok: false, at: t - 29 * DAY },
    ]);
    await db.insert(sessions).values([
      { id: "zibo.s.old", userId: "u1", expiresAt: Math.floor(t / 1000) - 1, createdAt: t, remember: false },
      { id: "zibo.s.live", userId: "u1", expiresAt: Math.floor(t / 1000) + 60, createdAt: t, remember: false },
    ]);
    await db.insert(passwordResetTokens).values([
      { tokenHash: "expired-long-ago", userId: "u1", kind: "self", createdAt: t - 9 * DAY, expiresAt: t - 8 * DAY },
      {
        tokenHash: "used-long-ago",
        userId: "u1",
        kind: "self",
        createdAt: t - 9 * DAY,
        expiresAt: t + DAY,
        usedAt: t - 8 * DAY,
      },
      { tokenHash: "expired-recently", userId: "u1", kind: "self", createdAt: t - 2 * DAY, expiresAt: t - DAY },
      { tokenHash: "live", userId: "u1", kind: "admin", createdAt: t, expiresAt: t + 3_600_000 },
    ]);
    expect(await pruneAuthRecords(db, NOW)).toEqual({ attempts: 1, sessions: 1, resetTokens: 2 });
    expect((await db.select().from(sessions)).map((s) => s.id)).toEqual(["zibo.s.live"]);
    expect((await db.select().from(passwordResetTokens)).map((r) => r.tokenHash).sort()).toEqual([
      "expired-recently",
      "live",
    ]);
    expect(await db.select().from(authAttempts)).toHaveLength(1);
  });
});
