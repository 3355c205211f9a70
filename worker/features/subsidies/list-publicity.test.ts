/** 公示 a page at a time: the next page follows the last without overlap, every page says the total. */
import { describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { enterprises, subsidyApplications } from "../../db/schema";
import { listPublicity } from "./list-publicity";

describe("the 公示 list", () => {
  it("pages 2 + 2 + 1 in closing-day then name order, with 共 5 on every page", async () => {
    const { client, db } = await openMemoryTenantDb();
    const ends = ["2026-06-09", "2026-06-09", "2026-06-10", "2026-06-08", "2026-06-09"];
    for (const [i, to] of ends.entries()) {
      const id = `e${i}`;
      await db.insert(enterprises).values({
        id,
        name: `公示企业${"丁丙乙甲戊"[i]}`,
        createdAt: 1,
        contactName: "联系人",
        contactMobile: "13800138000",
        contactEmail: `c${i}@zibo.test`,
      });
      await db.insert(subsidyApplications).values({
        id: `a${i}`,
        programmeId: "zibo-tech-contract",
        enterpriseId: id,
        createdBy: "test",
        status: "in_review",
        stage: "publicity",
        publicityFrom: "2026-06-01",
        publicityTo: to,
        createdAt: 1,
        updatedAt: 1,
      });
    }
    // One not on notice: never listed, never counted.
    await db.insert(subsidyApplications).values({
      id: "a9",
      programmeId: "zibo-tech-contract",
      enterpriseId: "e0",
      createdBy: "test",
      status: "in_review",
      stage: "first-review",
      createdAt: 1,
      updatedAt: 1,
    });
    const ctx = { db, zone };
    const pages: string[][] = [];
    let after: string | undefined;
    do {
      const page = await listPublicity(ctx, { after, limit: 2 });
      expect(page.total).toBe(5);
      pages.push(page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    // Names in the database's order (code points): 丁 (U+4E01) before 丙 (U+4E19) before 戊 (U+620A).
    expect(pages).toEqual([["a3", "a0"], ["a1", "a4"], ["a2"]]);
    client.close();
  });
});
