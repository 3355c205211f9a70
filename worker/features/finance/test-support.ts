/**
 * The 金融超市 services' test world: an in-memory libSQL tenant with Zibo's
 * demo accounts and enterprises, actors read from it, and a sane product input.
 * Test-only. It lives outside flow.test.ts because importing a test file runs
 * that file's tests again inside the importer.
 */
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { seedDemoAccounts } from "../../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../../dev/lib/seed-demo-enterprises";
import { openMemoryTenantDb } from "../../db/memory-db";
import { banks, users, type Role } from "../../db/schema";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { ProductInput } from "./products";

const WAN = 1_000_000;
export const product = (over: Partial<ProductInput> = {}): ProductInput => ({
  name: "科技信用贷",
  type: "credit",
  minAmountFen: 50 * WAN,
  maxAmountFen: 1000 * WAN,
  minRateBp: 345,
  maxRateBp: 480,
  minTermMonths: 6,
  maxTermMonths: 36,
  guarantees: ["credit"],
  industries: [],
  qualifications: ["hnte"],
  minYears: 2,
  minRevenueFen: 2000 * WAN,
  region: null,
  features: "纯信用,随借随还",
  materials: ["营业执照", "近两年财务报表"],
  contactName: null,
  contactPhone: null,
  ...over,
});

export async function financeWorld(now = new Date("2026-06-01T02:00:00Z")) {
  const { client, db } = await openMemoryTenantDb();
  await seedDemoAccounts(db, zone, now);
  await seedDemoEnterprises(db, zone, now);
  const actor = async (email: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u!.id, email: u!.email, role: u!.role as Role, enterpriseId: u!.enterpriseId, bankId: u!.bankId };
  };
  const ctx = (a: Actor, at = now): Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor"> => ({
    db,
    zone,
    now: at,
    ip: "203.0.113.5",
    origin: "https://zibo.example.cn",
    actor: a,
  });
  /**
   * Another bank in the zone and one of its staff (an actor as the session gives it; the services read no user row).
   */
  const otherBank = async (id: string, status: "active" | "suspended" = "active"): Promise<Actor> => {
    await db.insert(banks).values({ id, name: `${id}银行`, createdAt: now.getTime(), status });
    return { id: `${id}-user`, email: `staff@${id}.test`, role: "bank", enterpriseId: null, bankId: id };
  };
  return { client, db, actor, ctx, now, otherBank };
}
export type FinanceWorld = Awaited<ReturnType<typeof financeWorld>>;
