/**
 * The demo subsidy applications read like real ones: each has an application
 * number, and the paid one's ledger row has a voucher number as a finance
 * office writes it, recorded by the zone's demo admin — no seed markers.
 */
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { zones } from "../../tenants/index";
import { openMemoryTenantDb } from "../../worker/db/memory-db";
import { subsidyApplications, subsidyEvents, subsidyPayments, users } from "../../worker/db/schema";
import { applicationNumber } from "../../worker/lib/application-number";
import { prepareTenant } from "./prepare-tenant";
import { seedDemoAccounts } from "./seed-demo";
import { seedDemoEnterprises } from "./seed-demo-enterprises";
import { seedDemoSubsidies } from "./seed-demo-subsidies";

describe("Zibo's demo subsidy applications", () => {
  it(
    "are numbered, and the payment ledger carries a " + "realistic voucher and its recorder, not seed markers",
    async () => {
      const zone = zones.get("zibo")!;
      const { client, db } = await openMemoryTenantDb();
      await prepareTenant(client, zone);
      const now = new Date("2026-10-20T02:00:00Z");
      await seedDemoAccounts(db, zone, now);
      await seedDemoEnterprises(db, zone, now);
      expect(await seedDemoSubsidies(db, zone, now)).toBe(4);

      const apps = await db.select().from(subsidyApplications).orderBy(asc(subsidyApplications.numberSeq));
      expect(apps.map((a) => applicationNumber(zone, "subsidy", a))).toEqual([
        "ZB-2026-000001",
        "ZB-2026-000002",
        "ZB-2026-000003",
        "ZB-2026-000004",
      ]);

      const [admin] = await db.select().from(users).where(eq(users.email, "admin@zibo.demo"));
      const [payment] = await db.select().from(subsidyPayments);
      expect(payment!.voucherNo).toMatch(/^记-\d{4}-\d{2}-\d{4}$/);
      expect(payment!.recordedBy).toBe(admin!.id);
      const [paid] = await db.select().from(subsidyEvents).where(eq(subsidyEvents.action, "paid"));
      expect(paid!.note).toBe(`${payment!.paidOn} 拨付,凭证号 ${payment!.voucherNo},已全部拨付`);
      const text = JSON.stringify(await db.select({ note: subsidyEvents.note }).from(subsidyEvents));
      for (const marker of ["DEMO", "演示", "seed"]) expect(text).not.toContain(marker);

      expect(await seedDemoSubsidies(db, zone, now)).toBe(0);
      client.close();
    },
  );
});
