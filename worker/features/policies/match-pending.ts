/**
 * What a match still needs, each thing said once. The engine reports an
 * unknown condition ("运行管理完善") and, separately, the facts it waits for
 * ("平台运行管理完善"); listing both says the same thing twice. Here an unknown
 * condition is named by what it waits for — the fact alone when it waits for
 * one, "condition(需提供 fact、fact)" for several, its own label when it waits
 * on the profile — and a missing fact no condition names (one the amount
 * needs) is listed on its own. Pure.
 */
import type { CompiledProgramme, Evaluation } from "../../engines/policy/evaluate";
import type { Test } from "../../engines/policy/format/conditions";

/** The facts a condition's test reads (the profile-based tests read none). */
export function factsOfTest(t: Test): string[] {
  switch (t.test) {
    case "compare":
    case "between":
    case "equals":
    case "oneOf":
      return [t.fact];
    case "ratio":
      return [t.numerator, t.denominator];
    case "qualification":
    case "industry":
      return [];
    case "all":
      return t.of.flatMap(factsOfTest);
    case "any":
      return t.of.flatMap((o) => factsOfTest(o.test));
  }
}

export function pendingItems(
  programme: Pick<CompiledProgramme, "conditions">,
  result: Pick<Evaluation, "conditions" | "missing">,
): string[] {
  const labelOf = new Map(result.missing.map((m) => [m.fact, m.label]));
  const said = new Set<string>();
  const items: string[] = [];
  const add = (item: string) => {
    if (!items.includes(item)) items.push(item);
  };
  for (const c of result.conditions) {
    if (c.result !== "unknown") continue;
    const test = programme.conditions.find((d) => d.id === c.id)?.test;
    const waits = [...new Set(test ? factsOfTest(test) : [])].filter((f) => labelOf.has(f));
    const fresh = waits.filter((f) => !said.has(f));
    for (const f of waits) said.add(f);
    if (waits.length === 0) add(c.label);
    else if (fresh.length === 0) continue;
    // One fact: the fact is what to supply ("平台运行管理完善" for "运行管理完善"); the condition is in 逐条说明.
    else if (fresh.length === 1) add(labelOf.get(fresh[0]!)!);
    else add(`${c.label}(需提供${fresh.map((f) => labelOf.get(f)!).join("、")})`);
  }
  for (const m of result.missing) if (!said.has(m.fact)) add(m.label);
  return items;
}
