/**
 * The pager under a list: how many the whole list holds, the link to the next page (keyset: it
 * carries the last row's cursor, so a row added or changed meanwhile never shifts a page), for a
 * list that pages back too the page before, and, once paged on, back to the first. One pager for
 * every list: the same markup, the same words (上一页 / 回到第一页 / 下一页).
 */

export interface ListPage {
  /** Rows in the whole list, every page. */
  total: number;
  /** The next page's link, or null on the last page. */
  nextHref: string | null;
  /** The first page's link, when this is not the first page. */
  firstHref?: string | null | undefined;
  /** The page before's link (keyset: `before` the first row shown), for a list that pages back. */
  prevHref?: string | null | undefined;
}

interface PagerWording {
  /** What a row is called (条, 笔, 份申报…): the count reads 共 N <unit>. */
  unit?: string;
  /** The count in the list's own words instead (第 2 / 5 页), or null when the page shows it elsewhere. */
  summary?: string | null;
  /** Shown on a single page too: the count lives in the pager (用户管理, 企业名录). */
  always?: boolean;
}

/** Either the page's links as one `page`, or spread. */
export function Pager(props: ({ page: ListPage } | ListPage) & PagerWording) {
  const page = "page" in props ? props.page : props;
  const { unit = "条", summary, always = false } = props;
  if (!always && !page.nextHref && !page.firstHref && !page.prevHref) return null;
  const count = summary === undefined ? `共 ${page.total} ${unit}` : summary;
  return (
    <nav class="pager" aria-label="分页">
      {count !== null && <span>{count}</span>}{" "}
      {page.prevHref && (
        <>
          <a href={page.prevHref} rel="prev">
            上一页
          </a>{" "}
        </>
      )}
      {page.firstHref && (
        <a href={page.firstHref} rel="first">
          回到第一页
        </a>
      )}{" "}
      {page.nextHref && (
        <a href={page.nextHref} rel="next">
          下一页
        </a>
      )}
    </nav>
  );
}

/** `path` with the query `params` (empty values left out) and, when given, the cursor `after`. */
export function pageHref(path: string, params: Record<string, string | undefined>, after?: string | null): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  if (after) q.set("after", after);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The pager's links for a page of `path` filtered by `params`. */
export function listPage(
  path: string,
  params: Record<string, string | undefined>,
  o: { total: number; nextCursor: string | null; paged: boolean; prevCursor?: string | null },
): ListPage {
  return {
    total: o.total,
    nextHref: o.nextCursor ? pageHref(path, params, o.nextCursor) : null,
    firstHref: o.paged ? pageHref(path, params) : null,
    prevHref: o.prevCursor ? pageHref(path, { ...params, before: o.prevCursor }) : null,
  };
}
