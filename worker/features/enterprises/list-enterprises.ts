/**
 * The zone's enterprise directory for staff: search by name or USCC substring,
 * filter by priority industry, verified qualification and status, one page at a
 * time in name order. Each row carries its verified qualification codes and its
 * latest reported operating revenue (correlated subqueries, not a read per row).
 * The page, its total and its position are one batch: one round trip, whatever the
 * zone's size. Filters are SQL on indexes (organisations.ts, enterprise-profile.ts); the
 * substring search walks the name index (name, id, uscc) and reads a table row only for a
 * match, so it never scans the table nor filters rows in JS.
 */
import { and, asc, count, desc, eq, exists, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterpriseYearlyFigures, enterprises } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import { decodeDirectoryCursor, type DirectoryKey, encodeDirectoryCursor } from "./directory-paging";
import type { DirectoryFilters } from "./schemas";

export const DIRECTORY_PAGE_SIZE = 20;

type Filters = Partial<DirectoryFilters>;

/**
 * The filters as SQL. The qualification filter is asked two ways: the page walks names and
 * probes each enterprise (EXISTS, stopping once the page is full); the count starts from the
 * qualification's index (IN), which never touches the enterprises it does not count.
 */
function filtersWhere(db: TenantDb, f: Filters, forCount: boolean): SQL[] {
  const conditions: SQL[] = [];
  // instr(), not LIKE: a % or _ typed into the search box means itself.
  if (f.q)
    conditions.push(
      sql`(instr(${enterprises.name}, ${f.q}) > 0 OR instr(${enterprises.uscc}, ${f.q.toUpperCase()}) > 0)`,
    );
  if (f.industry) conditions.push(eq(enterprises.industry, f.industry));
  if (f.status) conditions.push(eq(enterprises.status, f.status));
  if (f.qualification) {
    const holders = and(
      eq(enterpriseQualifications.code, f.qualification),
      eq(enterpriseQualifications.status, "verified"),
    );
    conditions.push(
      forCount
        ? inArray(
            enterprises.id,
            db.select({ id: enterpriseQualifications.enterpriseId }).from(enterpriseQualifications).where(holders),
          )
        : exists(
            db
              .select({ one: sql`1` })
              .from(enterpriseQualifications)
              .where(and(holders, eq(enterpriseQualifications.enterpriseId, enterprises.id))),
          ),
    );
  }
  return conditions;
}

/** Verified qualification codes, comma-joined (codes are [a-z0-9-]), of the enterprise on the outer row. */
const verifiedCodes = (db: TenantDb) =>
  sql<string | null>`(${db
    .select({ codes: sql`group_concat(${enterpriseQualifications.code}, ',')` })
    .from(enterpriseQualifications)
    .where(
      and(eq(enterpriseQualifications.enterpriseId, enterprises.id), eq(enterpriseQualifications.status, "verified")),
    )})`;
/** [year, revenue_fen] of the newest year with a revenue, as JSON. */
const latestRevenue = (db: TenantDb) =>
  sql<string | null>`(${db
    .select({ pair: sql`json_array(${enterpriseYearlyFigures.year}, ${enterpriseYearlyFigures.revenueFen})` })
    .from(enterpriseYearlyFigures)
    .where(and(eq(enterpriseYearlyFigures.enterpriseId, enterprises.id), isNotNull(enterpriseYearlyFigures.revenueFen)))
    .orderBy(desc(enterpriseYearlyFigures.year))
    .limit(1)})`;

const keyAfter = ([name, id]: DirectoryKey) => sql`(${enterprises.name}, ${enterprises.id}) > (${name}, ${id})`;
const keyBefore = ([name, id]: DirectoryKey) => sql`(${enterprises.name}, ${enterprises.id}) < (${name}, ${id})`;
const keyUpTo = ([name, id]: DirectoryKey) => sql`(${enterprises.name}, ${enterprises.id}) <= (${name}, ${id})`;

/** The select of directory rows (with their codes and revenue) under `where`, in name order or its reverse. */
function rowsQuery(db: TenantDb, where: SQL | undefined, forward: boolean) {
  return db
    .select({ e: enterprises, codes: verifiedCodes(db), revenue: latestRevenue(db) })
    .from(enterprises)
    .where(where)
    .orderBy(
      ...(forward ? [asc(enterprises.name), asc(enterprises.id)] : [desc(enterprises.name), desc(enterprises.id)]),
    );
}

function entryOf(r: { e: typeof enterprises.$inferSelect; codes: string | null; revenue: string | null }) {
  const revenue = r.revenue ? (JSON.parse(r.revenue) as [number, number]) : null;
  return {
    ...r.e,
    qualifications: r.codes ? r.codes.split(",").sort() : [],
    latestRevenue: revenue ? { year: revenue[0], revenueFen: revenue[1] } : null,
  };
}

/**
 * One page: after/before a cursor (the pager), or the `page`-th by offset (older links).
 * `pendingQualifications` adds the count of claims awaiting review to the same batch;
 * `counted: false` (the export's chunks) leaves out the total and the page number.
 */
export async function listEnterprises(
  { db }: Pick<RequestCtx, "db">,
  filters: Filters,
  opts: { pendingQualifications?: boolean; pageSize?: number; counted?: boolean } = {},
) {
  const size = opts.pageSize ?? DIRECTORY_PAGE_SIZE;
  const counted = opts.counted ?? true;
  const countWhere = filtersWhere(db, filters, true);
  const before = filters.before ? decodeDirectoryCursor(filters.before, "before") : null;
  const after = !before && filters.after ? decodeDirectoryCursor(filters.after, "after") : null;
  const offset = before || after ? 0 : ((filters.page ?? 1) - 1) * size;
  const forward = !before;
  const keyed = before ? [keyBefore(before)] : after ? [keyAfter(after)] : [];
  // The rows before a keyed page, to number it (an offset page knows its own).
  const position = before ? keyBefore(before) : after ? keyUpTo(after) : null;
  const countOf = (...where: SQL[]) =>
    db
      .select({ n: count() })
      .from(enterprises)
      .where(and(...where));
  // A placeholder that reads nothing, so the batch keeps its shape.
  const nothing = db.select({ n: count() }).from(enterprises).limit(0);
  const [[total], read, [preceding], [pending]] = await db.batch([
    counted ? countOf(...countWhere) : nothing,
    rowsQuery(db, and(...filtersWhere(db, filters, false), ...keyed), forward)
      .limit(size + 1)
      .offset(offset),
    counted && position ? countOf(...countWhere, position) : nothing,
    opts.pendingQualifications
      ? db
          .select({ n: count() })
          .from(enterpriseQualifications)
          .where(eq(enterpriseQualifications.status, "pending_review"))
      : nothing,
  ]);
  const more = read.length > size;
  const rows = (forward ? read.slice(0, size) : read.slice(0, size).reverse()).map(entryOf);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = forward ? more : true;
  const hasPrev = forward ? offset > 0 || after !== null : more;
  // Going back, the rows before the cursor include the page itself.
  const rowsBefore = position ? Math.max(0, (preceding?.n ?? 0) - (before ? rows.length : 0)) : offset;
  return {
    total: total?.n ?? 0,
    page: Math.floor(rowsBefore / size) + 1,
    pageSize: size,
    enterprises: rows,
    nextCursor: hasNext && last ? encodeDirectoryCursor([last.name, last.id]) : null,
    prevCursor: hasPrev && first ? encodeDirectoryCursor([first.name, first.id]) : null,
    pendingQualifications: pending?.n ?? 0,
  };
}

/**
 * Every match, for the CSV export: read in keyset chunks (one round trip each) rather
 * than in one read of thousands of rows; the first chunk carries the total.
 */
export async function* directoryChunks(ctx: Pick<RequestCtx, "db">, filters: Filters, chunk = 500) {
  let after: string | undefined;
  let firstChunk = true;
  for (;;) {
    const page = await listEnterprises(
      ctx,
      { ...filters, page: 1, after, before: undefined },
      { pageSize: chunk, counted: firstChunk },
    );
    yield page;
    if (!page.nextCursor) return;
    after = page.nextCursor;
    firstChunk = false;
  }
}

export type DirectoryResult = Awaited<ReturnType<typeof listEnterprises>>;
export type DirectoryEntry = DirectoryResult["enterprises"][number];
