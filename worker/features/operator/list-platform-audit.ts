/** The platform audit, newest first, a page at a time (the table only grows). */
import { desc, lt } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { platformAudit } from "../../db/platform-schema";

export const AUDIT_PAGE_SIZE = 100;

export interface PlatformAuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  result: "ok" | "denied" | "failed";
  ip: string | null;
  detail: string | null;
}

/** Rows older than `before` (an id, from the previous page's last row), and the id to continue from. */
export async function listPlatformAudit({
  db,
  before,
}: {
  db: LibSQLDatabase;
  before?: number | undefined;
}): Promise<{ rows: PlatformAuditRow[]; next: number | null }> {
  const rows = await db
    .select()
    .from(platformAudit)
    .where(before === undefined ? undefined : lt(platformAudit.id, before))
    .orderBy(desc(platformAudit.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    target: r.target,
    result: r.result,
    ip: r.ip,
    detail: r.detail,
  }));
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null };
}
