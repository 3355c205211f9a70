/**
 * Demo accounts for `npm start` and the tests — never part of migrations or a
 * production deploy. In each demo zone: a zone admin, a reviewer, an enterprise
 * user (member of a demo enterprise) and a bank user (member of a demo bank),
 * all with the password `Demo-<slug>-2026`. Idempotent: existing emails are kept.
 * The demo organisations' ids are demoId()s (./seed-demo-ids.ts); a database
 * seeded with the old readable ids is moved to them first.
 */
import { eq } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../../worker/db/open";
import { banks, enterprises, users, type Role } from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { adoptLegacyDemoIds, demoBankId, demoEnterpriseId } from "./seed-demo-ids";

export { demoBankId, demoEnterpriseId } from "./seed-demo-ids";

export const DEMO_ZONES = ["zibo", "dongying", "changzhi"] as const;

export const demoPassword = (slug: string) => `Demo-${slug}-2026`;

export function demoAccounts(zone: ZoneConfig): { email: string; role: Role; name: string }[] {
  return [
    { email: `admin@${zone.slug}.demo`, role: "zone_admin", name: `${zone.shortName.zh}管理员` },
    { email: `reviewer@${zone.slug}.demo`, role: "reviewer", name: `${zone.shortName.zh}审核员` },
    { email: `enterprise@${zone.slug}.demo`, role: "enterprise", name: "示范企业经办人" },
    { email: `bank@${zone.slug}.demo`, role: "bank", name: "示范银行客户经理" },
  ];
}

export async function seedDemoAccounts(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  await adoptLegacyDemoIds(db, zone.slug);
  const enterpriseId = demoEnterpriseId(zone.slug);
  const bankId = demoBankId(zone.slug);
  const t = now.getTime();
  await db
    .insert(enterprises)
    .values({ id: enterpriseId, name: `${zone.region.city}示范新材料科技有限公司`, createdAt: t })
    .onConflictDoNothing();
  await db
    .insert(banks)
    .values({ id: bankId, name: `示范银行${zone.region.city}分行`, createdAt: t })
    .onConflictDoNothing();
  let created = 0;
  for (const a of demoAccounts(zone)) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).limit(1);
    if (existing) continue;
    await db.insert(users).values({
      id: newId(),
      email: a.email,
      name: a.name,
      role: a.role,
      enterpriseId: a.role === "enterprise" ? enterpriseId : null,
      bankId: a.role === "bank" ? bankId : null,
      passwordHash: await hashPassword(demoPassword(zone.slug)),
      passwordChangedAt: t,
      status: "active",
      createdAt: t,
      updatedAt: t,
    });
    created++;
  }
  return created;
}
