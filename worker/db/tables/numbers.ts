/**
 * Application numbers people can read out and search (ZB-2026-000123): one
 * counter per kind and year (Asia/Shanghai). A create takes the next number in
 * the same write batch that inserts the row (see worker/db/application-numbers.ts),
 * and a unique index on (year, seq) of each table makes a duplicate impossible.
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const NUMBER_KINDS = ["subsidy", "loan"] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

export const applicationNumbers = sqliteTable(
  "application_numbers",
  {
    kind: text("kind", { enum: NUMBER_KINDS }).notNull(),
    year: integer("year").notNull(),
    /** The last sequence number taken in this year. */
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);
