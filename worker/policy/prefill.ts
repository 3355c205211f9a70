/**
 * Facts the platform already knows, read from the enterprise's profile and
 * yearly figures by each fact's `prefill` rule: the application form starts
 * filled in, and 政策找企业 can evaluate programmes without asking.
 */
import type { Facts, FactValue } from "./facts";
import type { Profile, Programme } from "./format/programme";

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
      case "qualification":
        if (profile.qualifications.includes(rule.trueIf)) out[fact.name] = true;
        else if (rule.falseIf === undefined || profile.qualifications.includes(rule.falseIf)) out[fact.name] = false;
        break;
      case "profile": {
        const v = profile[rule.field];
        if (typeof v === "number") out[fact.name] = v;
        break;
      }
    }
  }
  return out;
}

/** The year the prefilled figures come from, for labelling the form ("按2025年度数据"). */
export function latestFiguresYear(profile: Profile): number | null {
  return profile.figures.reduce<number | null>((y, f) => (y === null || f.year > y ? f.year : y), null);
}
