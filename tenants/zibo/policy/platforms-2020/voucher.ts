/**
 * Seed 001 4.3.3, second sentence: the municipal innovation voucher. The city
 * matches the provincial voucher subsidy 1:1, except in 高青县 and 沂源县, where
 * it pays 30% of the cost actually incurred. The county is a choice fact and
 * each branch reads its own base, so both money facts are optional: the
 * branch taken asks for the one it needs.
 */
import { cases, programme, wan } from "../../../policy";

export const innovationVoucher = programme({
  id: "zibo-innovation-voucher",
  title: { zh: "创新券市级补助", en: "Municipal innovation voucher subsidy" },
  document: "zibo-innovation-platforms-2020",
  clause: "4.3.3",
  excerpt:
    "对中小微企业和创业(创客)团队在省级创新券给予补助基础上,市级按照1:1的比例进行补助(高青县、沂源县按照实际发生费用的30%补助)。",
  category: "rd",
  applicants: { zh: "已获省级创新券补助的中小微企业和创业(创客)团队", kinds: ["enterprise"] },
  facts: [
    {
      name: "smeOrMakerTeam",
      type: "boolean",
      label: {
        zh: "申请人为中小微企业或创业(创客)团队",
        en: "Applicant is a small or micro enterprise or a start-up (maker) team",
      },
      prefill: { source: "smeStandard" },
    },
    {
      name: "provincialVoucher",
      type: "boolean",
      label: { zh: "已获省级创新券补助", en: "Received a provincial innovation voucher subsidy" },
    },
    {
      name: "county",
      type: "choice",
      label: { zh: "申请人所在区县", en: "County or district" },
      help: "高青县、沂源县按实际发生费用的30%补助,其他区县按省级补助1:1配套。",
      options: [
        { value: "gaoqing", zh: "高青县", en: "Gaoqing County" },
        { value: "yiyuan", zh: "沂源县", en: "Yiyuan County" },
        { value: "other", zh: "其他区县", en: "Another district or county" },
      ],
    },
    {
      name: "provincialVoucherFen",
      type: "money",
      optional: true,
      label: { zh: "省级创新券补助金额", en: "Provincial voucher subsidy" },
      help: "高青县、沂源县以外的区县填写:市级按1:1配套。",
    },
    {
      name: "actualCostFen",
      type: "money",
      optional: true,
      label: { zh: "实际发生费用", en: "Cost actually incurred" },
      help: "高青县、沂源县填写:使用创新券购买服务实际发生的费用。",
    },
  ],
  conditions: [
    {
      id: "applicant",
      label: "中小微企业或创业(创客)团队",
      test: { test: "equals", fact: "smeOrMakerTeam", value: true },
    },
    {
      id: "provincial-voucher",
      label: "已获省级创新券补助",
      test: { test: "equals", fact: "provincialVoucher", value: true },
    },
  ],
  amount: [
    {
      kind: "when",
      fact: "county",
      equals: "gaoqing",
      then: [{ kind: "percent", label: "高青县按实际发生费用的30%补助", base: { fact: "actualCostFen" }, percent: 30 }],
      otherwise: [
        {
          kind: "when",
          fact: "county",
          equals: "yiyuan",
          then: [
            { kind: "percent", label: "沂源县按实际发生费用的30%补助", base: { fact: "actualCostFen" }, percent: 30 },
          ],
          otherwise: [
            {
              kind: "percent",
              label: "市级按省级创新券补助1:1配套",
              base: { fact: "provincialVoucherFen" },
              percent: 100,
            },
          ],
        },
      ],
    },
  ],
  materials: [
    { id: "provincial-voucher", zh: "省级创新券补助兑付凭证", required: true },
    { id: "service-contract", zh: "创新券服务合同及发票", required: true },
    { id: "sme-proof", zh: "中小微企业证明或创业(创客)团队登记材料", required: true },
  ],
  note: "括号中的高青县、沂源县办法只替换“1:1”的计算方法,“在省级创新券给予补助基础上”仍适用,故两县也要求已获省级创新券补助。条文未规定年度上限。",
});

const base = { smeOrMakerTeam: true, provincialVoucher: true };

export const innovationVoucherCases = cases([
  {
    name: "other district, 5万 provincial voucher: 5万 (1:1)",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "other", provincialVoucherFen: wan(5) },
    expect: { eligible: true, amountFen: wan(5), explains: ["市级按省级创新券补助1:1配套", "的100%为5万元"] },
  },
  {
    name: "1:1 keeps every fen: 12,345.67元 → 12,345.67元",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "other", provincialVoucherFen: 1234567 },
    expect: { eligible: true, amountFen: 1234567 },
  },
  {
    name: "高青县, 10万 actual cost: 30% = 3万",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "gaoqing", actualCostFen: wan(10) },
    expect: { eligible: true, amountFen: wan(3), explains: ["高青县按实际发生费用的30%补助"] },
  },
  {
    name: "沂源县, 10万 actual cost: 30% = 3万",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "yiyuan", actualCostFen: wan(10) },
    expect: { eligible: true, amountFen: wan(3), explains: ["沂源县按实际发生费用的30%补助"] },
  },
  {
    name: "沂源县: 30% of 5 fen is 1.5 fen, rounds half up to 2",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "yiyuan", actualCostFen: 5 },
    expect: { eligible: true, amountFen: 2 },
  },
  {
    name: "高青县: 30% of 1 fen is 0.3 fen, rounds to 0",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "gaoqing", actualCostFen: 1 },
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "高青县 ignores the provincial amount: the 30% rule replaces 1:1",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "gaoqing", actualCostFen: wan(10), provincialVoucherFen: wan(5) },
    expect: { eligible: true, amountFen: wan(3) },
  },
  {
    name: "高青县 without the actual cost: unknown, asks for it",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "gaoqing", provincialVoucherFen: wan(5) },
    expect: { eligible: "unknown", amountFen: null, missing: ["actualCostFen"] },
  },
  {
    name: "other district without the provincial amount: unknown, asks for it",
    programme: "zibo-innovation-voucher",
    facts: { ...base, county: "other", actualCostFen: wan(10) },
    expect: { eligible: "unknown", amountFen: null, missing: ["provincialVoucherFen"] },
  },
  {
    name: "county not given: unknown, asks for the county only",
    programme: "zibo-innovation-voucher",
    facts: { ...base },
    expect: { eligible: "unknown", amountFen: null, missing: ["county"] },
  },
  {
    name: "no provincial voucher: the municipal subsidy is a top-up, not eligible",
    programme: "zibo-innovation-voucher",
    facts: { smeOrMakerTeam: true, provincialVoucher: false, county: "other", provincialVoucherFen: 0 },
    expect: { eligible: false, amountFen: 0, conditions: { "provincial-voucher": "fail" } },
  },
  {
    name: "高青县 also needs the provincial voucher",
    programme: "zibo-innovation-voucher",
    facts: { smeOrMakerTeam: true, provincialVoucher: false, county: "gaoqing", actualCostFen: wan(10) },
    expect: { eligible: false, conditions: { "provincial-voucher": "fail" } },
  },
  {
    name: "a large enterprise: not eligible",
    programme: "zibo-innovation-voucher",
    facts: { smeOrMakerTeam: false, provincialVoucher: true, county: "other", provincialVoucherFen: wan(5) },
    expect: { eligible: false, conditions: { applicant: "fail" } },
  },
]);

export const voucherParts = { programmes: [innovationVoucher], cases: [...innovationVoucherCases] };
