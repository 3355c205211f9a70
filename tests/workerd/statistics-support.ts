/**
 * Reading figures while other files write to the same zone database (statistics.test.ts): a pair of
 * answers compared only once nothing moved between them, and the years the zone's data spans.
 */
import { sql } from "drizzle-orm";
import { dbFor } from "./auth-support";
import { slug } from "./subsidies-support";

/** This year in Asia/Shanghai. */
export const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** `first` read, `other` read, `first` read again: the pair once nothing moved between them. */
export async function steady<A, B>(first: () => Promise<A>, other: () => Promise<B>): Promise<[A, B]> {
  for (let i = 0; i < 8; i++) {
    const a = await first();
    const b = await other();
    const again = await first();
    if (JSON.stringify(a) === JSON.stringify(again)) return [a, b];
  }
  throw new Error("the zone's data kept changing under the comparison");
}

/** Every year (Asia/Shanghai) any row of the zone's data falls in, so sums over them cover every row. */
export async function dataYears(): Promise<number[]> {
  const [row] = await dbFor(slug).all<{ lo: number | null }>(sql`select min(t) as lo from (
    select min(submitted_at) as t from subsidy_applications union all select min(decided_at) from subsidy_applications
    union all select min(created_at) from financing_needs union all select min(submitted_at) from loan_applications
    union all select strftime('%s', min(paid_on)) * 1000 from subsidy_payments)`);
  const first = row?.lo ? Number(new Date(Number(row.lo) + 8 * 3_600_000).toISOString().slice(0, 4)) : thisYear;
  return Array.from({ length: thisYear - first + 1 }, (_, i) => first + i);
}
