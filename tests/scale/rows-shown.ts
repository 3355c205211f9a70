/**
 * How many rows a response shows: for a page, the data rows of its tables or the items of
 * its lists inside <main> (outside tables), whichever is more; for JSON, its longest array. A list that does
 * not page shows thousands of rows on a scaled zone; a paged one shows at most a page.
 */
export function rowsShown(body: string, contentType: string | null): number {
  if (contentType?.includes("application/json")) return longestArray(JSON.parse(body));
  const main = /<main[\s>][\s\S]*<\/main>/.exec(body)?.[0] ?? body;
  const dataRows = main
    .split(/<tr[\s>]/)
    .slice(1)
    .filter((row) => /<td[\s>]/.test(row.split("</tr>")[0]!)).length;
  // Items of lists outside tables: a table cell's list (a row's status chips) is part of its row, and
  // a list inside an item (a need's criteria) is part of that item.
  const items = topLevelItems(main.replace(/<table[\s>][\s\S]*?<\/table>/g, ""));
  return Math.max(dataRows, items);
}

/** `<li>` elements not inside another `<li>`. */
function topLevelItems(html: string): number {
  let depth = 0;
  let count = 0;
  for (const [tag] of html.matchAll(/<\/?li[\s>]/g)) {
    if (tag.startsWith("</")) depth = Math.max(0, depth - 1);
    else {
      if (depth === 0) count++;
      depth++;
    }
  }
  return count;
}

function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value && typeof value === "object") return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}
