import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@libsql/client";
import { securitySchema } from "../../../tenants/schema";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { authAttempts } from "../../db/schema";
import { accountLockedUntil, lockedAccounts, lockedUntilFrom } from "./attempts";

const NOW = new Date("2026-11-25T12:00:00Z");
const t = NOW.getTime();
const MIN = 60_000;
/** The demo zones' rules: 5 failures within 15 minutes lock for 15 minutes. */
const DEFAULTS = securitySchema.parse({});
const rules = (lockout: { attempts: number; windowMinutes: number; lockMinutes: number }) =>
  securitySchema.parse({ lockout });
const ago = (...minutes: number[]) => minutes.map((m) => t - m * MIN);

describe("lockedUntilFrom (boundary cases under 5 / 15 min / 15 min)", () => {
  it.each([
    { name: "4 failures lock nothing", failures: ago(4, 3, 2, 1), fresh: null, until: null },
    {
      name: "the 5th failure locks for 15 minutes from itself",
      failures: ago(5, 4, 3, 2, 1),
      fresh: null,
      until: t + 14 * MIN,
    },
    {
      name: "5 failures spanning exactly the window lock nothing",
      failures: ago(15, 12, 9, 6, 0),
      fresh: null,
      until: null,
    },
    {
      name: "5 failures spanning just under the window lock",
      failures: [t - 15 * MIN + 1, ...ago(12, 9, 6, 0)],
      fresh: null,
      until: t + 15 * MIN,
    },
    {
      name: "a lock ends 15 minutes after the failure that completed it",
      failures: ago(20, 19, 18, 17, 15),
      fresh: null,
      until: null,
    },
    { name: "one minute before that it still holds", failures: ago(19, 18, 17, 16, 14), fresh: null, until: t + MIN },
    {
      name: "a fresh start (sign-in, reset, unlock) after the failures ends the lock",
      failures: ago(5, 4, 3, 2, 1),
      fresh: t - 30_000,
      until: null,
    },
    {
      name: "failures after the fresh start count again",
      failures: ago(9, 8, 5, 4, 3, 2, 1),
      fresh: t - 8.5 * MIN,
      until: t + 14 * MIN,
    },
    {
      name: "a later failure completing another burst moves the end",
      failures: ago(14, 13, 12, 11, 10, 2),
      fresh: null,
      until: t + 13 * MIN,
    },
  ])("$name", ({ failures, fresh, until }) => {
    expect(lockedUntilFrom(failures, fresh, DEFAULTS, NOW)?.getTime() ?? null).toBe(until);
  });

  it("a lock longer than the window lasts its full length", () => {
    const long = rules({ attempts: 5, windowMinutes: 15, lockMinutes: 60 });
    expect(lockedUntilFrom(ago(50, 49, 48, 47, 46), null, long, NOW)?.getTime()).toBe(t + 14 * MIN);
  });
});

describe("lock state read from the attempts table", () => {
  let client: Client;
  let db: TenantDb;
  beforeEach(async () => ({ client, db } = await openMemoryTenantDb()));
  afterEach(() => client.close());

  const failure = (email: string, minutesAgo: number) => ({
    kind: "login" as const,
    email,
    ip: "1",
    ok: false,
    at: t - minutesAgo * MIN,
  });

  it(
    "counts only failures after the latest successful sign-in or unlock, " +
      "for both the account and the admin's list",
    async () => {
      await db.insert(authAttempts).values([
        ...[5, 4, 3, 2, 1].map((m) => failure("locked@zibo.test", m)),
        ...[5, 4, 3, 2, 1].map((m) => failure("unlocked@zibo.test", m)),
        { kind: "unlock", email: "unlocked@zibo.test", ip: "1", ok: true, at: t - 30_000 },
        ...[5, 4, 3, 2, 1].map((m) => failure("signed-in@zibo.test", m)),
        { kind: "login", email: "signed-in@zibo.test", ip: "1", ok: true, at: t - 30_000 },
        // A reset request is no fresh start.
        ...[5, 4, 3, 2, 1].map((m) => failure("requested@zibo.test", m)),
        { kind: "reset_request", email: "requested@zibo.test", ip: "1", ok: true, at: t - 30_000 },
      ]);
      const expected = new Map([
        ["locked@zibo.test", new Date(t + 14 * MIN)],
        ["requested@zibo.test", new Date(t + 14 * MIN)],
      ]);
      expect(await lockedAccounts(db, DEFAULTS, NOW)).toEqual(expected);
      for (const email of [
        "locked@zibo.test",
        "unlocked@zibo.test",
        "signed-in@zibo.test",
        "requested@zibo.test",
        "nobody@zibo.test",
      ]) {
        expect(await accountLockedUntil(db, email, DEFAULTS, NOW), email).toEqual(expected.get(email) ?? null);
      }
    },
  );
});
