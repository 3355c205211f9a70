/**
 * Notices are written in the same batch as the change they report, chained on it like the outbox
 * rows (../../db/only-if-changed.ts): one INSERT … SELECT over the recipients (users found in SQL,
 * so nobody is read first), conditional on the change — a lost race or a refusal writes none.
 *
 * Staff recipients also get the kind by mail or SMS as each chose (/account/notices; no choice:
 * mail). Those outbox rows are selected from the notices just written (by their event key), so
 * they too exist exactly when the change does, whatever the notices statement did to `changes()`.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { TenantDb } from "../../db/open";
import { noticePreferences, notices, outbox, users, type NoticeKind } from "../../db/schema";
import { newId } from "../../lib/ids";

export interface NoticeGroup {
  /** Who: a condition on `users` (active users only are ever notified). */
  recipients: SQL;
  kind: NoticeKind;
  title: string;
  body: string;
  /** A path on the zone's site. */
  link: string;
  /**
   * Staff only: the mail (and, shortened, the SMS) for those who chose them. `outboxKind` tags those outbox
   * rows when it must differ from the notice's kind: a mail that existed before its notice keeps its tag.
   */
  deliver?: { subject: string; mail: string; sms: string; outboxKind?: string };
}

/**
 * The batch items writing `groups`' notices (and their staff's mail and SMS), only while `guard` holds
 * when the first runs — CHAINED, directly after the change's last single-row link. The first is a
 * multi-row insert: nothing may chain on it with `changes()`; later statements carry their own guards.
 */
export function noticeStatements(
  db: TenantDb,
  o: { groups: readonly NoticeGroup[]; now: Date; guard: SQL },
): BatchItem<"sqlite">[] {
  if (!o.groups.length) return [];
  const eventKey = newId();
  const at = o.now.getTime();
  const selects = o.groups.map(
    (g) =>
      sql`select ${users.id}, ${g.kind}, ${g.title}, ${g.body}, ${g.link}, ${eventKey}, ${at} from ${users}
        where (${g.recipients}) and ${users.status} = 'active' and (${o.guard})`,
  );
  const insert = db.run(
    sql`insert into ${notices} (user_id, kind, title, body, link, event_key, created_at) ${sql.join(
      selects,
      sql` union all `,
    )}`,
  );
  const delivered = o.groups.flatMap((g) => (g.deliver ? deliveries(db, eventKey, g.kind, g.deliver, o.now) : []));
  return [insert, ...delivered];
}

/** The outbox rows for this event's notices of `kind`: mail (also for SMS without a mobile), and SMS. */
function deliveries(
  db: TenantDb,
  eventKey: string,
  kind: NoticeKind,
  d: NonNullable<NoticeGroup["deliver"]>,
  now: Date,
) {
  const at = now.getTime();
  const tag = d.outboxKind ?? kind;
  const from = sql`from ${notices} join ${users} on ${users.id} = ${notices.userId}
    left join ${noticePreferences}
      on ${noticePreferences.userId} = ${notices.userId} and ${noticePreferences.kind} = ${notices.kind}
    where ${notices.eventKey} = ${eventKey} and ${notices.kind} = ${kind}`;
  const chose = sql`coalesce(${noticePreferences.channel}, 'email')`;
  const columns = sql`insert into ${outbox} (channel, recipient, subject, body, kind, created_at)`;
  return [
    db.run(
      sql`${columns} select 'email', ${users.email}, ${d.subject}, ${d.mail}, ${tag}, ${at} ${from}
        and (${chose} = 'email' or (${chose} = 'sms' and ${users.mobile} is null))`,
    ),
    db.run(
      sql`${columns} select 'sms', ${users.mobile}, ${d.subject}, ${d.sms}, ${tag}, ${at} ${from}
        and ${chose} = 'sms' and ${users.mobile} is not null`,
    ),
  ];
}
