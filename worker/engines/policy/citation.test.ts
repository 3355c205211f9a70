/** Clause ids are cited as a Chinese reader expects: 第十四条, 第四部分(三)第2项. */
import { describe, expect, it } from "vitest";
import { chineseNumber, citeClause } from "./citation";

describe("chineseNumber", () => {
  it.each([
    [0, "零"],
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [14, "十四"],
    [19, "十九"],
    [20, "二十"],
    [27, "二十七"],
    [30, "三十"],
    [99, "九十九"],
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [115, "一百一十五"],
    [120, "一百二十"],
    [305, "三百零五"],
    [999, "九百九十九"],
  ])("writes %s as %s", (n, zh) => {
    expect(chineseNumber(n)).toBe(zh);
  });
});

describe("citeClause", () => {
  it.each([
    ["14", "第十四条"],
    ["10", "第十条"],
    ["20", "第二十条"],
    ["27", "第二十七条"],
    ["1", "第一条"],
  ])("cites clause %s as %s", (id, zh) => {
    expect(citeClause(id)).toBe(zh);
  });

  it("cites a dotted id by part, item and point", () => {
    expect(citeClause("4.3.2")).toBe("第四部分(三)第2项");
  });

  it("cites a two-level id by part and item", () => {
    expect(citeClause("2.3")).toBe("第二部分(三)");
    expect(citeClause("4.10")).toBe("第四部分(十)");
  });
});
