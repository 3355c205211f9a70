/** Demo data is valid by the same rules the app applies, and seeding twice changes nothing. */
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { openMemoryTenantDb } from "../../worker/db/memory-db";
import { prepareTenant } from "./prepare-tenant";
import { seedDemoAccounts } from "./seed-demo";
import { seedDemoEnterprises } from "./seed-demo-enterprises";
import { validateUscc } from "../../worker/lib/uscc";
import { checkNewPassword } from "../../worker/features/auth/password";

describe.each(["zibo", "dongying", "changzhi"])("demo data for %s", (slug) => {
  it("seeds valid enterprises at several onboarding stages, idempotently", async () => {
    const zone = zones.get(slug)!;
    const { client, db } = await openMemoryTenantDb();
    await prepareTenant(client, zone);
    await seedDemoAccounts(db, zone);
    const first = await seedDemoEnterprises(db, zone);
    expect(first).toBeGreaterThanOrEqual(3);
    expect(await seedDemoEnterprises(db, zone)).toBe(0);
    const apps = await client.execute("SELECT status, uscc, industry FROM onboarding_applications");
    expect([...new Set(apps.rows.map((r) => String(r[0])))]).toEqual(expect.arrayContaining(["approved", "submitted"]));
    for (const r of apps.rows) {
      expect(validateUscc(String(r[1])).ok).toBe(true);
      expect(zone.priorityIndustries.map((i) => i.code)).toContain(String(r[2]));
    }
    const figures = await client.execute("SELECT count(*) FROM enterprise_yearly_figures");
    expect(Number(figures.rows[0]![0])).toBeGreaterThanOrEqual(6);
    const members = await client.execute("SELECT count(*) FROM users WHERE role = 'enterprise' AND enterprise_id IS NOT NULL");
    expect(Number(members.rows[0]![0])).toBeGreaterThanOrEqual(3);
    expect(checkNewPassword(`Demo-${slug}-2026`, { email: `admin@${slug}.demo`, complexity: zone.security.dengbao })).toEqual([]);
    client.close();
  });
});
