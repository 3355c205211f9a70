/**
 * A programme's amount is said once, in the clause's own words: a label that quotes
 * the rule ("新建孵化用房每平方米100元,上限100万元") is not followed by the same rule
 * again, and a label that states 1亿元 is not followed by "10,000万元".
 */
import { describe, expect, it } from "vitest";
import { compilePolicySet } from "../worker/engines/policy/compile";
import { summariseAmount } from "../worker/engines/policy/describe";
import { evaluate } from "../worker/engines/policy/evaluate";
import { zones } from "./index";
import { loadPolicySet } from "./policy-sets";

const loaded = await Promise.all(
  zones.all().map(async (zone) => ({ zone, compiled: compilePolicySet(await loadPolicySet(zone), zone) })),
);
const zibo = loaded.find((l) => l.zone.slug === "zibo")!.compiled;

describe("zibo amount texts", () => {
  it("孵化用房补助 states each rate and cap once", () => {
    const summary = summariseAmount(zibo.programmes.get("zibo-incubator-floor-area")!);
    expect(summary).toContain("新建孵化用房每平方米100元,上限100万元");
    expect(summary.split("每平方米100元,上限100万元").length - 1).toBe(1);
    expect(summary.split("每平方米50元,上限50万元").length - 1).toBe(1);
  });

  it("整建制引进 keeps the clause's 1亿元 in its label, in the summary and in the step", () => {
    const p = zibo.programmes.get("zibo-whole-institution-attraction")!;
    expect(summariseAmount(p)).toContain("不低于1亿元支持(下限)");
    expect(summariseAmount(p)).not.toContain("10,000万元");
    const steps = evaluate(p, { facts: { wholeRelocation: true }, history: [], date: "2026-06-01" }).steps;
    expect(steps.map((s) => s.description)).toContain("不低于1亿元支持(下限)");
    expect(steps.map((s) => s.description).join(";")).not.toContain("10,000万元");
  });
});

describe.each(loaded)("$zone.slug amount summaries", ({ compiled }) => {
  it("never repeat a label's rule after its colon", () => {
    for (const p of compiled.list) {
      for (const part of summariseAmount(p).split(";")) {
        const [head, tail] = part.split(":");
        if (tail) expect(head!.endsWith(tail), `${p.id}: ${part}`).toBe(false);
      }
    }
  });
});
