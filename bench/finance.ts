/**
 * The 金融超市 matcher's own speed, in-process: 1,000 varied loan products
 * ranked for one financing need of one enterprise, as an enterprise's need page
 * does (every published product, criterion by criterion, then sorted).
 * Budget: < 5 ms per ranking of 1,000 products (issue 7).
 * The products come from a fixed seed, so every run ranks the same catalogue.
 */
import zone from "../tenants/zibo/zone";
import {
  rankProductsForNeed,
  type EnterpriseTerms,
  type Guarantee,
  type NeedTerms,
  type ProductTerms,
} from "../worker/engines/loan-match/match";
import { namesOf } from "../web/labels/finance";
import { PRODUCT_TYPES } from "../worker/db/schema";

const WAN = 1_000_000;
const PRODUCTS = 1000;

/** mulberry32: small, fast and the same on every machine. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchCatalogue(count = PRODUCTS, seed = 20260601): (ProductTerms & { type: string; name: string })[] {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => r() < p);
  const guarantees: Guarantee[] = ["credit", "mortgage", "pledge", "guarantee"];
  const industries = zone.priorityIndustries.map((i) => i.code);
  const qualifications = zone.qualifications.map((q) => q.code);
  return Array.from({ length: count }, (_, i) => {
    const minAmountFen = pick([10, 20, 50, 100, 200, 500]) * WAN;
    const minRateBp = 300 + Math.floor(r() * 300);
    const minTermMonths = pick([1, 3, 6, 12]);
    const g = some(guarantees, 0.35);
    return {
      id: `bench-${String(i).padStart(4, "0")}`,
      name: `产品${i}`,
      type: pick(PRODUCT_TYPES),
      minAmountFen,
      maxAmountFen: minAmountFen * pick([5, 10, 20, 50]),
      minRateBp,
      maxRateBp: minRateBp + Math.floor(r() * 200),
      minTermMonths,
      maxTermMonths: minTermMonths * pick([1, 2, 3, 5]),
      guarantees: g.length ? g : [pick(guarantees)],
      // About 40% 不限行业; the others name one to three of the zone's industries.
      industries: r() < 0.4 ? [] : some(industries, 0.3).slice(0, 3),
      qualifications: r() < 0.5 ? [] : some(qualifications, 0.25).slice(0, 2),
      minYears: pick([0, 0, 1, 2, 3, 5]),
      minRevenueFen: pick([0, 0, 500, 1000, 2000, 5000]) * WAN,
    };
  });
}

// The enterprise as its own member sees it (everything known), with a need that some products fit and many only partly.
const need: NeedTerms = { amountFen: 300 * WAN, termMonths: 12, guarantees: ["credit", "guarantee"] };
const enterprise: EnterpriseTerms = {
  industry: "new-materials",
  qualifications: ["hnte", "production"],
  yearsInOperation: 6,
  revenueFen: 9000 * WAN,
};

export interface FinanceFigures {
  products: number;
  rankings: number;
  msPerRanking: number;
}

export function benchFinance(seconds = 1.5): FinanceFigures {
  const products = benchCatalogue();
  const names = namesOf(zone);
  let sink = 0; // keeps the work observable, so nothing is optimised away
  // Warm-up (JIT).
  for (let i = 0; i < 200; i++) sink += rankProductsForNeed(products, need, enterprise, names)[0]!.fails;
  let rankings = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < until) {
    sink += rankProductsForNeed(products, need, enterprise, names)[0]!.fails;
    rankings++;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (sink < 0) throw new Error("unreachable");
  return { products: products.length, rankings, msPerRanking: ms / rankings };
}
