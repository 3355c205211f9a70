/**
 * 金融超市 ranking: fewer fails first, then fewer partial fits, then fewer
 * unknowns, then the lower minimum rate, then the larger maximum amount, then
 * the product id. Each tie-breaker is proven by a pair tied on every earlier key
 * where the loser wins on every later one; and the order never depends on the
 * order products arrive in.
 */
import { describe, expect, it } from "vitest";
import {
  compareMatches,
  matchProduct,
  rankProductsForNeed,
  type EnterpriseTerms,
  type Guarantee,
  type NeedTerms,
  type ProductTerms,
} from "./match";

const WAN = 1_000_000;
const names = { industry: (c: string) => c, qualification: (c: string) => c };
const need: NeedTerms = { amountFen: 300 * WAN, termMonths: 12, guarantees: ["credit"] };
// A bank's view without consent: industry known; qualifications, years and revenue not shared.
const unshared: EnterpriseTerms = {
  industry: "new-materials",
  qualifications: null,
  yearsInOperation: null,
  revenueFen: null,
};

const product = (id: string, over: Partial<ProductTerms> = {}): ProductTerms => ({
  id,
  minAmountFen: 50 * WAN,
  maxAmountFen: 1000 * WAN,
  minRateBp: 400,
  maxRateBp: 500,
  minTermMonths: 6,
  maxTermMonths: 36,
  guarantees: ["credit"],
  industries: [],
  qualifications: [],
  minYears: 0,
  minRevenueFen: 0,
  ...over,
});

/** Ranks [a, b] and [b, a]; both must give the same order, which is returned. */
function rank(a: ProductTerms, b: ProductTerms, e: EnterpriseTerms = unshared): string[] {
  const one = rankProductsForNeed([a, b], need, e, names).map((m) => m.productId);
  const other = rankProductsForNeed([b, a], need, e, names).map((m) => m.productId);
  expect(other).toEqual(one);
  return one;
}
const counts = (p: ProductTerms, e: EnterpriseTerms = unshared) => {
  const m = matchProduct(p, need, e, names);
  return [m.fails, m.partly, m.unknown];
};

// "a…" ids always sort before "b…" ones, so in every pair the id favours the product expected to lose.
describe("each tie-breaker in turn", () => {
  it("fewer fails first, even against more partial fits, more unknowns, a higher rate and a smaller amount", () => {
    const failing = product("a-fails", { guarantees: ["mortgage"], minRateBp: 300, maxAmountFen: 5000 * WAN });
    const partial = product("b-partly", {
      minAmountFen: 500 * WAN,
      maxTermMonths: 6,
      qualifications: ["hnte"],
      minRateBp: 900,
    });
    expect(counts(failing)).toEqual([1, 0, 0]);
    expect(counts(partial)).toEqual([0, 2, 1]);
    expect(rank(failing, partial)).toEqual(["b-partly", "a-fails"]);
  });

  it("then fewer partial fits, even against more unknowns", () => {
    const partial = product("a-partly", { maxTermMonths: 6, minRateBp: 300, maxAmountFen: 5000 * WAN });
    const unknowns = product("b-unknown", {
      qualifications: ["hnte"],
      minYears: 3,
      minRevenueFen: 1000 * WAN,
      minRateBp: 900,
    });
    expect(counts(partial)).toEqual([0, 1, 0]);
    expect(counts(unknowns)).toEqual([0, 0, 3]);
    expect(rank(partial, unknowns)).toEqual(["b-unknown", "a-partly"]);
  });

  it("then fewer unknowns", () => {
    const unknown = product("a-unknown", { minYears: 3, minRateBp: 300, maxAmountFen: 5000 * WAN });
    const known = product("b-known", { minRateBp: 900 });
    expect(counts(unknown)).toEqual([0, 0, 1]);
    expect(counts(known)).toEqual([0, 0, 0]);
    expect(rank(unknown, known)).toEqual(["b-known", "a-unknown"]);
  });

  it("then the lower minimum rate", () => {
    const dearer = product("a-dearer", { minRateBp: 346, maxRateBp: 360, maxAmountFen: 5000 * WAN });
    const cheaper = product("b-cheaper", { minRateBp: 345, maxRateBp: 900 });
    expect(rank(dearer, cheaper)).toEqual(["b-cheaper", "a-dearer"]);
  });

  it("then the larger maximum amount", () => {
    const smaller = product("a-smaller", { maxAmountFen: 1000 * WAN });
    const larger = product("b-larger", { maxAmountFen: 1000 * WAN + 1 });
    expect(rank(smaller, larger)).toEqual(["b-larger", "a-smaller"]);
  });

  it("then the product id — and nothing else (the maximum rate and the term do not count)", () => {
    const a = product("a-first", { maxRateBp: 2000, maxTermMonths: 12 });
    const b = product("b-second", { maxRateBp: 401, maxTermMonths: 120 });
    expect(rank(b, a)).toEqual(["a-first", "b-second"]);
  });

  it("counts a fails verdict the same whatever its criterion", () => {
    const full: EnterpriseTerms = {
      industry: "new-materials",
      qualifications: [],
      yearsInOperation: 1,
      revenueFen: 100 * WAN,
    };
    const byGuarantee = product("b-guarantee", { guarantees: ["pledge"] });
    const byIndustry = product("a-industry", { industries: ["new-medicine"] });
    const byRevenue = product("c-revenue", { minRevenueFen: 1000 * WAN });
    expect(
      rankProductsForNeed([byRevenue, byGuarantee, byIndustry], need, full, names).map((m) => m.productId),
    ).toEqual(["a-industry", "b-guarantee", "c-revenue"]);
  });
});

describe("compareMatches", () => {
  it("is zero only for the same product", () => {
    const p = product("same");
    const m = { ...matchProduct(p, need, unshared, names), product: p };
    expect(compareMatches(m, m)).toBe(0);
    const q = { ...matchProduct(product("other"), need, unshared, names), product: product("other") };
    expect(Math.sign(compareMatches(m, q))).toBe(-Math.sign(compareMatches(q, m)));
  });
});

describe("determinism", () => {
  // A small fixed-seed generator: the same 60 products, in shuffled orders.
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const r = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const G: Guarantee[] = ["credit", "mortgage", "pledge", "guarantee"];
  const products = Array.from({ length: 60 }, (_, i) =>
    // Few distinct rates and amounts, so many products tie down to the id.
    product(`p${String(i).padStart(2, "0")}`, {
      minAmountFen: pick([10, 50, 100]) * WAN,
      maxAmountFen: pick([300, 1000]) * WAN,
      minRateBp: pick([345, 400]),
      minTermMonths: pick([1, 12]),
      maxTermMonths: pick([12, 36]),
      guarantees: [pick(G)],
      industries: pick([[], ["new-materials"], ["new-medicine"]]),
      qualifications: pick([[], ["hnte"]]),
      minYears: pick([0, 3]),
      minRevenueFen: pick([0, 2000 * WAN]),
    }),
  );
  const shuffled = (seed: number) => {
    const s = random(seed);
    const out = [...products];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(s() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  it("gives the same ranking, explanations included, whatever order the products come in", () => {
    const enterprise: EnterpriseTerms = {
      industry: "new-materials",
      qualifications: ["hnte"],
      yearsInOperation: null,
      revenueFen: 1500 * WAN,
    };
    const expected = rankProductsForNeed(products, need, enterprise, names);
    expect(new Set(expected.map((m) => m.productId)).size).toBe(60);
    for (const seed of [1, 2, 3, 99])
      expect(rankProductsForNeed(shuffled(seed), need, enterprise, names)).toEqual(expected);
    expect(rankProductsForNeed([...products].reverse(), need, enterprise, names)).toEqual(expected);
  });

  it("is ordered by the documented keys, pair by pair", () => {
    const ranked = rankProductsForNeed(shuffled(5), need, unshared, names);
    const key = (m: (typeof ranked)[number]) => [
      m.fails,
      m.partly,
      m.unknown,
      m.product.minRateBp,
      -m.product.maxAmountFen,
    ];
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [key(ranked[i - 1]!), key(ranked[i]!)];
      const d = a.findIndex((v, k) => v !== b[k]);
      if (d === -1) expect(ranked[i - 1]!.productId < ranked[i]!.productId).toBe(true);
      else expect(a[d]! < b[d]!).toBe(true);
    }
  });

  it("keeps the caller's product type, so its extra fields reach the page", () => {
    const withRow = [{ ...product("x"), name: "科技快速贷" }];
    expect(rankProductsForNeed(withRow, need, unshared, names)[0]!.product.name).toBe("科技快速贷");
  });

  it("does not reorder the caller's array", () => {
    const input = shuffled(11);
    const before = input.map((p) => p.id);
    rankProductsForNeed(input, need, unshared, names);
    expect(input.map((p) => p.id)).toEqual(before);
  });
});
