/**
 * Units counted across applications from the facts earlier awards were made on:
 * "同一单位同一年度…超过10件" (extra.perYear) and "最多不超过3个国家或地区" per
 * invention (maxUnitsPer); an award that did not record its units leaves the
 * amount unknown instead of guessing. Also the award history's own format.
 */
import { describe, expect, it } from "vitest";
import { awardSchema } from "./format/programme";
import type { Award } from "./format/programme";
import { compileSet, conditionOf, fact, programmeInput, run, stepsTotal } from "./test-support";

const yuan = (n: number) => n * 100;
const WAN = 1_000_000;

describe("extra.perYear: 超过N件 counts this year's earlier awards", () => {
  const p = compileSet([
    programmeInput({
      facts: [fact("filings", "count", { unit: "件" })],
      amount: [
        {
          kind: "perUnit",
          label: "申请补助",
          fact: "filings",
          fen: yuan(1000),
          extra: { over: 10, fen: yuan(1000), perYear: true },
        },
      ],
    }),
    programmeInput({ id: "other-prog" }),
  ]).programmes.get("test-prog")!;
  const earlier = (year: number, filings?: number, programme = "test-prog"): Award => ({
    programme,
    year,
    amountFen: yuan(1000),
    ...(filings === undefined ? {} : { facts: { filings } }),
  });

  it.each([
    ["under: 5 before, 4 now, 9 in the year", 5, 4, yuan(4000)],
    ["at: 6 before, 4 now, exactly 10, no extra", 6, 4, yuan(4000)],
    ["over: 8 before, 4 now, 12 in the year, 2 extra", 8, 4, yuan(6000)],
    ["all over: 12 before, 3 now, every one extra", 12, 3, yuan(6000)],
  ])("%s", (_, before, now, fen) => {
    const e = run(p, { filings: now }, { history: [earlier(2026, before)] });
    expect(e).toMatchObject({ eligible: true, amountFen: fen });
    expect(stepsTotal(e)).toBe(fen);
  });

  it("says how the year's count was reached", () => {
    const e = run(p, { filings: 4 }, { history: [earlier(2026, 8)] });
    expect(e.steps[1]!.description).toBe("申请补助追加:本年度此前已计8件,连同本次共12件,超过10件的2件每件再加1,000元");
  });

  it("ignores other years and other programmes", () => {
    expect(run(p, { filings: 4 }, { history: [earlier(2025, 20), earlier(2026, 20, "other-prog")] }).amountFen).toBe(
      yuan(4000),
    );
  });

  it("an award this year that did not record its count leaves the result unknown, not guessed", () => {
    const e = run(p, { filings: 4 }, { history: [earlier(2026)] });
    expect(e.eligible).toBe("unknown");
    expect(conditionOf(e, "history-units-1")).toMatchObject({
      result: "unknown",
      reason: "2026年度已有申请补助未载明filings项,超过10件的追加按全年累计件数核定",
    });
  });
});

describe("maxUnitsPer: a unit cap counted per identity across applications", () => {
  const p = compileSet([
    programmeInput({
      facts: [fact("grants", "count", { unit: "件" }), fact("family", "text", { optional: true })],
      amount: [
        { kind: "perUnit", label: "授权奖励", fact: "grants", fen: 5 * WAN, maxUnits: 3, maxUnitsPer: "family" },
      ],
    }),
  ]).programmes.get("test-prog")!;
  const earlier = (facts?: Award["facts"]): Award => ({
    programme: "test-prog",
    year: 2025,
    amountFen: 5 * WAN,
    ...(facts ? { facts } : {}),
  });

  it.each([
    ["under: 1 before, 1 now", 1, 1, 5 * WAN],
    ["at: 1 before, 2 now, 3 in all", 1, 2, 10 * WAN],
    ["over: 2 before, 2 now, 1 counted", 2, 2, 5 * WAN],
    ["used up: 3 before, nothing more", 3, 1, 0],
  ])("same family, %s", (_, before, now, fen) => {
    expect(
      run(p, { grants: now, family: "F1" }, { history: [earlier({ family: "F1", grants: before })] }).amountFen,
    ).toBe(fen);
  });

  it("another family has its own 3", () => {
    expect(run(p, { grants: 3, family: "F2" }, { history: [earlier({ family: "F1", grants: 3 })] }).amountFen).toBe(
      15 * WAN,
    );
  });

  it("an earlier award that recorded no units of this kind is no obstacle", () => {
    expect(run(p, { grants: 2 }, { history: [earlier({ grants: 0 })] })).toMatchObject({
      eligible: true,
      amountFen: 10 * WAN,
    });
  });

  it("an earlier award without its family, or this one without a family, leaves it unknown", () => {
    expect(conditionOf(run(p, { grants: 2, family: "F1" }, { history: [earlier()] }), "history-units-1")!.result).toBe(
      "unknown",
    );
    const e = run(p, { grants: 2 }, { history: [earlier({ family: "F1", grants: 1 })] });
    expect(e.eligible).toBe("unknown");
    expect(conditionOf(e, "history-units-1")!.reason).toBe(
      "授权奖励按family项累计最多计3件;需提供family项,才能核对此前已计件数",
    );
  });

  it("without history, the cap applies to this application as before", () => {
    expect(run(p, { grants: 4 }).amountFen).toBe(15 * WAN);
  });
});

describe("award history format", () => {
  it("accepts the facts an award was made on and keeps older entries valid", () => {
    expect(awardSchema.parse({ programme: "p", year: 2025, amountFen: 1 })).toEqual({
      programme: "p",
      year: 2025,
      amountFen: 1,
    });
    expect(
      awardSchema.parse({
        programme: "p",
        year: 2025,
        amountFen: 1,
        facts: { level: "national", filings: 3, ok: true },
      }).facts,
    ).toEqual({ level: "national", filings: 3, ok: true });
  });

  it("refuses unknown keys, bad fact names, objects as values and more than 40 facts", () => {
    expect(awardSchema.safeParse({ programme: "p", year: 2025, amountFen: 1, extra: 1 }).success).toBe(false);
    expect(awardSchema.safeParse({ programme: "p", year: 2025, amountFen: 1, facts: { "Bad Name": 1 } }).success).toBe(
      false,
    );
    expect(
      awardSchema.safeParse({ programme: "p", year: 2025, amountFen: 1, facts: { level: { a: 1 } } }).success,
    ).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, i]));
    expect(awardSchema.safeParse({ programme: "p", year: 2025, amountFen: 1, facts: many }).success).toBe(false);
  });
});
