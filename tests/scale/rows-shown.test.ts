/** The row counter the scale check relies on: tables' data rows, list items in <main>, JSON arrays. */
import { describe, expect, it } from "vitest";
import { rowsShown } from "./rows-shown";

describe("rowsShown", () => {
  it("counts a page's data rows, not its header row, and list items inside <main> only", () => {
    const page =
      "<nav><ul><li>a</li><li>b</li></ul></nav><main><table><tr><th>x</th></tr>" +
      "<tr><td>1</td></tr><tr><td>2</td></tr></table><ul><li>only</li></ul></main>";
    expect(rowsShown(page, "text/html")).toBe(2);
  });
  it("counts a list inside a table cell as part of its row", () => {
    const page = "<main><table><tr><td><ul><li>草稿 3</li><li>审核中 5</li></ul></td></tr></table></main>";
    expect(rowsShown(page, "text/html")).toBe(1);
  });
  it("counts a list inside a list item as part of that item", () => {
    const page =
      "<main><ol><li>需求 1<ul><li>额度</li><li>期限</li></ul></li><li>需求 2<ul><li>额度</li></ul></li></ol></main>";
    expect(rowsShown(page, "text/html")).toBe(2);
  });
  it("takes a JSON body's longest array, however deep", () => {
    expect(rowsShown(JSON.stringify({ items: [1, 2, 3], meta: { tags: [[1, 2, 3, 4, 5]] } }), "application/json")).toBe(
      5,
    );
  });
});
