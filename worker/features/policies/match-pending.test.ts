/** 政策匹配 says each thing the platform does not know once, on Zibo's real programmes. */
import { describe, expect, it } from "vitest";
import { loadPolicySet } from "../../../tenants/policy-sets";
import zone from "../../../tenants/zibo/zone";
import { compilePolicySet } from "../../engines/policy/compile";
import { evaluate } from "../../engines/policy/evaluate";
import { pendingItems } from "./match-pending";

const compiled = async () => compilePolicySet(await loadPolicySet(zone), zone);
const PROFILE = { qualifications: ["hnte"], industry: null, employees: 120, registeredCapitalFen: null, figures: [] };

describe("what a match still needs", () => {
  it("names an unknown condition by the fact it waits for, once (运行管理完善 / 平台运行管理完善)", async () => {
    const p = (await compiled()).programmes.get("zibo-public-service-platform")!;
    const result = evaluate(p, { facts: {}, profile: PROFILE, date: "2026-06-01" });
    // The engine reports the condition and its fact separately…
    expect(result.conditions.find((c) => c.id === "well-managed")).toMatchObject({
      label: "运行管理完善",
      result: "unknown",
    });
    expect(result.missing.map((m) => m.label)).toContain("平台运行管理完善");
    // …the page says it once.
    const items = pendingItems(p, result);
    expect(items).toContain("平台运行管理完善");
    expect(items).not.toContain("运行管理完善");
    for (const m of result.missing) expect(items.filter((i) => i.includes(m.label))).toHaveLength(1);
  });

  it("keeps a condition's words when they differ from its facts, and lists facts only the amount needs", async () => {
    const p = (await compiled()).programmes.get("zibo-rd-inclusive")!;
    const result = evaluate(p, { facts: {}, profile: PROFILE, date: "2026-06-01" });
    expect(pendingItems(p, result)).toEqual([
      "年销售收入与研发投入比例达到规定档次(需提供年销售收入、研发投入)",
      "当年研发费用加计扣除额",
      "上年度研发费用加计扣除额",
    ]);
  });

  it("says nothing when nothing is unknown", async () => {
    const p = (await compiled()).programmes.get("zibo-public-service-platform")!;
    const result = evaluate(p, {
      facts: { wellManaged: true, servesSmes: true },
      profile: PROFILE,
      date: "2026-06-01",
    });
    expect(result.missing).toEqual([]);
    expect(pendingItems(p, result).filter((i) => /运行管理|中小微/.test(i))).toEqual([]);
  });
});
