/**
 * The pager under a 金融超市 list: how many rows the whole list holds, and the
 * link to the next page (keyset: the link carries the last row's cursor, so
 * rows added meanwhile never shift a page) and back to the first.
 */

export interface PagerProps {
  /** Rows in the whole list, every page. */
  total: number;
  /** What a row is called: 条, 笔, 个. */
  unit: string;
  /** The next page's link, or null on the last page. */
  nextHref: string | null;
  /** The first page's link, shown once the reader has paged on. */
  firstHref?: string | null | undefined;
}

export function Pager({ total, unit, nextHref, firstHref }: PagerProps) {
  if (!nextHref && !firstHref) return null;
  return (
    <nav class="pager" aria-label="分页">
      <span>
        共 {total} {unit}
      </span>
      {firstHref && (
        <a href={firstHref} rel="first">
          回到第一页
        </a>
      )}
      {nextHref && (
        <a href={nextHref} rel="next">
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
