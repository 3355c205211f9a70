/**
 * A zone database for subsidy tests: Zibo's real policy set published, the demo
 * accounts and enterprises, and helpers to act as them at a chosen time.
 */
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { loadPolicySet } from "../../../tenants/policy-sets";
import { seedDemoAccounts } from "../../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../../dev/lib/seed-demo-enterprises";
import { openMemoryTenantDb } from "../../db/memory-db";
import { materials, users, type Role } from "../../db/schema";
import { newId } from "../../lib/ids";
import { loadCurrentPolicy } from "../policies/current-policy";
import { publishPolicyVersion } from "../policies/publish-policy-version";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { materialKind } from "./submit-application";

export { zone };

export async function subsidyWorld(now = new Date("2026-06-01T02:00:00Z")) {
  const { client, db } = await openMemoryTenantDb();
  const set = await loadPolicySet(zone);
  await publishPolicyVersion({ db, zone, now, ip: null, actor: null, origin: "https://zibo.example.cn" }, set, {
    baseVersion: null,
  });
  await seedDemoAccounts(db, zone, now);
  await seedDemoEnterprises(db, zone, now);
  const policy = (await loadCurrentPolicy({ db, zone }, "2026-06-01"))!;
  const actorOf = async (email: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u!.id, email: u!.email, role: u!.role as Role, enterpriseId: u!.enterpriseId, bankId: u!.bankId };
  };
  // What the subsidy services read of a request's context (none reads its sessions or user agent).
  const ctxAt = (
    at: Date,
    actor: Actor,
  ): Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor"> => ({
    db,
    zone,
    now: at,
    ip: "203.0.113.7",
    origin: "https://zibo.example.cn",
    actor,
  });
  /**
   * Attach a stand-in file row for each required material (the upload path
   * itself is tested with the blob store elsewhere).
   */
  const attachAll = async (applicationId: string, programmeId: string) => {
    const p = policy.compiled.programmes.get(programmeId)!;
    for (const m of p.materials) {
      await db.insert(materials).values({
        id: newId(),
        ownerKind: "subsidy_application",
        ownerId: applicationId,
        kind: materialKind(m.id),
        filename: `${m.id}.pdf`,
        contentType: "application/pdf",
        size: 1000,
        sha256: "0".repeat(64),
        blobKey: `zibo/${newId()}`,
        uploadedBy: null,
        createdAt: now.getTime(),
      });
    }
  };
  return { client, db, zone, policy, actorOf, ctxAt, attachAll, now };
}
