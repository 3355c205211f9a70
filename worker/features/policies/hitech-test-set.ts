/**
 * For tests: a one-programme Zibo set — the 高新技术企业认定奖励 of clause 15 (20万元 to a recognised
 * enterprise) under a test's own id and label, with its case — so job and publishing tests judge
 * every enterprise against a rule that depends on one qualification only.
 */
import { wan } from "../../../tenants/policy";
import zone from "../../../tenants/zibo/zone";
import type { PolicySetInput } from "../../engines/policy/format/policy-set";

export function hitechProgramme(id: string, tag: string) {
  return {
    id,
    title: { zh: `高新技术企业认定奖励(${tag})`, en: `HNTE award (${tag})` },
    document: "zibo-zichuang-2017",
    clause: "15",
    excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
    category: "qualification" as const,
    applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise" as const], qualifications: ["hnte"] },
    amount: [{ kind: "fixed" as const, label: "认定奖励", fen: wan(20) }],
  };
}

/** The set holding only that programme, effective from 2026-01-01, with the case that it pays 20万元. */
export function hitechPolicySet(id: string, tag: string, label: string): PolicySetInput {
  return {
    zone: "zibo",
    label,
    effectiveFrom: "2026-01-01",
    documents: zone.documents,
    programmes: [hitechProgramme(id, tag)],
    cases: [{ name: "recognised", programme: id, expect: { eligible: true, amountFen: wan(20) } }],
  };
}
