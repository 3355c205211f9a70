/** Application numbers read the same everywhere, and a search finds them however they are typed. */
import { describe, expect, it } from "vitest";
import { applicationNumber, parseApplicationNumber } from "./application-number";
import { zoneCode } from "../../tenants/schema";

const zibo = { slug: "zibo", code: "ZB" };

describe("application numbers", () => {
  it("writes the zone's letters, a loan's mark, the year and six digits", () => {
    expect(applicationNumber(zibo, "subsidy", { numberYear: 2026, numberSeq: 123 })).toBe("ZB-2026-000123");
    expect(applicationNumber(zibo, "loan", { numberYear: 2026, numberSeq: 45 })).toBe("ZB-DK-2026-000045");
    expect(applicationNumber(zibo, "subsidy", { numberYear: 2026, numberSeq: 1_234_567 })).toBe("ZB-2026-1234567");
    expect(applicationNumber(zibo, "subsidy", { numberYear: null, numberSeq: null })).toBeNull();
  });

  it("takes the slug's initials when a zone names no code", () => {
    expect(zoneCode({ slug: "zibo" })).toBe("ZI");
    expect(zoneCode({ slug: "new-east-area" })).toBe("NEA");
    expect(zoneCode({ slug: "dongying", code: "DY" })).toBe("DY");
  });

  it.each([
    ["ZB-2026-000123", { year: 2026, seq: 123 }],
    ["zb-2026-123", { year: 2026, seq: 123 }],
    [" 2026-000123 ", { year: 2026, seq: 123 }],
    ["ＺＢ－２０２６－０００１２３", { year: 2026, seq: 123 }],
    ["ZB—2026—000123", { year: 2026, seq: 123 }],
  ])("reads %j as a subsidy number", (text, want) =>
    expect(parseApplicationNumber(zibo, "subsidy", text)).toEqual(want),
  );

  it.each([["ZB-DK-2026-000045"], ["DK-2026-45"], ["2026-000045"]])("reads %j as a loan number", (text) => {
    expect(parseApplicationNumber(zibo, "loan", text)).toEqual({ year: 2026, seq: 45 });
  });

  it("does not read a subsidy number as a loan number", () =>
    expect(parseApplicationNumber(zibo, "loan", "ZB-2026-000045")).toBeNull());

  it.each([
    ["DY-2026-000123"],
    ["ZB-DK-2026-000123"],
    ["ZB-2026-000000"],
    ["2026"],
    ["科技"],
    ["ZB-26-000123"],
    ["X-ZB-2026-1"],
  ])("does not read %j as a subsidy number of this zone", (text) => {
    expect(parseApplicationNumber(zibo, "subsidy", text)).toBeNull();
  });
});
