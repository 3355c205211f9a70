/**
 * The calculator's past-award rows: form text to history entries (each wrong field named), and records back to
 * rows.
 */
import { describe, expect, it } from "vitest";
import { awardField, MAX_AWARD_ROWS } from "../../../web/pages/policy/calculator-fields";
import { awardsToForm, formToAwards } from "./calculator-history";

const programmes = new Set(["zibo-tech-contract", "zibo-hitech-first-fail"]);
const today = "2026-06-30";
const row = (i: number, programme: string, date: string, amount: string) => ({
  [awardField(i, "programme")]: programme,
  [awardField(i, "date")]: date,
  [awardField(i, "amount")]: amount,
});

describe("政策计算器's past award rows", () => {
  it("reads filled rows into history entries, amounts through the one money parser, empty rows as nothing", () => {
    const r = formToAwards(
      {
        ...row(0, "zibo-tech-contract", "2026-03-01", "10万"),
        ...row(1, "", "", ""),
        ...row(2, "zibo-hitech-first-fail", "2024/08/15", "30,000"),
      },
      { programmes, today },
    );
    expect(r.errors).toEqual({});
    expect(r.entries).toEqual([
      { programme: "zibo-tech-contract", awardedOn: "2026-03-01", amountFen: 10_000_000 },
      { programme: "zibo-hitech-first-fail", awardedOn: "2024-08-15", amountFen: 3_000_000 },
    ]);
    expect(r.rows).toHaveLength(2);
  });

  it("names each wrong field of a half-filled or impossible row", () => {
    const r = formToAwards(
      {
        ...row(0, "no-such", "2026-02-30", ""),
        ...row(1, "zibo-tech-contract", "2026-07-01", "十万"),
        ...row(2, "zibo-tech-contract", "1989-12-31", "-5"),
      },
      { programmes, today },
    );
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        awardField(0, "amount"),
        awardField(0, "date"),
        awardField(0, "programme"),
        awardField(1, "amount"),
        awardField(1, "date"),
        awardField(2, "amount"),
        awardField(2, "date"),
      ].sort(),
    );
    expect(r.errors[awardField(1, "date")]).toBe("第 2 项的获得日期须在 1990-01-01 至 2026-06-30 之间。");
    expect(r.entries).toEqual([]);
  });

  it("reads at most 10 rows, and writes an enterprise's records back most recent first", () => {
    const raw = Object.assign(
      {},
      ...Array.from({ length: 12 }, (_, i) => row(i, "zibo-tech-contract", "2026-01-01", "1")),
    );
    expect(formToAwards(raw, { programmes, today }).entries).toHaveLength(MAX_AWARD_ROWS);
    expect(
      awardsToForm([
        { programme: "a", on: "2025-01-01", amountFen: 100, inProgress: false },
        { programme: "b", on: "2026-02-01", amountFen: 2_000_050, inProgress: true },
      ]),
    ).toEqual([
      { programme: "b", date: "2026-02-01", amount: "20000.50" },
      { programme: "a", date: "2025-01-01", amount: "1" },
    ]);
  });
});
