/**
 * Facts the platform already knows, read from the enterprise's profile and
 * yearly figures by each fact's `prefill` rule: the application form starts
 * filled in, and 政策找企业 can evaluate programmes without asking. Every fact
 * the records prove is filled: figures, qualifications (or, where none is
 * claimed, the registered industry section), size by the national SME standard.
 */
import type { Facts, FactValue } from "./facts";
import type { Profile, Programme } from "./format/programme";
import { isSmeByStandard } from "./sme-standard";

export function prefillFacts(programme: Pick<Programme, "facts">, profile: Profile): Facts {
  const out: Record<string, FactValue> = {};
  const years = [...profile.figures].sort((a, b) => b.year - a.year);
  for (const fact of programme.facts) {
    const rule = fact.prefill;
    if (!rule) continue;
    switch (rule.source) {
      case "figures": {
        // "previous" is the year before the latest reported one, and only if it was reported.
        const latest = years[0];
        const row = rule.year === "latest" ? latest : latest && years.find((y) => y.year === latest.year - 1);
        const v = row?.[rule.field];
        if (typeof v === "number") out[fact.name] = v;
        break;
      }
      case "qualification": {
        const section = profile.industryClass?.charAt(0);
        if (profile.qualifications.includes(rule.trueIf)) out[fact.name] = true;
        else if (rule.falseIf === undefined || profile.qualifications.includes(rule.falseIf)) out[fact.name] = false;
        // Neither claimed: the industry section the enterprise registered answers it (C 制造业 is 生产型).
        else if (rule.industrySections && section) out[fact.name] = rule.industrySections.includes(section);
        break;
      }
      case "smeStandard": {
        const sme = isSmeByStandard({
          industryClass: profile.industryClass,
          employees: years[0]?.employees ?? profile.employees,
          revenueFen: years[0]?.revenueFen ?? null,
        });
        if (sme !== null) out[fact.name] = sme;
        break;
      }
      case "profile": {
        const v = profile[rule.field];
        if (typeof v === "number") out[fact.name] = v;
        break;
      }
      // A loan's facts come from the loan an application starts from (loan-facts.ts), not the profile.
      case "loan":
        break;
    }
  }
  return out;
}

/** The year the prefilled figures come from, for labelling the form ("按2025年度数据"). */
export function latestFiguresYear(profile: Profile): number | null {
  return profile.figures.reduce<number | null>((y, f) => (y === null || f.year > y ? f.year : y), null);
}
