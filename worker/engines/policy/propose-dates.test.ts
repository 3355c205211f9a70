import { describe, expect, it } from "vitest";
import { compilePolicySet } from "./compile";
import type { ProgrammeInput } from "./format/programme";
import { proposeProgrammeCases } from "./propose-cases";
import { addDays } from "./propose-dates";
import { compileSet, NAMES, programmeInput } from "./test-support";

function dated(over: Partial<ProgrammeInput>) {
  const p = programmeInput(over);
  const bare = compilePolicySet({ ...compileSet([p]).set, cases: [] }, NAMES);
  return proposeProgrammeCases(bare, p.id)
    .cases.filter((x) => x.case.name.includes("·日期:"))
    .map((x) => [x.why.split(":")[0], x.case.date, x.result]);
}

describe("proposals for the days a programme is open", () => {
  it("either side of each application window, and before the document takes effect", () => {
    // The window's last day is the first case's own (the open day nearest the cases' default), so not repeated.
    expect(dated({ windows: [{ from: "2026-03-01", to: "2026-03-31" }] })).toEqual([
      ["申报期2026-03-01至2026-03-31开始前一天", "2026-02-28", "不符合条件"],
      ["申报期2026-03-01至2026-03-31的第一天", "2026-03-01", "符合条件,补助1元"],
      ["申报期2026-03-01至2026-03-31截止后一天", "2026-04-01", "不符合条件"],
      ["政策文件施行前一天", "2019-12-31", "不符合条件"],
    ]);
  });

  it("counts days across months and leap years", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });
});
