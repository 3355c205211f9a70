/**
 * The 入驻审核 queue at real size: each filter reads its page through an index in the
 * queue's order (no table scan, no sort of every match) and counts through an index, in
 * one round trip — checked with EXPLAIN QUERY PLAN on the statements really sent — and
 * the pages follow newest activity first across cursors both ways, with the total.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { plansOf as statementPlans } from "../../db/query-plans";
import { APPLICATION_STATUSES, onboardingApplications, users } from "../../db/schema";
import { findOwnApplication, getApplication } from "./get-application";
import { listApplications } from "./list-applications";
import { encodeQueueCursor } from "./queue-paging";
import type { ListFilters } from "./schemas";

let client: Client;
let db: TenantDb;
const N = 23;
const appId = (i: number) => `app${String(i).padStart(10, "0")}`;
const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T00:00:00+08:00");

beforeAll(async () => {
  ({ client, db } = await openMemoryTenantDb());
  await db.insert(users).values({
    id: "applicant0001",
    email: "a@example.cn",
    name: "申请人",
    role: "enterprise",
    passwordHash: "x",
    passwordChangedAt: 1,
    createdAt: 1,
    updatedAt: 1,
  });
  await db.insert(onboardingApplications).values(
    Array.from({ length: N }, (_, i) => ({
      id: appId(i),
      status: APPLICATION_STATUSES[i % 4]!,
      applicantUserId: "applicant0001",
      companyName: `企业${i}`,
      uscc: `91370303MA${String(i).padStart(8, "0")}`,
      legalRep: "张三",
      registeredOn: "2020-01-01",
      registeredCapitalFen: 1,
      address: "淄博",
      industry: i % 2 ? "pharma" : "new-materials",
      industryClass: "C2651",
      employees: 1,
      contactName: "李四",
      contactMobile: "13800138000",
      contactEmail: "c@example.cn",
      qualifications: "[]",
      createdAt: T0 + i * DAY,
      // Two share each update time, so the id breaks the tie.
      updatedAt: T0 + Math.floor(i / 2) * DAY,
    })),
  );
});
afterAll(() => client.close());

/** The statements one call sends with their query plans (lines joined), and its round trips. */
async function plansOf(run: (db: TenantDb) => Promise<unknown>) {
  const { plans, trips } = await statementPlans(client, run);
  return { trips, plans: plans.map((p) => ({ sql: p.sql, plan: p.plan.join("\n") })) };
}

const cursor = encodeQueueCursor([T0 + 5 * DAY, "abcdefghij"]);

describe("the review queue reads through indexes", () => {
  const cases: [string, ListFilters, RegExp][] = [
    ["no filter", {}, /onboarding_updated_idx/],
    ["a status", { status: "submitted" }, /onboarding_status_updated_idx \(status=\?/],
    ["an industry", { industry: "pharma" }, /onboarding_industry_updated_idx \(industry=\?/],
    ["a status and dates", { status: "returned", from: "2026-03-02", to: "2026-03-20" }, /onboarding_status_/],
  ];
  for (const [name, filters, pageIndex] of cases)
    for (const [where, paging] of [
      ["the first page", {}],
      ["after a cursor", { after: cursor }],
      ["before a cursor", { before: cursor }],
    ] as const)
      it(`${name}, ${where}: one round trip, every statement on an index`, async () => {
        const { trips, plans } = await plansOf((db) => listApplications({ db }, { ...filters, ...paging }));
        expect(trips).toBe(1);
        if (process.env.SHOW_PLANS) for (const p of plans) console.log(p.sql, "\n  ", p.plan);
        for (const { sql, plan } of plans) expect(plan, sql).not.toMatch(/\bSCAN onboarding_applications\b(?! USING)/);
        const page = plans.find((p) => /\blimit\b/i.test(p.sql));
        expect(page?.plan).toMatch(pageIndex);
        if (!filters.from) expect(page?.plan).not.toMatch(/USE TEMP B-TREE/);
      });
});

describe("the review queue pages", () => {
  const ids = (l: { applications: { id: string }[] }) => l.applications.map((a) => a.id);
  // Newest activity first; equal times by id, descending.
  const order = Array.from({ length: N }, (_, i) => i)
    .sort((a, b) => Math.floor(b / 2) - Math.floor(a / 2) || b - a)
    .map(appId);

  it("walks the queue forwards and back with the total on every page", async () => {
    const one = await listApplications({ db }, { limit: 10 });
    expect(one).toMatchObject({ total: N, prevCursor: null });
    expect(ids(one)).toEqual(order.slice(0, 10));
    const two = await listApplications({ db }, { limit: 10, after: one.nextCursor! });
    expect(ids(two)).toEqual(order.slice(10, 20));
    const three = await listApplications({ db }, { limit: 10, after: two.nextCursor! });
    expect(three).toMatchObject({ nextCursor: null, total: N });
    expect(ids(three)).toEqual(order.slice(20));
    const back = await listApplications({ db }, { limit: 10, before: three.prevCursor! });
    expect(ids(back)).toEqual(order.slice(10, 20));
    const first = await listApplications({ db }, { limit: 10, before: back.prevCursor! });
    expect(first.prevCursor).toBeNull();
    expect(ids(first)).toEqual(order.slice(0, 10));
  });

  it("filters in SQL and counts the filter; the per-status counts stay whole", async () => {
    const submitted = await listApplications({ db }, { status: "submitted" });
    expect(submitted.total).toBe(6);
    expect(submitted.applications.every((a) => a.status === "submitted")).toBe(true);
    expect(submitted.counts).toEqual({ submitted: 6, returned: 6, approved: 6, rejected: 5 });
    const dated = await listApplications({ db }, { from: "2026-03-03", to: "2026-03-04" });
    expect(dated.applications.map((a) => a.id).sort()).toEqual([appId(2), appId(3)]);
    expect(dated.total).toBe(2);
  });

  it("refuses a cursor it did not make, saying what to do", async () => {
    await expect(listApplications({ db }, { after: "eyJ4IjoxfQ" })).rejects.toThrow("翻页链接已失效");
  });
});

describe("one application with its timeline", () => {
  it("is one round trip for staff and for its applicant", async () => {
    const staff = await plansOf((db) => getApplication({ db }, appId(3), { userId: "x", applicantOnly: false }));
    expect(staff.trips).toBe(1);
    const own = await plansOf((db) => findOwnApplication({ db }, "applicant0001"));
    expect(own.trips).toBe(1);
    for (const { plan, sql } of [...staff.plans, ...own.plans])
      expect(plan, sql).not.toMatch(/\bSCAN (onboarding_applications|application_events|materials)\b(?! USING)/);
    expect((await findOwnApplication({ db }, "applicant0001"))?.id).toBe(appId(N - 1));
    expect(await findOwnApplication({ db }, "nobody")).toBeNull();
    await expect(getApplication({ db }, appId(3), { userId: "someone-else", applicantOnly: true })).rejects.toThrow(
      "本园区没有这个入驻申请",
    );
  });
});
