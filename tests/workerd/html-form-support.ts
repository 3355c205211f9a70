/**
 * Reading a page's form as a browser would post it, for workerd tests that fill in a form
 * drawn by the server (the programme form, the preview's hidden set) without a browser.
 */

export const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The first post form's fields as drawn (name → value; ticked checkboxes, chosen options). */
export function fieldsOf(html: string): [string, string][] {
  const out: [string, string][] = [];
  const form = html.slice(html.indexOf('<form method="post"'));
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const a = m[1]!;
    const name = /name="([^"]*)"/.exec(a)?.[1];
    if (!name || (/type="checkbox"/.test(a) && !/checked/.test(a))) continue;
    out.push([name, unescapeHtml(/value="([^"]*)"/.exec(a)?.[1] ?? "")]);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g))
    out.push([m[1]!, unescapeHtml(/<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? "")]);
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out.push([m[1]!, unescapeHtml(m[2]!)]);
  return out;
}
