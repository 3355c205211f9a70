/**
 * The directory's pages: name order across cursors both ways, the total and page number on
 * every page, filters in SQL, each row's own verified codes and latest revenue, the older
 * `page` offset, and the export's chunks adding up to every match.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterpriseYearlyFigures, enterprises } from "../../db/schema";
import { directoryChunks, listEnterprises } from "./list-enterprises";

let client: Client;
let db: TenantDb;
const N = 45;
const id = (i: number) => `ent${String(i).padStart(10, "0")}`;
// Names out of id order, so name order is what the pages must follow.
const name = (i: number) => `淄博${String((i * 7) % N).padStart(2, "0")}号科技有限公司`;

beforeAll(async () => {
  ({ client, db } = await openMemoryTenantDb());
  await db.insert(enterprises).values(
    Array.from({ length: N }, (_, i) => ({
      id: id(i),
      name: name(i),
      createdAt: 1,
      uscc: `91370303MA${String(i).padStart(8, "0")}`,
      industry: i % 3 === 0 ? "new-materials" : "pharma",
      status: i % 5 === 0 ? ("suspended" as const) : ("active" as const),
    })),
  );
  // Enterprise 0: two verified codes, one pending; revenue in two years (the later one with none).
  await db.insert(enterpriseQualifications).values([
    { id: "q0000000001", enterpriseId: id(0), code: "srdi", status: "verified", createdAt: 1 },
    { id: "q0000000002", enterpriseId: id(0), code: "hnte", status: "verified", createdAt: 1 },
    { id: "q0000000003", enterpriseId: id(0), code: "tech-sme", status: "pending_review", createdAt: 1 },
    { id: "q0000000004", enterpriseId: id(1), code: "hnte", status: "rejected", createdAt: 1 },
  ]);
  await db.insert(enterpriseYearlyFigures).values([
    { enterpriseId: id(0), year: 2023, revenueFen: 500, updatedAt: 1 },
    { enterpriseId: id(0), year: 2024, revenueFen: 700, updatedAt: 1 },
    { enterpriseId: id(0), year: 2025, revenueFen: null, employees: 3, updatedAt: 1 },
    { enterpriseId: id(1), year: 2024, revenueFen: 900, updatedAt: 1 },
  ]);
});
afterAll(() => client.close());

const sortedNames = () => Array.from({ length: N }, (_, i) => name(i)).sort();

describe("the enterprise directory", () => {
  it("pages forwards and back in name order with the total and page number on each page", async () => {
    const one = await listEnterprises({ db }, { page: 1 });
    expect(one).toMatchObject({ total: N, page: 1, pageSize: 20, prevCursor: null });
    expect(one.enterprises.map((e) => e.name)).toEqual(sortedNames().slice(0, 20));
    const two = await listEnterprises({ db }, { after: one.nextCursor! });
    expect(two.page).toBe(2);
    expect(two.enterprises.map((e) => e.name)).toEqual(sortedNames().slice(20, 40));
    const three = await listEnterprises({ db }, { after: two.nextCursor! });
    expect(three).toMatchObject({ page: 3, nextCursor: null });
    expect(three.enterprises.map((e) => e.name)).toEqual(sortedNames().slice(40));
    const back = await listEnterprises({ db }, { before: three.prevCursor! });
    expect(back.page).toBe(2);
    expect(back.enterprises.map((e) => e.name)).toEqual(two.enterprises.map((e) => e.name));
    const first = await listEnterprises({ db }, { before: back.prevCursor! });
    expect(first).toMatchObject({ page: 1, prevCursor: null });
    expect(first.enterprises.map((e) => e.name)).toEqual(sortedNames().slice(0, 20));
  });

  it("still answers the older ?page= by offset", async () => {
    const two = await listEnterprises({ db }, { page: 2 });
    expect(two.page).toBe(2);
    expect(two.enterprises.map((e) => e.name)).toEqual(sortedNames().slice(20, 40));
    expect(two.prevCursor).not.toBeNull();
  });

  it("carries each enterprise's own verified codes and its latest reported revenue", async () => {
    const all = await listEnterprises({ db }, { page: 1 }, { pageSize: 100 });
    const byId = new Map(all.enterprises.map((e) => [e.id, e]));
    expect(byId.get(id(0))).toMatchObject({
      qualifications: ["hnte", "srdi"],
      latestRevenue: { year: 2024, revenueFen: 700 },
    });
    expect(byId.get(id(1))).toMatchObject({ qualifications: [], latestRevenue: { year: 2024, revenueFen: 900 } });
    expect(byId.get(id(2))).toMatchObject({ qualifications: [], latestRevenue: null });
  });

  it("filters in SQL: industry, status, verified qualification, name or USCC substring", async () => {
    const industry = await listEnterprises({ db }, { industry: "new-materials" }, { pageSize: 100 });
    expect(industry.total).toBe(15);
    expect(industry.enterprises.every((e) => e.industry === "new-materials")).toBe(true);
    expect((await listEnterprises({ db }, { status: "suspended" })).total).toBe(9);
    const hnte = await listEnterprises({ db }, { qualification: "hnte" });
    expect(hnte.enterprises.map((e) => e.id)).toEqual([id(0)]);
    expect(hnte.total).toBe(1);
    expect((await listEnterprises({ db }, { q: "07号" })).enterprises.map((e) => e.name)).toEqual([name(1)]);
    expect((await listEnterprises({ db }, { q: "ma00000044" })).enterprises.map((e) => e.id)).toEqual([id(44)]);
    expect((await listEnterprises({ db }, { q: "%" })).total).toBe(0);
  });

  it("refuses a cursor it did not make, saying what to do", async () => {
    await expect(listEnterprises({ db }, { after: "bm90LWEta2V5" })).rejects.toThrow("翻页链接已失效");
  });

  it("exports every match in chunks, the first carrying the total", async () => {
    const chunks = [];
    for await (const chunk of directoryChunks({ db }, { status: "active" }, 7)) chunks.push(chunk);
    expect(chunks[0]!.total).toBe(36);
    expect(chunks.length).toBe(6);
    expect(chunks.flatMap((c) => c.enterprises.map((e) => e.name))).toEqual(
      sortedNames().filter((n) => {
        const i = Array.from({ length: N }, (_, k) => k).find((k) => name(k) === n)!;
        return i % 5 !== 0;
      }),
    );
  });
});
