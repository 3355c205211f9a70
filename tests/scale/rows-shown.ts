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
  // Items of lists outside tables: a table cell's list (a row's status chips) is part of its row.
  const items = (main.replace(/<table[\s>][\s\S]*?<\/table>/g, "").match(/<li[\s>]/g) ?? []).length;
  return Math.max(dataRows, items);
}

function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value && typeof value === "object") return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}
