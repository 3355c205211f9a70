/**
 * Facts the records prove are filled in: 是否为生产型企业 from the registered
 * industry section when no production claim decides it, and 中小企业 by the
 * national SME standard (工信部联企业〔2011〕300号) at its thresholds.
 */
import { describe, expect, it } from "vitest";
import { loadPolicySet } from "../../../tenants/policy-sets";
import zibo from "../../../tenants/zibo/zone";
import { compilePolicySet } from "./compile";
import type { Profile } from "./format/programme";
import { prefillFacts } from "./prefill";
import { isSmeByStandard } from "./sme-standard";
import { fact } from "./test-support";

const WAN = 1_000_000;
const profile = (p: Partial<Profile>): Profile => ({
  qualifications: [],
  industry: null,
  employees: null,
  registeredCapitalFen: null,
  figures: [],
  ...p,
});
const year = (employees: number | null, revenueWan: number | null) => ({
  year: 2025,
  revenueFen: revenueWan === null ? null : revenueWan * WAN,
  rdExpenseFen: null,
  rdSuperDeductionFen: null,
  taxPaidFen: null,
  employees,
  rdStaff: null,
});

describe("是否为生产型企业 (zibo-invention-patent) from the enterprise's records", async () => {
  const set = compilePolicySet(await loadPolicySet(zibo), zibo);
  const patent = set.programmes.get("zibo-invention-patent")!;

  it("is 是 for a manufacturer (门类 C) that claimed neither production nor non-production", () => {
    expect(
      prefillFacts(patent, profile({ qualifications: ["hnte", "tech-sme"], industryClass: "C2659" })),
    ).toMatchObject({ productionEnterprise: true });
  });

  it("is 否 outside 工业 (I 信息技术服务), and a verified claim outranks the industry section", () => {
    expect(prefillFacts(patent, profile({ industryClass: "I6520" }))).toMatchObject({ productionEnterprise: false });
    expect(prefillFacts(patent, profile({ qualifications: ["non-production"], industryClass: "C2659" }))).toMatchObject(
      { productionEnterprise: false },
    );
    expect(prefillFacts(patent, profile({ qualifications: ["production"], industryClass: "I6520" }))).toMatchObject({
      productionEnterprise: true,
    });
  });

  it("stays unfilled when nothing in the records says", () => {
    expect(prefillFacts(patent, profile({ qualifications: ["hnte"] }))).not.toHaveProperty("productionEnterprise");
  });
});

describe("中小企业 by the national standard", () => {
  const p = { facts: [{ ...fact("isSme", "boolean", { prefill: { source: "smeStandard" } }), optional: false }] };

  it("uses the latest year's headcount and revenue against the industry's thresholds (工业: 1000 人且 4亿元)", () => {
    expect(prefillFacts(p, profile({ industryClass: "C3073", figures: [year(1200, 50000)] }))).toEqual({
      isSme: false,
    });
    expect(prefillFacts(p, profile({ industryClass: "C3073", figures: [year(999, 50000)] }))).toEqual({ isSme: true });
    expect(prefillFacts(p, profile({ industryClass: "C3073", figures: [year(1200, 39999)] }))).toEqual({ isSme: true });
    // Headcount from the profile when the figures give none; unknown revenue with a large headcount decides nothing.
    expect(prefillFacts(p, profile({ industryClass: "C3073", employees: 85 }))).toEqual({ isSme: true });
    expect(prefillFacts(p, profile({ industryClass: "C3073", employees: 1500 }))).toEqual({});
    expect(prefillFacts(p, profile({ employees: 85 }))).toEqual({});
  });

  it("takes each threshold as the standard does: a large enterprise meets every one (以上含本数)", () => {
    expect(isSmeByStandard({ industryClass: "C2651", employees: 1000, revenueFen: 40000 * WAN })).toBe(false);
    expect(isSmeByStandard({ industryClass: "I6510", employees: 300, revenueFen: 10000 * WAN })).toBe(false);
    expect(isSmeByStandard({ industryClass: "I6510", employees: 299, revenueFen: 90000 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "I6311", employees: 1999, revenueFen: 200000 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "F5212", employees: 300, revenueFen: 20000 * WAN })).toBe(false);
    expect(isSmeByStandard({ industryClass: "F5110", employees: 199, revenueFen: 90000 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "A0111", employees: 5000, revenueFen: 19999 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "K7020", employees: 1200, revenueFen: 4999 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "M7320", employees: 300, revenueFen: 1 })).toBe(false);
  });

  it("cannot call an enterprise large on a threshold of total assets the platform does not record", () => {
    expect(isSmeByStandard({ industryClass: "E4710", employees: 5000, revenueFen: 90000 * WAN })).toBeNull();
    expect(isSmeByStandard({ industryClass: "E4710", employees: 5000, revenueFen: 70000 * WAN })).toBe(true);
    expect(isSmeByStandard({ industryClass: "L7211", employees: 299, revenueFen: null })).toBe(true);
  });
});
