import type { TenantDb } from "../db/open";

/**
 * What every audited change made by a signed-in person needs: the zone's
 * database, the time, the request's IP and who acted. Services add what else
 * they need (the zone, its origin, its auth) by intersection.
 */
export interface ActionCtx {
  db: TenantDb;
  now: Date;
  ip: string;
  actor: { id: string; email: string };
}
