/**
 * The policy engine's own speed, in-process: every programme of each zone
 * evaluated for a realistic enterprise (facts prefilled from a profile with
 * three years of figures and qualifications), as the 政策找企业 dashboard does.
 * Budget: < 0.2 ms per programme evaluation (issue 5).
 */
import { zones } from "../tenants/index";
import { loadPolicySet } from "../tenants/policy-sets";
import { compilePolicySet } from "../worker/engines/policy/compile";
import type { Profile } from "../worker/engines/policy/format/programme";
import { rankProgrammesForEnterprise } from "../worker/engines/policy/rank";

const WAN = 1_000_000;
const profile: Profile = {
  qualifications: ["hnte", "above-scale", "production"],
  industry: "new-materials",
  employees: 240,
  registeredCapitalFen: 5000 * WAN,
  figures: [2023, 2024, 2025].map((year, k) => ({
    year,
    revenueFen: (22000 + 3000 * k) * WAN,
    rdExpenseFen: (990 + 150 * k) * WAN,
    rdSuperDeductionFen: (900 + 200 * k) * WAN,
    taxPaidFen: 1300 * WAN,
    employees: 220 + 10 * k,
    rdStaff: 40,
  })),
};

export interface EngineFigures {
  zone: string;
  programmes: number;
  microsPerEvaluation: number;
  microsPerRanking: number;
}

export async function benchEngine(seconds = 1): Promise<EngineFigures[]> {
  const out: EngineFigures[] = [];
  for (const zone of zones.all()) {
    const compiled = compilePolicySet(await loadPolicySet(zone), zone);
    if (!compiled.list.length) continue;
    const history = [{ programme: compiled.list[0]!.id, year: 2026, amountFen: 10 * WAN }];
    // Warm-up (JIT).
    for (let i = 0; i < 200; i++) rankProgrammesForEnterprise(compiled, profile, history, "2026-06-30");
    let rankings = 0;
    const start = process.hrtime.bigint();
    const until = start + BigInt(seconds * 1e9);
    while (process.hrtime.bigint() < until) {
      rankProgrammesForEnterprise(compiled, profile, history, "2026-06-30", {
        kinds: ["enterprise", "carrier", "institution", "agency", "talent"],
      });
      rankings++;
    }
    const micros = Number(process.hrtime.bigint() - start) / 1000;
    out.push({
      zone: zone.slug,
      programmes: compiled.list.length,
      microsPerEvaluation: micros / rankings / compiled.list.length,
      microsPerRanking: micros / rankings,
    });
  }
  return out;
}
