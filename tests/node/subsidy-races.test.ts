/**
 * "50 approvals racing against one cap or budget never exceed it", against a
 * libSQL database FILE with one connection per approval (as separate requests
 * or processes would have), all approvals started at once through the review
 * service: every one reads the awards before any writes, so only the guard in
 * the write (./approve-award.ts) stands between them and the limit.
 *
 * The Node driver is synchronous, so two transactions never overlap inside one
 * process: what races here is the read→write gap of each approval, which is
 * exactly where a check outside the write would let an award through.
 */
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFileWorld, type FileWorld } from "../support/file-world";
import { and, eq, inArray, like } from "drizzle-orm";
import zone from "../../tenants/zibo/zone";
import { openTenantDb, type TenantDb } from "../../worker/db/open";
import { auditLog, outbox, subsidyApplications, subsidyEvents, users, type Role } from "../../worker/db/schema";
import type { LoadedPolicy } from "../../worker/features/policies/current-policy";
import type { Actor } from "../../worker/middleware/request-ctx";
import { reviewApplication } from "../../worker/features/subsidies/review-application";
import { atPayment, newEnterprise } from "../../worker/features/subsidies/test-programmes";

const WAN = 1_000_000;
const NOW = new Date("2026-06-15T02:00:00Z");
let url: string;
let db: TenantDb;
let policy: LoadedPolicy;
let admin: Actor;
let clients: Client[];
let world: FileWorld;

beforeAll(async () => {
  world = await openFileWorld("subsidy-races", NOW);
  ({ url, db, policy, clients } = world);
  const [u] = await db.select().from(users).where(eq(users.email, "admin@zibo.demo"));
  admin = { id: u!.id, email: u!.email, role: u!.role as Role, enterpriseId: null, bankId: null };
});

afterAll(() => world.close());

const title = (id: string) => policy.compiled.programmes.get(id)?.title.zh ?? id;

/** Approves every application at once, each through its own connection to the file. */
async function approveAll(ids: string[]) {
  return Promise.allSettled(
    ids.map((id) => {
      const client = createClient({ url });
      clients.push(client);
      return reviewApplication(
        {
          db: openTenantDb(client),
          zone,
          now: NOW,
          ip: "203.0.113.7",
          origin: "https://zibo.example.cn",
          actor: admin,
        },
        id,
        { action: "pass" },
        title,
      );
    }),
  );
}

const rows = (ids: string[]) => db.select().from(subsidyApplications).where(inArray(subsidyApplications.id, ids));
const messages = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) =>
    r.status === "rejected" ? [`${(r.reason as { code: string }).code}: ${(r.reason as Error).message}`] : [],
  );

describe("approvals racing against a programme's annual budget", () => {
  it(
    "50 enterprises' 30万 awards against a 100万 budget: three are approved, the rest refused " +
      "naming the budget, nothing else changes",
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const m = await newEnterprise(db, `预算竞争企业${i}`);
        ids.push(
          await atPayment(db, {
            programme: "test-budget",
            enterpriseId: m.enterpriseId,
            createdBy: m.id,
            amountFen: 30 * WAN,
            policyVersion: policy.version.id,
          }),
        );
      }
      const results = await approveAll(ids);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      expect(new Set(messages(results))).toEqual(
        new Set(["conflict: 年度预算不足:2026年预算100万元,已批准90万元,剩余10万元,不足以批准30万元。"]),
      );

      const after = await rows(ids);
      const awarded = after.filter((r) => r.status === "awarded");
      expect(awarded.map((r) => r.amountFen)).toEqual([30 * WAN, 30 * WAN, 30 * WAN]);
      const refused = after.filter((r) => r.status !== "awarded");
      expect(
        refused.every(
          (r) => r.status === "in_review" && r.stage === "payment" && r.revision === 5 && r.amountFen === 30 * WAN,
        ),
      ).toBe(true);
      // Only the winners left an event, an audit row and a notice.
      expect(await db.select().from(subsidyEvents).where(inArray(subsidyEvents.applicationId, ids))).toHaveLength(3);
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(inArray(auditLog.target, ids), eq(auditLog.action, "subsidy.awarded"))),
      ).toHaveLength(3);
      expect(
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.kind, "subsidy_awarded"), like(outbox.recipient, "m-%"))),
      ).toHaveLength(3);
    },
  );
});

describe("approvals racing against an enterprise's annual cap", () => {
  it(
    "20 awards of 7万 for one enterprise under a 30万 cap: four in full, one cut to the 2万 left, " +
      "the rest refused naming the limit",
    async () => {
      const m = await newEnterprise(db, "限额竞争企业");
      const ids: string[] = [];
      for (let i = 0; i < 20; i++)
        ids.push(
          await atPayment(db, {
            programme: "zibo-tech-contract",
            enterpriseId: m.enterpriseId,
            createdBy: m.id,
            amountFen: 7 * WAN,
            facts: { contractAmountFen: 500 * WAN },
            policyVersion: policy.version.id,
          }),
        );
      const results = await approveAll(ids);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
      expect(new Set(messages(results))).toEqual(
        new Set([
          "conflict: 超出限额,不能批准:单家企业每年最高不超过30万元——2026年度已获30万元,已达第二十四条规定的最高30万元",
        ]),
      );
      const awarded = (await rows(ids)).filter((r) => r.status === "awarded");
      expect(awarded.map((r) => r.amountFen).sort((a, b) => a! - b!)).toEqual([
        2 * WAN,
        7 * WAN,
        7 * WAN,
        7 * WAN,
        7 * WAN,
      ]);
      const [cut] = await db
        .select()
        .from(subsidyEvents)
        .where(
          and(
            eq(subsidyEvents.action, "awarded"),
            eq(subsidyEvents.applicationId, awarded.find((r) => r.amountFen === 2 * WAN)!.id),
          ),
        );
      expect(cut!.note).toBe("按限额核定为2万元");
    },
  );
});

describe("approvals racing within an exclusion group (就高不就低,不重复享受)", () => {
  it("A (30万) and B (20万) of one enterprise approved at once are never both paid in full", async () => {
    const pairs: { a: string; b: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const m = await newEnterprise(db, `同类补助企业${i}`);
      const arrange = (programme: string, amountFen: number) =>
        atPayment(db, {
          programme,
          enterpriseId: m.enterpriseId,
          createdBy: m.id,
          amountFen,
          policyVersion: policy.version.id,
        });
      pairs.push({ a: await arrange("test-excl-a", 30 * WAN), b: await arrange("test-excl-b", 20 * WAN) });
    }
    // Half the pairs start with B, so both orders of landing are exercised.
    const results = await approveAll(pairs.flatMap((p, i) => (i % 2 ? [p.a, p.b] : [p.b, p.a])));
    for (const msg of messages(results))
      expect(msg).toMatch(/^conflict: 超出限额,不能批准:就高不就低,不重复享受——已享受同类补助30万元,不低于本项20万元/);
    const after = new Map((await rows(pairs.flatMap((p) => [p.a, p.b]))).map((r) => [r.id, r]));
    for (const { a, b } of pairs) {
      const [ra, rb] = [after.get(a)!, after.get(b)!];
      const got = [ra, rb].filter((r) => r.status === "awarded").reduce((s, r) => s + r.amountFen!, 0);
      expect(got).toBe(30 * WAN); // the higher award, whichever order they landed in
      // Either A first (B refused), or B first and A pays only the difference.
      if (rb.status === "awarded")
        expect([ra.status, ra.amountFen, rb.amountFen]).toEqual(["awarded", 10 * WAN, 20 * WAN]);
      else expect([ra.status, ra.amountFen, rb.status]).toEqual(["awarded", 30 * WAN, "in_review"]);
    }
  });
});
