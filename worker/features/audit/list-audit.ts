/** The zone's audit log, newest first, a page at a time (for the admin audit page). */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { auditLog } from "../../db/schema";
import type { AuditDetail } from "./audit";

interface AuditRecord {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  target: string | null;
  result: "ok" | "denied" | "failed";
  ip: string | null;
  detail: AuditDetail | null;
}

interface ListAuditOptions {
  /** 1..200, default 50. */
  limit?: number;
  /** Only rows older than this id: pass the last id of the previous page. */
  before?: number;
  /** Only this action, e.g. "auth.login". */
  action?: string;
}

const MAX_LIMIT = 200;

export async function listAudit({ db }: { db: TenantDb }, options: ListAuditOptions = {}): Promise<AuditRecord[]> {
  const conditions: SQL[] = [];
  if (options.before !== undefined) conditions.push(lt(auditLog.id, options.before));
  if (options.action !== undefined) conditions.push(eq(auditLog.action, options.action));
  // Ordered by id rather than `at`: ids follow insertion order and never tie, so
  // `before` pages cleanly even when many events share a millisecond.
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(clampLimit(options.limit));
  return rows.map((r) => ({ ...r, detail: r.detail === null ? null : (JSON.parse(r.detail) as AuditDetail) }));
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}
