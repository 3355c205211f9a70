/**
 * 金融超市 matching, criterion by criterion: each verdict at its boundaries
 * (the exact edge meets, one fen or one day past it does not), and reasons in
 * Chinese that name the figures, so an enterprise can see why a product fits.
 */
import { describe, expect, it } from "vitest";
import {
  matchProduct,
  rateText,
  yearsSince,
  type Criterion,
  type EnterpriseTerms,
  type NeedTerms,
  type ProductTerms,
} from "./match";

const WAN = 1_000_000;
const INDUSTRY: Record<string, string> = {
  "new-materials": "新材料",
  "new-medicine": "新医药",
  "electronic-information": "电子信息",
};
const QUALIFICATION: Record<string, string> = {
  hnte: "高新技术企业",
  "tech-sme": "科技型中小企业",
  production: "生产型企业",
};
// As namesOf(zone) does: an unknown code reads as itself rather than vanishing.
const names = { industry: (c: string) => INDUSTRY[c] ?? c, qualification: (c: string) => QUALIFICATION[c] ?? c };

const product = (over: Partial<ProductTerms> = {}): ProductTerms => ({
  id: "p1",
  minAmountFen: 50 * WAN,
  maxAmountFen: 1000 * WAN,
  minRateBp: 345,
  maxRateBp: 480,
  minTermMonths: 6,
  maxTermMonths: 36,
  guarantees: ["credit", "guarantee"],
  industries: ["new-materials", "new-medicine"],
  qualifications: ["hnte", "tech-sme"],
  minYears: 3,
  minRevenueFen: 2000 * WAN,
  ...over,
});
const need = (over: Partial<NeedTerms> = {}): NeedTerms => ({
  amountFen: 300 * WAN,
  termMonths: 12,
  guarantees: ["credit"],
  ...over,
});
const firm = (over: Partial<EnterpriseTerms> = {}): EnterpriseTerms => ({
  industry: "new-materials",
  qualifications: ["hnte", "tech-sme", "production"],
  yearsInOperation: 5,
  revenueFen: 5000 * WAN,
  ...over,
});

function criterion(
  id: Criterion["id"],
  p: Partial<ProductTerms>,
  n: Partial<NeedTerms> = {},
  e: Partial<EnterpriseTerms> = {},
) {
  const c = matchProduct(product(p), need(n), firm(e), names).criteria.find((x) => x.id === id);
  return c ? { result: c.result, reason: c.reason } : undefined;
}
const amount = (fen: number, p: Partial<ProductTerms> = {}) => criterion("amount", p, { amountFen: fen });

describe("a product that fits in every respect", () => {
  it("meets all seven criteria, in the order an enterprise reads them, with no counts against it", () => {
    const m = matchProduct(product(), need(), firm(), names);
    expect(m.productId).toBe("p1");
    expect(m.criteria.map((c) => [c.id, c.label, c.result])).toEqual([
      ["amount", "金额", "meets"],
      ["term", "期限", "meets"],
      ["guarantee", "担保方式", "meets"],
      ["industry", "行业", "meets"],
      ["qualifications", "资质", "meets"],
      ["years", "经营年限", "meets"],
      ["revenue", "年营业收入", "meets"],
    ]);
    expect([m.fails, m.partly, m.unknown]).toEqual([0, 0, 0]);
  });

  it("leaves out the criteria a product does not ask about (no qualifications, no minimum years or revenue)", () => {
    const m = matchProduct(
      product({ qualifications: [], minYears: 0, minRevenueFen: 0 }),
      need(),
      firm({ qualifications: null, yearsInOperation: null, revenueFen: null }),
      names,
    );
    expect(m.criteria.map((c) => c.id)).toEqual(["amount", "term", "guarantee", "industry"]);
    expect(m.unknown).toBe(0);
  });

  it("counts fails, partial fits and unknowns separately", () => {
    const m = matchProduct(
      product(),
      need({ amountFen: 2000 * WAN, termMonths: 60, guarantees: ["mortgage"] }),
      firm({ industry: null, qualifications: ["hnte"], yearsInOperation: 1, revenueFen: null }),
      names,
    );
    expect(m.criteria.map((c) => c.result)).toEqual([
      "partly",
      "partly",
      "fails",
      "unknown",
      "partly",
      "fails",
      "unknown",
    ]);
    expect([m.fails, m.partly, m.unknown]).toEqual([2, 3, 2]);
  });
});

describe("amount", () => {
  it("meets at exactly the minimum and exactly the maximum", () => {
    expect(amount(50 * WAN)).toEqual({ result: "meets", reason: "需求50万元,在产品额度50万元至1,000万元之内" });
    expect(amount(1000 * WAN)).toEqual({ result: "meets", reason: "需求1,000万元,在产品额度50万元至1,000万元之内" });
  });

  it("one fen over the maximum fits partly, with the share the product can cover (rounded down)", () => {
    expect(amount(1000 * WAN + 1)).toEqual({
      result: "partly",
      reason: "需求1,000.000001万元,产品最高1,000万元,可满足99%",
    });
    expect(amount(2000 * WAN)).toEqual({ result: "partly", reason: "需求2,000万元,产品最高1,000万元,可满足50%" });
    expect(amount(3000 * WAN)?.reason).toBe("需求3,000万元,产品最高1,000万元,可满足33%");
  });

  it("states an exact share exactly (290万 of 1000万 is 29%, not the 28% floating point gave)", () => {
    expect(amount(1000 * WAN, { maxAmountFen: 290 * WAN })?.reason).toBe("需求1,000万元,产品最高290万元,可满足29%");
    expect(amount(100 * WAN, { minAmountFen: 10 * WAN, maxAmountFen: 57 * WAN })?.reason).toBe(
      "需求100万元,产品最高57万元,可满足57%",
    );
  });

  it("keeps the share exact at the largest amounts a product may hold (10^14 fen)", () => {
    expect(amount(1e14, { maxAmountFen: 1e14 - 1 })?.reason).toMatch(/可满足99%$/);
  });

  it("one fen under the minimum fits partly and names the minimum", () => {
    expect(amount(50 * WAN - 1)).toEqual({ result: "partly", reason: "需求49.999999万元,低于产品起贷额50万元" });
  });

  it("reads large figures in 万元 too", () => {
    expect(amount(3 * 10_000 * WAN, { maxAmountFen: 2 * 10_000 * WAN })?.reason).toBe(
      "需求30,000万元,产品最高20,000万元,可满足66%",
    );
  });
});

describe("term", () => {
  const term = (months: number) => criterion("term", {}, { termMonths: months });
  it("meets at both ends of the product's range", () => {
    expect(term(6)).toEqual({ result: "meets", reason: "需求6个月,在6至36个月之内" });
    expect(term(36)).toEqual({ result: "meets", reason: "需求36个月,在6至36个月之内" });
  });
  it("fits partly one month outside either end", () => {
    expect(term(5)).toEqual({ result: "partly", reason: "需求5个月,产品期限6至36个月" });
    expect(term(37)).toEqual({ result: "partly", reason: "需求37个月,产品期限6至36个月" });
  });
});

describe("guarantee", () => {
  const guarantee = (offered: NeedTerms["guarantees"]) => criterion("guarantee", {}, { guarantees: offered });
  it(
    "meets when the enterprise can offer a form the product " +
      "accepts, naming the common forms in the product's order",
    () => {
      expect(guarantee(["credit"])).toEqual({ result: "meets", reason: "可接受信用方式" });
      expect(guarantee(["guarantee", "mortgage", "credit"])).toEqual({
        result: "meets",
        reason: "可接受信用、担保方式",
      });
    },
  );
  it("fails without overlap, naming what the product asks and what the enterprise offers", () => {
    expect(guarantee(["mortgage", "pledge"])).toEqual({
      result: "fails",
      reason: "产品要求信用或担保,企业可提供抵押、质押",
    });
    expect(guarantee([])).toEqual({ result: "fails", reason: "产品要求信用或担保,企业可提供无" });
  });
});

describe("industry", () => {
  const industry = (p: Partial<ProductTerms>, code: string | null) => criterion("industry", p, {}, { industry: code });
  it("meets for any enterprise when the product is 不限行业, even one whose industry is unknown", () => {
    expect(industry({ industries: [] }, "electronic-information")).toEqual({ result: "meets", reason: "产品不限行业" });
    expect(industry({ industries: [] }, null)).toEqual({ result: "meets", reason: "产品不限行业" });
  });
  it("meets when the enterprise's industry is one the product targets", () => {
    expect(industry({}, "new-medicine")).toEqual({ result: "meets", reason: "企业属于新医药,在产品面向的行业之内" });
  });
  it("fails for another industry, naming both", () => {
    expect(industry({}, "electronic-information")).toEqual({
      result: "fails",
      reason: "产品面向新材料、新医药,企业属于电子信息",
    });
  });
  it("is unknown when the enterprise has not given its industry", () => {
    expect(industry({}, null)).toEqual({ result: "unknown", reason: "产品面向新材料、新医药,企业行业未知" });
  });
});

describe("qualifications", () => {
  const quals = (held: string[] | null) => criterion("qualifications", {}, {}, { qualifications: held });
  it("meets when the enterprise holds all of them", () => {
    expect(quals(["production", "tech-sme", "hnte"])).toEqual({
      result: "meets",
      reason: "持有高新技术企业、科技型中小企业",
    });
  });
  it("fits partly when it holds some, naming what is missing and what it has", () => {
    expect(quals(["hnte"])).toEqual({ result: "partly", reason: "缺少科技型中小企业(已有高新技术企业)" });
  });
  it("fails when it holds none of them", () => {
    expect(quals([])).toEqual({ result: "fails", reason: "缺少高新技术企业、科技型中小企业" });
    expect(quals(["production"])?.result).toBe("fails");
  });
  it("is unknown when they are not shared with this reader", () => {
    expect(quals(null)).toEqual({
      result: "unknown",
      reason: "产品要求高新技术企业、科技型中小企业;企业资质未授权查看",
    });
  });
});

describe("years in operation", () => {
  const today = "2026-06-01";
  const years = (registeredOn: string | null) =>
    criterion("years", { minYears: 3 }, {}, { yearsInOperation: yearsSince(registeredOn, today) });
  it("meets when registered on this day three years ago", () => {
    expect(years("2023-06-01")).toEqual({ result: "meets", reason: "成立3年,产品要求3年以上" });
  });
  it("fails one day short of it", () => {
    expect(years("2023-06-02")).toEqual({ result: "fails", reason: "成立2年,产品要求3年以上" });
  });
  it("is unknown without a registration date (or without consent)", () => {
    expect(years(null)).toEqual({ result: "unknown", reason: "产品要求成立3年以上;成立日期未知或未授权" });
  });
});

describe("revenue", () => {
  const revenue = (fen: number | null) => criterion("revenue", {}, {}, { revenueFen: fen });
  it("meets at exactly the minimum", () => {
    expect(revenue(2000 * WAN)).toEqual({ result: "meets", reason: "最近年度2,000万元,产品要求2,000万元以上" });
  });
  it("fails one fen under it", () => {
    expect(revenue(2000 * WAN - 1)).toEqual({
      result: "fails",
      reason: "最近年度1,999.999999万元,产品要求2,000万元以上",
    });
  });
  it("is unknown when not reported or not shared", () => {
    expect(revenue(null)).toEqual({ result: "unknown", reason: "产品要求2,000万元以上;营业收入未填报或未授权" });
  });
});

describe("yearsSince", () => {
  it("counts whole years, turning over on the anniversary", () => {
    expect(yearsSince("2010-03-18", "2026-03-17")).toBe(15);
    expect(yearsSince("2010-03-18", "2026-03-18")).toBe(16);
    expect(yearsSince("2025-12-31", "2026-01-01")).toBe(0);
  });
  it("turns a 29 February registration over on 1 March in common years", () => {
    expect(yearsSince("2020-02-29", "2021-02-28")).toBe(0);
    expect(yearsSince("2020-02-29", "2021-03-01")).toBe(1);
    expect(yearsSince("2020-02-29", "2024-02-29")).toBe(4);
  });
  it("is null without a date and never negative", () => {
    expect(yearsSince(null, "2026-06-01")).toBeNull();
    expect(yearsSince("", "2026-06-01")).toBeNull();
    expect(yearsSince("2027-01-01", "2026-06-01")).toBe(0);
  });
});

describe("rateText", () => {
  it("prints basis points as a percentage without trailing zeros", () => {
    expect(rateText(345)).toBe("3.45%");
    expect(rateText(400)).toBe("4%");
    expect(rateText(350)).toBe("3.5%");
    expect(rateText(1000)).toBe("10%");
    expect(rateText(3600)).toBe("36%");
    expect(rateText(10)).toBe("0.1%");
    expect(rateText(1)).toBe("0.01%");
  });
});
