/**
 * Every transition tells the enterprise, through the outbox, in the same batch
 * as the transition (chained, so a lost race sends nothing): which stage, what
 * is expected of it and by when, and where to look.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { onlyIfChanged } from "../../db/only-if-changed";
import { users } from "../../db/schema";
import { outboxInsert } from "../outbox/enqueue-message";

/**
 * An enterprise's members' emails, as a query for the caller's batch; `enterpriseId` may be a subquery
 * (`sql\`(select ...)\``).
 */
export function memberEmailsQuery(db: TenantDb, enterpriseId: string | SQL) {
  return db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.role, "enterprise"), eq(users.status, "active")));
}

/**
 * One chained outbox insert per member: they commit only if the transition did.
 * The application's number heads the mail.
 */
export function noticeInserts(
  db: TenantDb,
  zone: ZoneConfig,
  now: Date,
  emails: readonly string[],
  n: { subject: string; lines: string[]; link: string; kind: string; number?: string | null },
) {
  const body =
    `${n.number ? `申报编号:${n.number}\n\n` : ""}${n.lines.join("\n")}\n\n` +
    `查看申报:${n.link}\n\n${zone.shortName.zh}`;
  return emails.map((recipient) =>
    onlyIfChanged(
      db,
      outboxInsert(
        db,
        { channel: "email", recipient, subject: `【${zone.shortName.zh}】${n.subject}`, body, kind: n.kind },
        now,
      ),
    ),
  );
}
