/**
 * The public calculator: one programme, the facts a visitor states, today's
 * date, no profile or history (the estimate assumes an applicant of the kind
 * the programme names). Malformed facts are a 400 that names each fact.
 */
import { AppError } from "../../lib/errors";
import { evaluate, type Evaluation } from "../../policy/evaluate";
import { parseFacts } from "../../policy/facts";
import type { LoadedPolicy } from "./current-policy";

export type Estimate = Evaluation & { policyVersion: number };

export function findProgramme(policy: LoadedPolicy, id: string) {
  const p = policy.compiled.programmes.get(id);
  if (!p) throw new AppError("not_found", `本园区当前政策(第${policy.version.id}版)没有编号为 ${id} 的项目。`);
  return p;
}

export function estimateProgramme(policy: LoadedPolicy, date: string, body: { programme: string; facts?: unknown }): Estimate {
  const programme = findProgramme(policy, body.programme);
  const facts = parseFacts(programme, body.facts);
  if (!facts.ok) throw new AppError("bad_request", `事实填写有误:${Object.values(facts.errors).join(" ")}`, facts.errors);
  return { ...evaluate(programme, { facts: facts.facts, date }), policyVersion: policy.version.id };
}
