/**
 * Every zone's policy set loads and every one of its cases passes, one test
 * per case under its own name, so a failing case names itself and what is
 * wrong (the same check that stops a version from being published).
 */
import { describe, expect, it } from "vitest";
import { compilePolicySet } from "../worker/engines/policy/compile";
import { runCase } from "../worker/engines/policy/cases";
import type { Component } from "../worker/engines/policy/format/amounts";
import { zones } from "./index";
import { loadPolicySet } from "./policy-sets";

const loaded = await Promise.all(zones.all().map(async (zone) => ({ zone, set: await loadPolicySet(zone) })));

describe.each(loaded)("$zone.slug policy set", ({ zone, set }) => {
  const compiled = compilePolicySet(set, zone);

  it("loads for its own zone, from the zone's documents", () => {
    expect(set.zone).toBe(zone.slug);
    const zoneDocs = new Set(zone.documents.map((d) => d.id));
    for (const p of set.programmes) expect(zoneDocs, `${p.id} cites document ${p.document}`).toContain(p.document);
    expect(compiled.list.map((p) => p.id)).toEqual(set.programmes.map((p) => p.id));
  });

  it("has cases for every programme", () => {
    const covered = new Set(set.cases.map((c) => c.programme));
    expect(set.programmes.filter((p) => !covered.has(p.id)).map((p) => p.id)).toEqual([]);
  });

  it("says 非资金支持/不计入 once: in-kind labels leave the tag to the engine", () => {
    const inKind = (c: Component): string[] =>
      c.kind === "inKind" ? [c.label] : c.kind === "when" ? [...c.then, ...c.otherwise].flatMap(inKind) : [];
    const labels = set.programmes.flatMap((p) => p.amount.flatMap(inKind));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((l) => /非资金|不计入/.test(l))).toEqual([]);
  });

  // Named with the programme too: names repeat across programmes ("level missing: unknown").
  it.each(set.cases.map((c) => [`${c.programme} › ${c.name}`, c] as const))("case %s", (_, c) => {
    expect(runCase(compiled, c).problems).toEqual([]);
  });
});
