/**
 * Small hand-built programmes for the engine's unit tests: one fixture document
 * whose clauses the programmes cite, zone names for two qualifications and one
 * industry, and helpers that parse, compile and evaluate exactly as a zone's
 * policy set is (definePolicySet → compilePolicySet → evaluate). Test-only.
 */
import type { z } from "zod";
import { definePolicySet } from "../../../tenants/policy";
import type { policyDocumentSchema, ZoneConfig } from "../../../tenants/schema";
import { compilePolicySet, type CompiledPolicySet } from "./compile";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import type { Facts } from "./facts";
import type { FactType } from "./format/facts";
import type { PolicySetInput } from "./format/policy-set";
import type { Award, Profile, ProgrammeInput } from "./format/programme";

export const NAMES: Pick<ZoneConfig, "qualifications" | "priorityIndustries"> = {
  qualifications: [
    { code: "hnte", zh: "高新技术企业", en: "HNTE", certificate: true },
    { code: "tech-sme", zh: "科技型中小企业", en: "Tech SME", certificate: true },
  ],
  priorityIndustries: [{ code: "new-materials", zh: "新材料", en: "New materials" }],
};

export const DOC: z.input<typeof policyDocumentSchema> = {
  id: "test-doc",
  title: "测试政策文件",
  docNumber: null,
  issuer: "测试机关",
  issuedOn: "2020-01-01",
  level: "zone",
  summary: "单元测试用的政策文件。",
  source: { seed: "000_0123456789abcdef.txt", url: null },
  clauses: [
    {
      id: "14",
      label: "14.",
      section: null,
      text: "对符合条件的企业给予补助,\n单个企业年度最高补助金额不超过100万元。",
    },
    { id: "10", label: "10.", section: null, text: "经评审给予30—100万元支持。" },
    { id: "4.3.2", label: "2.", section: "四、", text: "对新认定的平台给予奖励。" },
    { id: "25", label: "25.", section: null, text: "对重大项目实行一事一议的支持方式。" },
  ],
};

/** A fact declaration with a Chinese label derived from its name, e.g. fact("revenueFen", "money"). */
export function fact(
  name: string,
  type: FactType,
  extra: Record<string, unknown> = {},
): NonNullable<ProgrammeInput["facts"]>[number] {
  const options =
    type === "choice"
      ? {
          options: [
            { value: "a", zh: "甲档", en: "A" },
            { value: "b", zh: "乙档", en: "B" },
            { value: "c", zh: "丙档", en: "C" },
          ],
        }
      : {};
  return { name, type, label: { zh: `${name}项`, en: name }, ...options, ...extra };
}

/** A programme with every required field filled; `over` replaces any of them. */
export function programmeInput(over: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    id: "test-prog",
    title: { zh: "测试项目", en: "Test programme" },
    document: "test-doc",
    clause: "14",
    excerpt: "对符合条件的企业给予补助",
    category: "rd",
    applicants: { zh: "企业", kinds: ["enterprise"] },
    amount: [{ kind: "fixed", label: "补助", fen: 100 }],
    ...over,
  };
}

/** A policy set around the programmes, with one placeholder case each (a set refuses programmes without cases). */
export function setInput(programmes: ProgrammeInput[], over: Partial<PolicySetInput> = {}): PolicySetInput {
  return {
    zone: "zibo",
    label: "测试版",
    effectiveFrom: "2020-01-01",
    documents: [DOC],
    programmes,
    cases: programmes.map((p) => ({
      name: `${p.id} placeholder`,
      programme: p.id,
      expect: { eligible: "unknown" as const },
    })),
    ...over,
  };
}

export function compileSet(programmes: ProgrammeInput[], over: Partial<PolicySetInput> = {}): CompiledPolicySet {
  return compilePolicySet(definePolicySet(setInput(programmes, over)), NAMES);
}

/** One programme, parsed and compiled as a zone's would be. */
export function compileOne(over: Partial<ProgrammeInput> = {}): CompiledProgramme {
  const p = programmeInput(over);
  return compileSet([p]).programmes.get(p.id)!;
}

export interface RunOptions {
  profile?: Profile;
  history?: Award[];
  date?: string;
}

export function run(p: CompiledProgramme, facts: Facts = {}, o: RunOptions = {}): Evaluation {
  return evaluate(p, { facts, profile: o.profile, history: o.history, date: o.date ?? "2026-06-30" });
}

/** A verified profile holding the given qualifications. */
export function profile(qualifications: string[] = [], industry: string | null = null): Profile {
  return { qualifications, industry, employees: null, registeredCapitalFen: null, figures: [] };
}

/** The result of the condition with this id, or undefined. */
export function conditionOf(e: Evaluation, id: string) {
  return e.conditions.find((c) => c.id === id);
}

export function stepsTotal(e: Evaluation): number {
  return e.steps.reduce((s, x) => s + x.valueFen, 0);
}
