/**
 * One probe per option of every choice the amount or eligibility reads (按级别, 分档, a ratio by
 * level, a `when` on a choice, an `equals`/`oneOf` condition) and both answers of every yes/no
 * question they read: "按认定级别“国家级”", "是否新认定为“否”"; and the starting case's profile
 * without each qualification the programme asks of its applicants ("没有高新技术企业资格"). Pure: no I/O.
 */
import type { CompiledProgramme } from "./evaluate";
import { showFact, type FactValue } from "./facts";
import type { Component } from "./format/amounts";
import type { Test } from "./format/conditions";
import type { Profile } from "./format/programme";
import type { Variant } from "./propose-variant";

/** Choice and yes/no facts in the order the programme reads them: amount first, then conditions. */
function readFacts(p: CompiledProgramme): string[] {
  const out: string[] = [];
  const walkAmount = (cs: readonly Component[]) => {
    for (const c of cs) {
      if (c.kind === "byChoice") out.push(c.fact);
      if (c.kind === "percent" && typeof c.percent !== "number") out.push(c.percent.fact);
      if (c.kind === "when") {
        out.push(c.fact);
        walkAmount([...c.then, ...c.otherwise]);
      }
    }
  };
  const walkTest = (t: Test): void => {
    if (t.test === "equals" || t.test === "oneOf") out.push(t.fact);
    else if (t.test === "all") t.of.forEach(walkTest);
    else if (t.test === "any") for (const b of t.of) walkTest(b.test);
  };
  walkAmount(p.amount);
  for (const c of p.conditions) walkTest(c.test);
  return [...new Set(out)];
}

export function choiceVariants(p: CompiledProgramme, base: Record<string, FactValue>): Variant[] {
  const out: Variant[] = [];
  for (const name of readFacts(p)) {
    const f = p.declared.get(name);
    if (f?.type === "choice")
      for (const o of f.options ?? [])
        out.push({ tag: "选项", why: `按${f.label.zh}“${o.zh}”`, facts: { [name]: o.value } });
    if (f?.type === "boolean") {
      // The starting case's answer first: its opposite is the probe that says what the question decides.
      const first = base[name] !== false;
      for (const v of [first, !first])
        out.push({ tag: "是否", why: `${f.label.zh}为“${showFact(f, v)}”`, facts: { [name]: v } });
    }
  }
  return out;
}

/** The profile without each qualification it holds that the programme asks for. */
export function qualificationVariants(p: CompiledProgramme, profile: Profile | undefined): Variant[] {
  if (!profile) return [];
  const asked = new Set(p.applicants.qualifications);
  const walk = (t: Test): void => {
    if (t.test === "qualification") asked.add(t.code);
    else if (t.test === "all") t.of.forEach(walk);
    else if (t.test === "any") for (const b of t.of) walk(b.test);
  };
  for (const c of p.conditions) walk(c.test);
  return profile.qualifications
    .filter((q) => asked.has(q))
    .map((q) => ({
      tag: "资格",
      why: `没有${p.qualificationName(q)}资格`,
      profile: { ...profile, qualifications: profile.qualifications.filter((x) => x !== q) },
    }));
}
