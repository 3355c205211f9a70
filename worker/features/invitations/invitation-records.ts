/**
 * What every invitation writes beside its row, in the same batch: the mail with the link (outbox)
 * and the audit line. One shape for a colleague, bank staff and zone staff, so an invitation is
 * always mailed and audited alike.
 */
import type { TenantDb } from "../../db/open";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";

export function invitationRecords(
  { db, now, ip, actor }: { db: TenantDb } & Pick<RequestCtx<Actor>, "now" | "ip" | "actor">,
  o: { email: string; subject: string; body: string; role: string; organisation: string | null; expiresAt: Date },
) {
  return [
    outboxInsert(
      db,
      { channel: "email", recipient: o.email, kind: "invitation", subject: o.subject, body: o.body },
      now,
    ),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "invitation.created",
        target: o.email,
        result: "ok",
        ip,
        detail: { role: o.role, organisation: o.organisation, expiresAt: o.expiresAt.toISOString() },
      },
      now,
    ),
  ] as const;
}
