/**
 * Taking an application's number inside the write batch that creates it:
 *
 *   db.batch([
 *     takeNumber(db, "loan", year),
 *     db.insert(loanApplications).values({ …, ...numberValues("loan", year) }),
 *     …,
 *   ])
 *
 * The first statement bumps the (kind, year) counter, creating it at 1; the
 * insert reads the counter back in the same transaction. A batch is one
 * transaction and SQLite has one writer at a time, so two creates can never
 * read the same value, and a failed batch takes no number with it (no gaps from
 * refused requests). The unique index on (number_year, number_seq) of each
 * table is the last word should anything else write there.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "./open";
import { applicationNumbers, type NumberKind } from "./tables/numbers";

/** The counter's upsert: put it in the batch before the insert that uses numberValues. */
export function takeNumber(db: TenantDb, kind: NumberKind, year: number) {
  return db
    .insert(applicationNumbers)
    .values({ kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [applicationNumbers.kind, applicationNumbers.year],
      set: { last: sql`${applicationNumbers.last} + 1` },
    });
}

/** The number just taken, as SQL, for a value written later in the same batch. */
export function takenSeq(kind: NumberKind, year: number): SQL<number> {
  const where = and(eq(applicationNumbers.kind, kind), eq(applicationNumbers.year, year));
  return sql<number>`(select ${applicationNumbers.last} from ${applicationNumbers} where ${where})`;
}

/** The row's number columns for its insert, in the same batch after takeNumber. */
export function numberValues(kind: NumberKind, year: number): { numberYear: number; numberSeq: SQL<number> } {
  return { numberYear: year, numberSeq: takenSeq(kind, year) };
}

/**
 * The number just taken written out ("ZB-DK-2026-000045" for prefix "ZB-DK-"), for a message built in the same batch.
 */
export function takenNumberText(prefix: string, kind: NumberKind, year: number): SQL<string> {
  return sql<string>`(${`${prefix}${year}-`} || printf('%06d', ${takenSeq(kind, year)}))`;
}
