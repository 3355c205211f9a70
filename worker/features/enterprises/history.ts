/**
 * enterprise_history rows: what changed, from what to what, by whom and when.
 * Only the fields that changed are kept, so a row reads as the change itself.
 */
import type { TenantDb } from "../../db/open";
import { enterpriseHistory } from "../../db/schema";

type Snapshot = Record<string, string | number | boolean | null>;

/** The fields of `after` whose value differs from `before`, with both sides; null when nothing changed. */
export function changedFields(
  before: Snapshot | null,
  after: Snapshot,
): { before: Snapshot | null; after: Snapshot } | null {
  if (!before) return { before: null, after };
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const [key, value] of Object.entries(after)) {
    if ((before[key] ?? null) !== value) {
      b[key] = before[key] ?? null;
      a[key] = value;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

export interface HistoryEntry {
  enterpriseId: string;
  actor: { id: string | null; email: string };
  /** "profile", "figures:2025", "qualification:<id>", "members", "status" */
  subject: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** The insert, not yet run, for the same batch as the change it records. */
export function historyInsert(db: TenantDb, e: HistoryEntry, now: Date) {
  return db.insert(enterpriseHistory).values({
    enterpriseId: e.enterpriseId,
    at: now.getTime(),
    actorId: e.actor.id,
    actor: e.actor.email,
    subject: e.subject,
    before: e.before ? JSON.stringify(e.before) : null,
    after: e.after ? JSON.stringify(e.after) : null,
  });
}
