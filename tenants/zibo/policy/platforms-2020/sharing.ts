/**
 * Seed 001 4.3.1 and 4.3.3: public technical service platforms (最高100万元 by
 * service efficacy) and the municipal top-up for instrument sharing (最高30% of
 * the service total). 4.3.3 puts the two in one exclusion group
 * ("按就高不就低原则,不重复享受"), so each lists the other in an `exclusive` limit.
 * The innovation voucher (same clause, second sentence) is in ./voucher.ts.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-innovation-platforms-2020";
const EXCLUSIVE_LABEL = "仪器设备共享配套支持与公共技术服务平台扶持资金按就高不就低原则,不重复享受";

export const publicServicePlatform = programme({
  id: "zibo-public-service-platform",
  title: { zh: "公共技术服务平台扶持", en: "Support for public technical service platforms" },
  document: DOC,
  clause: "4.3.1",
  excerpt: "对运行管理完善并为中小微企业提供优质高效服务的,按其服务效能,市财政给予最高100万元扶持。",
  category: "platform",
  applicants: {
    zh: "运行管理完善并为中小微企业提供优质高效服务的公共技术服务平台",
    kinds: ["agency", "institution", "enterprise"],
  },
  facts: [
    { name: "wellManaged", type: "boolean", label: { zh: "平台运行管理完善", en: "Platform is well run" } },
    {
      name: "servesSmes",
      type: "boolean",
      label: { zh: "为中小微企业提供优质高效服务", en: "Serves small and micro enterprises well" },
      help: "以服务记录、服务企业名单等证明。",
    },
  ],
  conditions: [
    { id: "well-managed", label: "运行管理完善", test: { test: "equals", fact: "wellManaged", value: true } },
    {
      id: "serves-smes",
      label: "为中小微企业提供优质高效服务",
      test: { test: "equals", fact: "servesSmes", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "按服务效能给予公共技术服务平台扶持", fen: wan(100), upTo: true }],
  limits: [
    {
      kind: "exclusive",
      label: EXCLUSIVE_LABEL,
      clause: "4.3.3",
      programmes: ["zibo-instrument-sharing"],
      per: "year",
    },
  ],
  materials: [
    { id: "platform-intro", zh: "公共技术服务平台运行管理制度及情况说明", required: true },
    { id: "service-records", zh: "为中小微企业提供服务的记录、合同及服务企业名单", required: true },
    { id: "efficacy-report", zh: "年度服务效能报告", required: true },
  ],
  note: "“最高100万元”按服务效能评定,金额经评审确定。与第四部分(三)第3项仪器设备共享配套支持同一年度就高不就低、不重复享受。",
});

export const publicServicePlatformCases = cases([
  {
    name: "well run and serving SMEs: up to 100万",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: true },
    expect: {
      eligible: true,
      amountFen: null,
      range: { minFen: 0, maxFen: wan(100) },
      explains: ["第四部分(三)第1项"],
    },
  },
  {
    name: "not well run: not eligible",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: false, servesSmes: true },
    expect: { eligible: false, amountFen: 0, conditions: { "well-managed": "fail" } },
  },
  {
    name: "does not serve SMEs: not eligible",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: false },
    expect: { eligible: false, conditions: { "serves-smes": "fail" } },
  },
  {
    name: "service to SMEs not stated: unknown",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true },
    expect: { eligible: "unknown", missing: ["servesSmes"] },
  },
  {
    name: "instrument-sharing top-up of 40万 this year: only the 60万 above it",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: true },
    history: [{ programme: "zibo-instrument-sharing", year: 2026, amountFen: wan(40) }],
    expect: {
      eligible: true,
      range: { minFen: 0, maxFen: wan(60) },
      conditions: { "limit-1-exclusive": "pass" },
      explains: ["就高不就低"],
    },
  },
  {
    name: "instrument-sharing top-up of 100万 this year: this one is not higher",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: true },
    history: [{ programme: "zibo-instrument-sharing", year: 2026, amountFen: wan(100) }],
    expect: { eligible: false, conditions: { "limit-1-exclusive": "fail" } },
  },
  {
    name: "instrument-sharing top-up one fen under 100万: one fen left",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: true },
    history: [{ programme: "zibo-instrument-sharing", year: 2026, amountFen: wan(100) - 1 }],
    expect: { eligible: true, range: { minFen: 0, maxFen: 1 } },
  },
  {
    name: "instrument-sharing top-up last year: no effect this year",
    programme: "zibo-public-service-platform",
    facts: { wellManaged: true, servesSmes: true },
    history: [{ programme: "zibo-instrument-sharing", year: 2025, amountFen: wan(100) }],
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(100) } },
  },
]);

export const instrumentSharing = programme({
  id: "zibo-instrument-sharing",
  title: { zh: "科学仪器设备共享市级配套支持", en: "Municipal top-up for shared scientific instruments" },
  document: DOC,
  clause: "4.3.3",
  excerpt:
    "在省级按照实际服务的创新总额补助基础上,市级再按照实际服务创新总额最高30%的比例配套支持(与公共技术服务平台扶持资金按就高不就低原则,不重复享受)。",
  category: "platform",
  applicants: {
    zh: "依托“省大型科学仪器设备协作共用网”开放共享仪器设备的企业、创新平台、公共技术服务平台、新型研发机构等",
    kinds: ["enterprise", "institution", "agency"],
  },
  facts: [
    {
      name: "sharedOnProvincialNetwork",
      type: "boolean",
      label: {
        zh: "仪器设备依托“省大型科学仪器设备协作共用网”开放共享",
        en: "Instruments shared on the provincial instrument-sharing network",
      },
    },
    {
      name: "provincialSubsidised",
      type: "boolean",
      label: { zh: "已获省级按实际服务创新总额给予的补助", en: "Received the provincial subsidy on the service total" },
      help: "市级配套在省级补助的基础上给予。",
    },
    {
      name: "serviceTotalFen",
      type: "money",
      label: { zh: "实际服务创新总额", en: "Actual value of sharing services" },
      help: "省级补助核定的实际服务创新总额。",
    },
  ],
  conditions: [
    {
      id: "shared",
      label: "依托“省大型科学仪器设备协作共用网”开放共享",
      test: { test: "equals", fact: "sharedOnProvincialNetwork", value: true },
    },
    {
      id: "provincial",
      label: "已获省级按实际服务创新总额补助",
      test: { test: "equals", fact: "provincialSubsidised", value: true },
    },
  ],
  amount: [
    {
      kind: "percent",
      label: "按实际服务创新总额最高30%的比例配套支持",
      base: { fact: "serviceTotalFen" },
      percent: 30,
      upTo: true,
    },
  ],
  limits: [{ kind: "exclusive", label: EXCLUSIVE_LABEL, programmes: ["zibo-public-service-platform"], per: "year" }],
  materials: [
    { id: "provincial-award", zh: "省级仪器设备共享补助下达文件", required: true },
    { id: "service-list", zh: "通过协作共用网提供服务的明细及实际服务创新总额证明", required: true },
  ],
  note: "“最高30%”是比例上限,实际比例经评审确定,故结果为0至服务总额30%的区间。就高不就低按同一年度比较。",
});

export const instrumentSharingCases = cases([
  {
    name: "100万 of services: up to 30万",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: wan(100) },
    expect: { eligible: true, amountFen: null, range: { minFen: 0, maxFen: wan(30) }, explains: ["的30%为30万元"] },
  },
  {
    name: "30% of 5 fen is 1.5 fen: the ceiling rounds half up to 2 fen",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: 5 },
    expect: { eligible: true, range: { minFen: 0, maxFen: 2 } },
  },
  {
    name: "30% of 1 fen is 0.3 fen: rounds to 0",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: 1 },
    expect: { eligible: true, range: { minFen: 0, maxFen: 0 } },
  },
  {
    name: "no provincial subsidy: the municipal top-up has no base",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: false, serviceTotalFen: wan(100) },
    expect: { eligible: false, amountFen: 0, conditions: { provincial: "fail" } },
  },
  {
    name: "not shared on the provincial network: not eligible",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: false, provincialSubsidised: true, serviceTotalFen: wan(100) },
    expect: { eligible: false, conditions: { shared: "fail" } },
  },
  {
    name: "service total missing: unknown, no amount",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true },
    expect: { eligible: "unknown", amountFen: null, missing: ["serviceTotalFen"] },
  },
  {
    name: "public-platform support of 20万 this year: 10万 above it at most",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: wan(100) },
    history: [{ programme: "zibo-public-service-platform", year: 2026, amountFen: wan(20) }],
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(10) }, explains: ["扣除已享受的同类补助20万元"] },
  },
  {
    name: "public-platform support of exactly 30万 this year: not higher, nothing",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: wan(100) },
    history: [{ programme: "zibo-public-service-platform", year: 2026, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-exclusive": "fail" } },
  },
  {
    name: "public-platform support in 2025: no effect in 2026",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: wan(100) },
    history: [{ programme: "zibo-public-service-platform", year: 2025, amountFen: wan(100) }],
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(30) } },
  },
  {
    name: "an earlier instrument top-up of its own does not exclude this one",
    programme: "zibo-instrument-sharing",
    facts: { sharedOnProvincialNetwork: true, provincialSubsidised: true, serviceTotalFen: wan(100) },
    history: [{ programme: "zibo-instrument-sharing", year: 2026, amountFen: wan(10) }],
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(30) } },
  },
]);

export const sharingParts = {
  programmes: [publicServicePlatform, instrumentSharing],
  cases: [...publicServicePlatformCases, ...instrumentSharingCases],
};
