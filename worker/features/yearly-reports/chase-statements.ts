/**
 * Telling an enterprise's members that the yearly report is due (催报): one `report_chases` row per
 * enterprise and Shanghai day (its key), the members' 消息中心 notice and their mail, all in one
 * batch. The notices are selected from the chase rows this batch wrote (by their event key), so an
 * enterprise already chased today — by staff or by the reminder job — is told nothing twice.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { enterpriseYearlyFigures as f, enterprises, reportChases, reportWindows, users } from "../../db/schema";
import { formatDateZh } from "../../../web/format";
import { shanghaiDate } from "../../lib/calendar";
import { newId } from "../../lib/ids";
import { noticeStatements } from "../notices/write-notices";
import { coveredEnterprise, filingStatusSql, hasActiveMember, yearJoin } from "./filing-sql";

export interface ChaseTarget {
  db: TenantDb;
  zone: ZoneConfig;
  now: Date;
  /** The zone's origin, for the link in the mail. */
  origin: string;
  year: number;
  dueOn: string;
  /** Named enterprises, or every covered one that has not filed completely. */
  enterpriseIds?: readonly string[] | undefined;
  source: "staff" | "reminder";
  by: string | null;
  /** A condition the chase needs when it runs (the reminder's own claim of the day); true when absent. */
  guard?: SQL;
}

/**
 * The batch items; the first inserts the chase rows (its rowsAffected = enterprises told). Only covered
 * enterprises that have not filed completely and have an active member are chased, while the window is open.
 */
export function chaseStatements(db: TenantDb, t: ChaseTarget): { eventKey: string; items: BatchItem<"sqlite">[] } {
  const eventKey = newId();
  const day = shanghaiDate(t.now);
  const at = t.now.getTime();
  const which = t.enterpriseIds ? inArray(enterprises.id, [...t.enterpriseIds]) : undefined;
  const eligible = and(
    coveredEnterprise,
    sql`${filingStatusSql} != 'filed'`,
    hasActiveMember,
    sql`exists (select 1 from ${reportWindows} where ${reportWindows.year} = ${t.year}
      and ${reportWindows.status} = 'open')`,
    which,
    t.guard,
  );
  const insert = db.run(
    sql`insert into ${reportChases} (year, enterprise_id, day, source, event_key, at, by)
      select ${t.year}, ${enterprises.id}, ${day}, ${t.source}, ${eventKey}, ${at}, ${t.by}
      from ${enterprises} left join ${f} on ${yearJoin(t.year)}
      where ${eligible}
      on conflict do nothing`,
  );
  const link = `/enterprise/figures?year=${t.year}`;
  const due = formatDateZh(t.dueOn);
  const name = t.zone.shortName.zh;
  const body = `${name}正在收集 ${t.year} 年度报表,贵企业还没有填齐,请于 ${due} 前填报。`;
  const told = noticeStatements(db, {
    groups: [
      {
        recipients: and(
          eq(users.role, "enterprise"),
          sql`${users.enterpriseId} in (select ${reportChases.enterpriseId} from ${reportChases}
            where ${reportChases.eventKey} = ${eventKey})`,
        )!,
        kind: "report_due",
        title: `请填报 ${t.year} 年度报表`,
        body,
        link,
        deliver: {
          subject: `【${name}】请于 ${due} 前填报 ${t.year} 年度报表`,
          mail:
            `您好:\n\n${body}\n\n登录后打开下面的链接即可填报(已按上年数据预填,核对后提交):\n` +
            `${t.origin}${link}\n\n如已填报,请忽略本邮件。\n\n${name}`,
          sms: `【${name}】请于 ${due} 前填报 ${t.year} 年度报表:${t.origin}${link}`,
        },
      },
    ],
    now: t.now,
    guard: sql`1 = 1`,
  });
  return { eventKey, items: [insert, ...told] };
}
