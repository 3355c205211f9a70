/**
 * What the zone admin sees of queued work: one job's progress, and the recent jobs newest first,
 * a page at a time (keyset on the id, the total counted in the same batch). One round trip each.
 */
import { count, desc, eq, lt } from "drizzle-orm";
import { jobs, type JobRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { RequestCtx } from "../../middleware/request-ctx";

export const JOBS_PAGE_SIZE = 20;

export async function getJob({ db }: Pick<RequestCtx, "db">, id: number): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  if (!row) throw new AppError("not_found", "没有这个后台任务。");
  return row;
}

export interface JobsPage {
  rows: JobRow[];
  total: number;
  /** The `after` of the next page (older jobs), or null on the last. */
  nextCursor: string | null;
}

/** `after`: the cursor of the page before (the last id it showed); the rows are older than it. */
export async function listJobs(
  { db }: Pick<RequestCtx, "db">,
  { after, limit = JOBS_PAGE_SIZE }: { after?: number | undefined; limit?: number },
): Promise<JobsPage> {
  const [rows, [counted]] = await db.batch([
    db
      .select()
      .from(jobs)
      .where(after === undefined ? undefined : lt(jobs.id, after))
      .orderBy(desc(jobs.id))
      .limit(limit + 1),
    db.select({ n: count() }).from(jobs),
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: shown, total: counted?.n ?? 0, nextCursor: more ? String(shown.at(-1)!.id) : null };
}
