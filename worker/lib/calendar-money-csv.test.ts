/** The shared helpers for dates, typed amounts and CSV (worker/lib/calendar.ts, money.ts, csv.ts). */
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { yuanToFen } from "./money";
import { isCalendarDate, shanghaiDate } from "./calendar";

describe("yuanToFen reads amounts as people type them, exactly", () => {
  it.each([
    ["12345.67", 1234567],
    ["0", 0],
    ["0.1", 10],
    ["0.07", 7],
    ["1,000.01", 100001],
    [" 20 000 ", 2000000],
    ["9999999999999.99", 999999999999999],
    ["300万", 300_000_000],
    ["１.５亿元", 15_000_000_000],
  ])("%s 元 → %i fen", (text, fen) => expect(yuanToFen(text)).toEqual({ ok: true, fen }));

  it.each(["-1", "1.234", "abc", "", "1e5", "12345678901234", ".5"])("refuses %j", (text) =>
    expect(yuanToFen(text).ok).toBe(false),
  );

  it("says negatives are the problem", () =>
    expect(yuanToFen("-0.01")).toEqual({ ok: false, message: "金额不能为负数。" }));
});

describe("dates", () => {
  it("uses the Shanghai calendar: 16:30 UTC on 31 Dec is already New Year", () =>
    expect(shanghaiDate(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01"));
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["2025-1-01", false],
  ])("%s is a calendar date: %s", (s, ok) => expect(isCalendarDate(s)).toBe(ok));
});

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=1+1", "'=1+1"],
    ["+86 138", "'+86 138"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
  ])("%j → %j", (value, cell) => expect(csvCell(value)).toBe(cell));

  it("starts with a BOM and ends every line with CRLF", () =>
    expect(
      toCsv([
        ["a", null],
        [1, "b"],
      ]),
    ).toBe("\uFEFFa,\r\n1,b\r\n"));
});
