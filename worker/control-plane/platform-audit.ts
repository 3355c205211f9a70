/**
 * The platform's audit trail (platform_audit, append-only by trigger): what operators and
 * the platform's own tools did to zones. Written in the same batch as the change where the
 * caller can, so a change without its record cannot happen.
 */
import { platformAudit } from "../db/platform-schema";
import type { PlatformDb } from "./records";

/** Who acted: an operator (id + e-mail), or a tool ("cli", "npm start", "system"). */
export interface PlatformActor {
  id: string | null;
  label: string;
  ip: string | null;
}

export interface PlatformAuditEntry {
  actor: PlatformActor;
  /** e.g. "tenant.create", "tenant.suspend", "tenant.hostname.add", "operator.login". */
  action: string;
  target: string | null;
  result: "ok" | "denied" | "failed";
  detail?: Record<string, unknown>;
  nowMs: number;
}

/** The insert, to run alone or inside a caller's db.batch([...]). */
export function platformAuditInsert(db: PlatformDb, entry: PlatformAuditEntry) {
  return db.insert(platformAudit).values({
    at: entry.nowMs,
    actorId: entry.actor.id,
    actor: entry.actor.label,
    action: entry.action,
    target: entry.target,
    result: entry.result,
    ip: entry.actor.ip,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

export async function recordPlatformAudit(db: PlatformDb, entry: PlatformAuditEntry): Promise<void> {
  await platformAuditInsert(db, entry);
}
