/**
 * Checks that need the whole policy set: every reference points at something
 * that exists, every fact a rule reads has a type the rule can use, every
 * excerpt is verbatim from its clause, and every programme has test cases.
 */
import type { z } from "zod";
import type { PolicyDocument } from "../../../../tenants/schema";
import { baseFacts, type Base, type Component } from "./amounts";
import type { Test } from "./conditions";
import type { FactType } from "./facts";
import type { PolicyCase, Programme } from "./programme";

type Ctx = z.RefinementCtx;
interface SetShape {
  documents: PolicyDocument[];
  programmes: Programme[];
  cases: PolicyCase[];
}

export function checkPolicySet(set: SetShape, ctx: Ctx) {
  const docs = new Map(set.documents.map((d) => [d.id, d]));
  const ids = new Set<string>();
  set.programmes.forEach((p, i) => {
    const at = (...path: (string | number)[]) => ["programmes", i, ...path];
    const issue = (message: string, ...path: (string | number)[]) =>
      ctx.addIssue({ code: "custom", message: `${p.id}: ${message}`, path: at(...path) });
    if (ids.has(p.id)) issue("duplicate programme id", "id");
    ids.add(p.id);

    const doc = docs.get(p.document);
    if (!doc) issue(`no document ${p.document} in this policy set`, "document");
    const clauseText = (id: string) => doc?.clauses.find((c) => c.id === id)?.text;
    const checkClause = (id: string | undefined, ...path: (string | number)[]) => {
      if (id !== undefined && doc && clauseText(id) === undefined)
        issue(`document ${doc.id} has no clause ${id}`, ...path);
    };
    checkClause(p.clause, "clause");
    const own = clauseText(p.clause);
    if (own !== undefined && !squash(own).includes(squash(p.excerpt)))
      issue(`excerpt is not verbatim from clause ${p.clause}`, "excerpt");

    const facts = new Map<string, { type: FactType; options?: string[] }>();
    for (const f of p.facts) {
      if (facts.has(f.name)) issue(`duplicate fact ${f.name}`, "facts");
      facts.set(f.name, { type: f.type, options: f.options?.map((o) => o.value) });
    }
    const needFact = (name: string, types: FactType[], path: (string | number)[]) => {
      const f = facts.get(name);
      if (!f) issue(`uses fact ${name}, which the programme does not declare`, ...path);
      else if (!types.includes(f.type))
        issue(`fact ${name} is ${f.type}; here it must be ${types.join(" or ")}`, ...path);
      return f;
    };
    const needChoices = (name: string, keys: string[], path: (string | number)[]) => {
      const f = needFact(name, ["choice"], path);
      for (const k of keys) if (f?.options && !f.options.includes(k)) issue(`fact ${name} has no option ${k}`, ...path);
    };
    const numeric: FactType[] = ["money", "count", "percent"];

    const walkTest = (t: Test, path: (string | number)[]): void => {
      switch (t.test) {
        case "compare":
          needFact(t.fact, numeric, path);
          break;
        case "between":
          needFact(t.fact, numeric, path);
          if (t.from > t.to) issue(`between: from ${t.from} is above to ${t.to}`, ...path);
          break;
        case "ratio":
          needFact(t.numerator, ["money", "count"], path);
          needFact(t.denominator, ["money", "count"], path);
          break;
        case "equals":
          if (typeof t.value === "boolean") needFact(t.fact, ["boolean"], path);
          else needChoices(t.fact, [t.value], path);
          break;
        case "oneOf":
          needChoices(t.fact, t.values, path);
          break;
        case "all":
          t.of.forEach((s, j) => {
            walkTest(s, [...path, "of", j]);
          });
          break;
        case "any":
          t.of.forEach((s, j) => {
            walkTest(s.test, [...path, "of", j, "test"]);
          });
          break;
        case "qualification":
        case "industry":
          break;
      }
    };
    const condIds = new Set<string>();
    p.conditions.forEach((c, j) => {
      if (condIds.has(c.id)) issue(`duplicate condition id ${c.id}`, "conditions", j);
      condIds.add(c.id);
      checkClause(c.clause, "conditions", j, "clause");
      walkTest(c.test, ["conditions", j, "test"]);
    });

    const walkBase = (b: Base, path: (string | number)[]) => {
      const names = baseFacts(b);
      for (const n of names) needFact(n, ["money"], path);
    };
    const walkComponent = (c: Component, path: (string | number)[]): void => {
      if ("clause" in c) checkClause(c.clause, ...path, "clause");
      switch (c.kind) {
        case "byChoice":
          needChoices(c.fact, Object.keys(c.amounts), path);
          break;
        case "percent":
          walkBase(c.base, [...path, "base"]);
          if (typeof c.percent !== "number")
            needChoices(c.percent.fact, Object.keys(c.percent.byChoice), [...path, "percent"]);
          break;
        case "perUnit":
          needFact(c.fact, ["count"], path);
          if (c.maxUnitsPer) needFact(c.maxUnitsPer, ["text", "choice"], path);
          if (c.maxUnitsPer && c.maxUnits === undefined) issue("maxUnitsPer needs maxUnits", ...path);
          break;
        case "interest":
          needFact(c.principal, ["money"], [...path, "principal"]);
          needFact(c.rate, ["percent"], [...path, "rate"]);
          needFact(c.from, ["date"], [...path, "from"]);
          needFact(c.to, ["date"], [...path, "to"]);
          needFact(c.paid, ["money"], [...path, "paid"]);
          if (c.from === c.to) issue("interest: from and to must be two facts", ...path, "to");
          break;
        case "when":
          if (typeof c.equals === "boolean") needFact(c.fact, ["boolean"], path);
          else needChoices(c.fact, [c.equals], path);
          c.then.forEach((s, j) => {
            walkComponent(s, [...path, "then", j]);
          });
          c.otherwise.forEach((s, j) => {
            walkComponent(s, [...path, "otherwise", j]);
          });
          break;
        default:
          break;
      }
    };
    p.amount.forEach((c, j) => {
      walkComponent(c, ["amount", j]);
    });
    p.windows.forEach((w, j) => {
      if (w.from > w.to) issue(`window ${w.from}–${w.to} ends before it starts`, "windows", j);
    });
    const materialIds = new Set<string>();
    p.materials.forEach((m, j) => {
      if (materialIds.has(m.id)) issue(`duplicate material id ${m.id}`, "materials", j);
      materialIds.add(m.id);
    });
    p.limits.forEach((l, j) => {
      checkClause(l.clause, "limits", j, "clause");
      if (l.kind === "perProject") needFact(l.projectFact, ["text"], ["limits", j]);
      if (l.kind === "once") {
        for (const f of l.per ?? []) needFact(f, ["text", "choice", "boolean"], ["limits", j, "per"]);
        if (l.upgrade) needChoices(l.upgrade.fact, l.upgrade.order, ["limits", j, "upgrade"]);
      }
    });
  });

  // Limits may name programmes of the same set only: a typo would silently widen nothing.
  set.programmes.forEach((p, i) => {
    p.limits.forEach((l, j) => {
      for (const other of l.programmes ?? [])
        if (!ids.has(other))
          ctx.addIssue({
            code: "custom",
            message: `${p.id}: limit names unknown programme ${other}`,
            path: ["programmes", i, "limits", j],
          });
    });
  });

  const covered = new Set<string>();
  set.cases.forEach((c, i) => {
    if (!ids.has(c.programme))
      ctx.addIssue({
        code: "custom",
        message: `case "${c.name}": no programme ${c.programme}`,
        path: ["cases", i, "programme"],
      });
    covered.add(c.programme);
  });
  set.programmes.forEach((p, i) => {
    if (!covered.has(p.id))
      ctx.addIssue({
        code: "custom",
        message: `${p.id}: no test case; every programme needs cases (threshold and cap boundaries)`,
        path: ["programmes", i],
      });
  });
}

/** Excerpts are compared without whitespace: the documents keep the seed's line breaks. */
function squash(s: string): string {
  return s.replace(/\s+/g, "");
}
