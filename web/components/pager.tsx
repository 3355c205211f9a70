/**
 * The pager under a list: how many the whole list holds, the link to the next page (keyset: it
 * carries the last row's cursor, so a row added or changed meanwhile never shifts a page) and,
 * once paged on, back to the first.
 */

export interface ListPage {
  /** Rows in the whole list, every page. */
  total: number;
  /** The next page's link, or null on the last page. */
  nextHref: string | null;
  /** The first page's link, when this is not the first page. */
  firstHref?: string | null | undefined;
}

/** `unit`: what a row is called (条, 笔, 份申报…). Either the page's links as one `page`, or spread. */
export function Pager(props: ({ page: ListPage } | ListPage) & { unit: string }) {
  const page = "page" in props ? props.page : props;
  const { unit } = props;
  if (!page.nextHref && !page.firstHref) return null;
  return (
    <nav class="pager" aria-label="分页">
      <span>
        共 {page.total} {unit}
      </span>{" "}
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
  o: { total: number; nextCursor: string | null; paged: boolean },
): ListPage {
  return {
    total: o.total,
    nextHref: o.nextCursor ? pageHref(path, params, o.nextCursor) : null,
    firstHref: o.paged ? pageHref(path, params) : null,
  };
}
