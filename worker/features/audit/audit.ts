/**
 * The audit log: who did what, to what, with which result. Rows are only ever
 * added (migration 0002's triggers refuse UPDATE and DELETE), so whatever lands
 * here stays forever: a secret must never reach it, which is why `detail` keys
 * are checked before the insert is even built.
 */
import type { TenantDb } from "../../db/open";
import { auditLog } from "../../db/schema";

/** Flat, JSON-serialisable facts about the event; never a password, token or hash. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  actorId?: string | null;
  /** Who, readable: an email, "anonymous" or "system". */
  actor: string;
  /** Dotted verb, e.g. "auth.login", "auth.password_reset". */
  action: string;
  target?: string | null;
  result: "ok" | "denied" | "failed";
  ip?: string | null;
  detail?: AuditDetail;
}

// Substrings, case-insensitive: "newPassword", "resetToken", "tokenHash" and
// "clientSecret" are all refused. Over-refusing (e.g. "passwordChangedAt") is
// the safe side for a table that can never be cleaned up.
const SECRET_KEY = /password|token|hash|secret/i;

/** Throws if any `detail` key looks like it could carry a secret. */
function assertNoSecrets(detail: AuditDetail | undefined): void {
  for (const key of Object.keys(detail ?? {})) {
    if (SECRET_KEY.test(key)) {
      throw new Error(`audit detail key "${key}" looks secret; the audit log never holds passwords, tokens or hashes`);
    }
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * The target is often the request path, which may carry escaped NULs (/x/ab%00): the
 * database refuses a NUL in text, and the refusal must still be recorded, so control
 * characters are spelt out ("\u0000").
 */
function spellOutControls(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The insert query, not yet run, so a caller can put it in the same
 * `db.batch([...])` as the change it records: the change and its audit row
 * commit together or not at all.
 */
export function auditInsert(db: TenantDb, entry: AuditEntry, now: Date) {
  assertNoSecrets(entry.detail);
  return db.insert(auditLog).values({
    at: now.toISOString(),
    actorId: entry.actorId ?? null,
    actor: entry.actor,
    action: entry.action,
    target: entry.target === undefined || entry.target === null ? null : spellOutControls(entry.target),
    result: entry.result,
    ip: entry.ip ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

/** Records an event on its own, for events that change nothing else (a denied login). */
export async function recordAudit(db: TenantDb, entry: AuditEntry, now: Date): Promise<void> {
  await auditInsert(db, entry, now);
}
