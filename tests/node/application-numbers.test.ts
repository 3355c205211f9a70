/**
 * Application numbers against a libSQL database FILE: creates started all at
 * once, each through its own connection (as separate requests would), get
 * distinct numbers 1…N of the year with no gap; worker threads writing the same
 * file in parallel do too; the unique index refuses a duplicate written by
 * hand; and the migration numbers the rows an older database already has, per
 * year in created order.
 */
import { createClient, type Client } from "@libsql/client";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFileWorld, type FileWorld } from "../support/file-world";
import { asc, eq } from "drizzle-orm";
import zone from "../../tenants/zibo/zone";
import { migrations } from "../../migrations/bundle";
import { applicationNumber } from "../../worker/lib/application-number";
import { createApplication } from "../../worker/features/subsidies/create-application";
import { newEnterprise, publishTestProgrammes } from "../../worker/features/subsidies/test-programmes";
import type { LoadedPolicy } from "../../worker/features/policies/current-policy";
import { takeNumber, takenSeq } from "../../worker/db/application-numbers";
import { migrateTenant } from "../../worker/db/migrate";
import { openTenantDb, type TenantDb } from "../../worker/db/open";
import { applicationNumbers, subsidyApplications } from "../../worker/db/schema";

const NOW = new Date("2026-03-02T02:00:00Z");
let url: string;
let db: TenantDb;
let policy: LoadedPolicy;
let clients: Client[];
let world: FileWorld;

beforeAll(async () => {
  world = await openFileWorld("app-numbers", NOW);
  ({ url, db, policy, clients } = world);
});

afterAll(() => world.close());

const numbersOf = async (year: number) =>
  (
    await db
      .select({ seq: subsidyApplications.numberSeq })
      .from(subsidyApplications)
      .where(eq(subsidyApplications.numberYear, year))
      .orderBy(asc(subsidyApplications.numberSeq))
  ).map((r) => r.seq);

describe("numbering subsidy applications as they are created", () => {
  it(
    "gives 40 creates started at once, each on its own connection, the numbers 1–40 of the " + "year, each once",
    async () => {
      const members = [];
      for (let i = 0; i < 40; i++) members.push(await newEnterprise(db, `编号竞争企业${i}`));
      const results = await Promise.allSettled(
        members.map((m) => {
          const client = createClient({ url });
          clients.push(client);
          const ctx = {
            db: openTenantDb(client),
            zone,
            now: NOW,
            ip: "203.0.113.7",
            origin: "https://zibo.example.cn",
            actor: m,
          };
          return createApplication(ctx, policy, { programme: "test-once" }, null);
        }),
      );
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const shown = results.map((r) =>
        r.status === "fulfilled" ? applicationNumber(zone, "subsidy", r.value.application) : null,
      );
      expect(new Set(shown).size).toBe(40);
      for (const n of shown) expect(n).toMatch(/^ZB-2026-0000[0-4]\d$/);
      expect(await numbersOf(2026)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await db.select().from(applicationNumbers)).toEqual([{ kind: "subsidy", year: 2026, last: 40 }]);
    },
  );

  it("starts again at 1 in a new year (Asia/Shanghai: 16:30 UTC on 31 December is already the new year)", async () => {
    const m = await newEnterprise(db, "跨年企业");
    const ctx = {
      db,
      zone,
      now: new Date("2026-12-31T16:30:00Z"),
      ip: null,
      origin: "https://zibo.example.cn",
      actor: m,
    };
    const { application } = await createApplication(ctx, policy, { programme: "test-once" }, null);
    expect(applicationNumber(zone, "subsidy", application)).toBe("ZB-2027-000001");
  });

  it("keeps a number once: the unique index refuses a second row with it", async () => {
    const [first] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.numberSeq, 1)).limit(1);
    const refused = await db
      .update(subsidyApplications)
      .set({ numberYear: 2026, numberSeq: 2 })
      .where(eq(subsidyApplications.id, first!.id))
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String(refused?.cause ?? refused)).toMatch(
      /UNIQUE constraint failed: subsidy_applications\.number_year, subsidy_applications\.number_seq/,
    );
  });

  it("gives parallel writers in worker threads distinct numbers with no gap", async () => {
    // Four threads, each with its own connection to the same file, take 10 loan numbers each at once
    // (the same two statements takeNumber and numberValues put in a create's batch). Separate
    // processes on one file wait for SQLite's lock, hence the busy timeout.
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const { createClient } = require("@libsql/client");
      (async () => {
        const client = createClient({ url: workerData.url });
        await client.execute("PRAGMA busy_timeout = 10000");
        const taken = [];
        for (let i = 0; i < 10; i++) {
          const rs = await client.batch([workerData.take, workerData.read], "write");
          taken.push(Number(rs[1].rows[0][0]));
        }
        client.close();
        parentPort.postMessage(taken);
      })().catch((e) => parentPort.postMessage({ error: String(e) }));
    `;
    const statement = (q: { toSQL(): { sql: string; params: unknown[] } }) => ({
      sql: q.toSQL().sql,
      args: q.toSQL().params,
    });
    const take = statement(takeNumber(db, "loan", 2026));
    const read = statement(
      db
        .select({ seq: takenSeq("loan", 2026) })
        .from(applicationNumbers)
        .limit(1),
    );
    const run = () =>
      new Promise<number[]>((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: { url, take, read } });
        w.once("message", (m: number[] | { error: string }) =>
          Array.isArray(m) ? resolve(m) : reject(new Error(m.error)),
        );
        w.once("error", reject);
      });
    const taken = (await Promise.all([run(), run(), run(), run()])).flat();
    expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});

describe("the migration numbers existing rows", () => {
  it("per year of creation (Asia/Shanghai) in created order, and continues from there", async () => {
    const client = createClient({ url: ":memory:" });
    clients.push(client);
    const before = migrations.filter((m) => m.tag < "0007");
    await migrateTenant(client, before);
    const old = openTenantDb(client);
    const m = await newEnterprise(old, "老库企业");
    // Created: late 2025 (Shanghai), two in 2026 out of id order, and one at 2025-12-31 16:30 UTC = 2026 in Shanghai.
    const at = {
      a: Date.parse("2025-11-03T02:00:00Z"),
      b: Date.parse("2026-02-01T02:00:00Z"),
      c: Date.parse("2026-01-05T02:00:00Z"),
      d: Date.parse("2025-12-31T16:30:00Z"),
    };
    for (const [id, t] of Object.entries(at)) {
      await client.execute({
        sql:
          "insert into subsidy_applications (id, programme_id, enterprise_id, created_by, status, " +
          "created_at, updated_at) values (?, 'test-once', ?, ?, 'draft', ?, ?)",
        args: [id, m.enterpriseId, m.id, t, t],
      });
    }
    await migrateTenant(client, migrations);
    const rows = await client.execute("select id, number_year, number_seq from subsidy_applications order by id");
    expect(rows.rows.map((r) => [r.id, r.number_year, r.number_seq])).toEqual([
      ["a", 2025, 1],
      ["b", 2026, 3],
      ["c", 2026, 2],
      ["d", 2026, 1],
    ]);
    const counters = await client.execute("select kind, year, last from application_numbers order by year");
    expect(counters.rows.map((r) => [r.kind, r.year, r.last])).toEqual([
      ["subsidy", 2025, 1],
      ["subsidy", 2026, 3],
    ]);
    // A new application continues the year's sequence.
    const ctx = { db: old, zone, now: NOW, ip: null, origin: "https://zibo.example.cn", actor: m };
    const p = await publishTestProgrammes({ db: old, zone, now: NOW });
    const { application } = await createApplication(ctx, p, { programme: "test-once" }, null);
    expect(applicationNumber(zone, "subsidy", application)).toBe("ZB-2026-000004");
  });
});
