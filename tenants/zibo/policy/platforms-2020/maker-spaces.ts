/**
 * Seed 001 4.3.2, 众创空间: 50万/20万元 for newly recognised national/provincial
 * maker spaces, and the one-off 50万元 for the 3–5 demonstration maker spaces
 * chosen each year. Seed 000 clause 6 has the zone's own maker-space awards
 * (ids zibo-maker-space-new…), so these carry the zibo-city- prefix.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-innovation-platforms-2020";

export const cityMakerSpace = programme({
  id: "zibo-city-maker-space",
  title: {
    zh: "新认定国家级、省级众创空间扶持(市级)",
    en: "City support for newly recognised national or provincial maker spaces",
  },
  document: DOC,
  clause: "4.3.2",
  excerpt: "对新认定的国家级、省级众创空间给予50万元、20万元扶持",
  category: "incubation",
  applicants: { zh: "新认定的国家级、省级众创空间", kinds: ["carrier"] },
  facts: [
    {
      name: "makerSpaceLevel",
      type: "choice",
      label: { zh: "众创空间认定级别", en: "Recognition level" },
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
      ],
    },
    { name: "newlyRecognised", type: "boolean", label: { zh: "为新认定的众创空间", en: "Newly recognised" } },
  ],
  conditions: [
    {
      id: "newly-recognised",
      label: "新认定的国家级、省级众创空间",
      test: { test: "equals", fact: "newlyRecognised", value: true },
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "新认定众创空间扶持",
      fact: "makerSpaceLevel",
      amounts: { national: wan(50), provincial: wan(20) },
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每次新认定扶持一次",
      upgrade: { fact: "makerSpaceLevel", order: ["provincial", "national"] },
    },
  ],
  note: "按每次新认定扶持一次:同一级别已获扶持的不再给予;省级升为国家级属新认定,按国家级50万元给予(条文未规定扣减)。此前记录未载明级别的按同一认定计。",
  materials: [
    { id: "recognition", zh: "国家级或省级众创空间认定(备案)文件", required: true },
    { id: "operations", zh: "众创空间运营情况及入驻团队、企业名单", required: true },
  ],
});

export const cityMakerSpaceCases = cases([
  {
    name: "newly recognised national maker space: 50万",
    programme: "zibo-city-maker-space",
    facts: { makerSpaceLevel: "national", newlyRecognised: true },
    expect: { eligible: true, amountFen: wan(50), explains: ["国家级", "50万元"] },
  },
  {
    name: "newly recognised provincial maker space: 20万",
    programme: "zibo-city-maker-space",
    facts: { makerSpaceLevel: "provincial", newlyRecognised: true },
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "recognised earlier: not eligible",
    programme: "zibo-city-maker-space",
    facts: { makerSpaceLevel: "provincial", newlyRecognised: false },
    expect: { eligible: false, amountFen: 0, conditions: { "newly-recognised": "fail" } },
  },
  {
    name: "provincial in 2024, national now: an upgrade, 50万",
    programme: "zibo-city-maker-space",
    facts: { makerSpaceLevel: "national", newlyRecognised: true },
    history: [
      { programme: "zibo-city-maker-space", year: 2024, amountFen: wan(20), facts: { makerSpaceLevel: "provincial" } },
    ],
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "provincial in 2024, provincial again: a repeat",
    programme: "zibo-city-maker-space",
    facts: { makerSpaceLevel: "provincial", newlyRecognised: true },
    history: [
      { programme: "zibo-city-maker-space", year: 2024, amountFen: wan(20), facts: { makerSpaceLevel: "provincial" } },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "level not given: unknown, no amount",
    programme: "zibo-city-maker-space",
    facts: { newlyRecognised: true },
    expect: { eligible: "unknown", amountFen: null, missing: ["makerSpaceLevel"] },
  },
]);

export const cityMakerSpaceDemo = programme({
  id: "zibo-city-maker-space-demo",
  title: { zh: "示范众创空间一次性扶持", en: "One-off support for demonstration maker spaces" },
  document: DOC,
  clause: "4.3.2",
  excerpt: "每年选择3-5家具有较强示范带动作用的分别给予每处50万元的一次性扶持",
  category: "incubation",
  applicants: { zh: "当年被选为具有较强示范带动作用的众创空间(每年3-5家)", kinds: ["carrier"] },
  facts: [
    {
      name: "selectedAsDemo",
      type: "boolean",
      label: {
        zh: "当年被选为具有较强示范带动作用的众创空间",
        en: "Selected this year as a demonstration maker space",
      },
      help: "每年由市里选择3-5家。",
    },
  ],
  conditions: [
    {
      id: "selected",
      label: "被选为具有较强示范带动作用的众创空间",
      test: { test: "equals", fact: "selectedAsDemo", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "示范众创空间一次性扶持", fen: wan(50) }],
  limits: [{ kind: "once", label: "每处50万元的一次性扶持" }],
  materials: [
    { id: "selection", zh: "示范众创空间入选文件", required: true },
    { id: "performance", zh: "众创空间孵化成效及示范带动情况报告", required: true },
  ],
  note: "“每年选择3-5家”是全市名额,由主管部门遴选,单个申请人无法据此计算;本项以是否入选为条件。“一次性”按同一申请人只享受一次处理;一个运营机构有多处众创空间时,按“每处”由主管部门分别核定。",
});

export const cityMakerSpaceDemoCases = cases([
  {
    name: "selected demonstration maker space: 50万",
    programme: "zibo-city-maker-space-demo",
    facts: { selectedAsDemo: true },
    expect: { eligible: true, amountFen: wan(50), explains: ["示范众创空间一次性扶持:50万元"] },
  },
  {
    name: "not selected: not eligible",
    programme: "zibo-city-maker-space-demo",
    facts: { selectedAsDemo: false },
    expect: { eligible: false, amountFen: 0, conditions: { selected: "fail" } },
  },
  {
    name: "already supported in 2024: one-off, not again",
    programme: "zibo-city-maker-space-demo",
    facts: { selectedAsDemo: true },
    history: [{ programme: "zibo-city-maker-space-demo", year: 2024, amountFen: wan(50) }],
    expect: {
      eligible: false,
      conditions: { "limit-1-once": "fail" },
      explains: ["每处50万元的一次性扶持(第四部分(三)第2项),不再重复支持"],
    },
  },
  {
    name: "a maker-space recognition award does not use up the one-off",
    programme: "zibo-city-maker-space-demo",
    facts: { selectedAsDemo: true },
    history: [{ programme: "zibo-city-maker-space", year: 2026, amountFen: wan(20) }],
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "selection not stated: unknown",
    programme: "zibo-city-maker-space-demo",
    facts: {},
    expect: { eligible: "unknown", amountFen: wan(50), missing: ["selectedAsDemo"] },
  },
]);

export const makerSpaceParts = {
  programmes: [cityMakerSpace, cityMakerSpaceDemo],
  cases: [...cityMakerSpaceCases, ...cityMakerSpaceDemoCases],
};
