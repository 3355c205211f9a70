/**
 * The report's completion rule (../../lib/yearly-report.ts) as SQL, so a list, its counts and the
 * chase all judge "filed" in the database by the same rule the member's page applies to one row.
 */
import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { enterpriseYearlyFigures as f, enterprises, users } from "../../db/schema";
import { REPORT_FIELDS } from "../../lib/yearly-report";

/** 'filed' | 'incomplete' | 'unfiled' for `enterprises` left-joined to `yearJoin`'s figures row. */
export const filingStatusSql: SQL<"filed" | "incomplete" | "unfiled"> = sql`case
  when ${f.enterpriseId} is null then 'unfiled'
  when ${and(...REPORT_FIELDS.map((k) => isNotNull(f[k])))} then 'filed'
  else 'incomplete' end`;

/** The join condition of an enterprise to its figures for `year`. */
export const yearJoin = (year: number) => and(eq(f.enterpriseId, enterprises.id), eq(f.year, year))!;

/** The enterprises a report covers: admitted and active (a suspended one is neither counted nor chased). */
export const coveredEnterprise = eq(enterprises.status, "active");

/** An enterprise someone can be told about: at least one active member account. */
export const hasActiveMember = sql`exists (select 1 from ${users} where ${users.enterpriseId} = ${enterprises.id}
  and ${users.role} = 'enterprise' and ${users.status} = 'active')`;
