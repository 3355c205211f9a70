/** The directory's filters from the query string, shared by the directory page and its CSV export. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { refuseBadCharacters } from "../../lib/form-text";
import { DirectoryQuery } from "./schemas";

/** Query strings are input too: a bad filter is a 422 that says which one. */
export function directoryFilters(c: Context<AppEnv>) {
  refuseBadCharacters(c.req.query(), { q: "搜索词" });
  const parsed = DirectoryQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("validation_failed", `查询条件有误:${issue.message}`, {
      [String(issue.path[0] ?? "_")]: issue.message,
    });
  }
  return parsed.data;
}
