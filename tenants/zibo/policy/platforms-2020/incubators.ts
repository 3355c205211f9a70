/**
 * Seed 001 4.3.2, incubators and university science parks: the floor-area
 * subsidy (new build 100元/m² up to 100万元, expansion 50元/m² up to 50万元),
 * awards for newly recognised national/provincial incubators (最高200万/50万),
 * and the municipal 20% top-up of the provincial subsidy to science parks.
 * 众创空间 awards of the same clause are in ./maker-spaces.ts.
 */
import { cases, programme, wan, yuan } from "../../../policy";

const DOC = "zibo-innovation-platforms-2020";
/** "上限100万元" and "上限50万元" cap the money, and the explanation says so in money, as the clause does. */
const NEW_RATE = yuan(100);
const NEW_CAP = wan(100);
const EXPANSION_RATE = yuan(50);
const EXPANSION_CAP = wan(50);

export const incubatorFloorArea = programme({
  id: "zibo-incubator-floor-area",
  title: { zh: "科技企业孵化器孵化用房补助", en: "Incubator floor-space subsidy" },
  document: DOC,
  clause: "4.3.2",
  excerpt: "对符合条件的科技企业孵化器,按照新建每平方米100元,上限100万元,改扩建每平方米50元,上限50万元孵化用房补助",
  category: "incubation",
  applicants: { zh: "符合条件的科技企业孵化器", kinds: ["carrier"] },
  facts: [
    {
      name: "qualifiedIncubator",
      type: "boolean",
      label: { zh: "为符合条件的科技企业孵化器", en: "Qualifying technology business incubator" },
      help: "以市科技局孵化成效评价和认定意见为准。",
    },
    {
      name: "buildType",
      type: "choice",
      label: { zh: "孵化用房建设方式", en: "Construction type" },
      options: [
        { value: "new", zh: "新建", en: "New build" },
        { value: "expansion", zh: "改扩建", en: "Renovation or expansion" },
      ],
    },
    {
      name: "floorArea",
      type: "count",
      unit: "平方米",
      label: { zh: "孵化用房面积", en: "Incubation floor area" },
      help: "本次新建或改扩建的孵化用房面积,按整平方米填写。",
    },
  ],
  conditions: [
    {
      id: "qualified",
      label: "符合条件的科技企业孵化器",
      test: { test: "equals", fact: "qualifiedIncubator", value: true },
    },
  ],
  amount: [
    {
      kind: "when",
      fact: "buildType",
      equals: "new",
      then: [
        {
          kind: "perUnit",
          label: "新建孵化用房每平方米100元,上限100万元",
          fact: "floorArea",
          fen: NEW_RATE,
          capFen: NEW_CAP,
        },
      ],
      otherwise: [
        {
          kind: "perUnit",
          label: "改扩建孵化用房每平方米50元,上限50万元",
          fact: "floorArea",
          fen: EXPANSION_RATE,
          capFen: EXPANSION_CAP,
        },
      ],
    },
  ],
  materials: [
    { id: "incubator-recognition", zh: "科技企业孵化器认定或备案文件", required: true },
    { id: "property-proof", zh: "孵化用房产权证明或租赁合同", required: true },
    { id: "construction-proof", zh: "新建或改扩建的竣工验收材料及面积测绘报告", required: true },
  ],
  note: "“上限”是补助额的封顶,不是评审区间:面积乘单价的结果即补助额,超过上限按上限计。条文未说同一孵化器新建后再改扩建能否再享受,本项不设跨次限额。",
});

const floor = (buildType: string, floorArea: number) => ({ qualifiedIncubator: true, buildType, floorArea });

export const incubatorFloorAreaCases = cases([
  {
    name: "new build 5,000 m²: 50万",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 5000),
    expect: { eligible: true, amountFen: wan(50), explains: ["新建孵化用房每平方米100元,上限100万元"] },
  },
  {
    name: "new build 1 m²: 100元",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 1),
    expect: { eligible: true, amountFen: yuan(100) },
  },
  {
    name: "new build 9,999 m²: 99.99万, under the cap",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 9999),
    expect: { eligible: true, amountFen: yuan(999900) },
  },
  {
    name: "new build 10,000 m²: exactly the 100万 cap",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 10000),
    expect: { eligible: true, amountFen: NEW_CAP },
  },
  {
    name: "new build 10,001 m²: capped at 100万",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 10001),
    expect: {
      eligible: true,
      amountFen: NEW_CAP,
      explains: ["10001平方米×100元=100.01万元,超过上限100万元,按100万元计"],
    },
  },
  {
    name: "new build 30,000 m²: capped at 100万",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 30000),
    expect: { eligible: true, amountFen: NEW_CAP },
  },
  {
    name: "expansion 5,000 m²: 25万",
    programme: "zibo-incubator-floor-area",
    facts: floor("expansion", 5000),
    expect: { eligible: true, amountFen: wan(25), explains: ["改扩建孵化用房每平方米50元,上限50万元"] },
  },
  {
    name: "expansion 9,999 m²: 49.995万",
    programme: "zibo-incubator-floor-area",
    facts: floor("expansion", 9999),
    expect: { eligible: true, amountFen: yuan(499950) },
  },
  {
    name: "expansion 10,000 m²: exactly the 50万 cap",
    programme: "zibo-incubator-floor-area",
    facts: floor("expansion", 10000),
    expect: { eligible: true, amountFen: EXPANSION_CAP },
  },
  {
    name: "expansion 10,001 m²: capped at 50万",
    programme: "zibo-incubator-floor-area",
    facts: floor("expansion", 10001),
    expect: { eligible: true, amountFen: EXPANSION_CAP },
  },
  {
    name: "no area: nothing to pay",
    programme: "zibo-incubator-floor-area",
    facts: floor("new", 0),
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "not a qualifying incubator: not eligible",
    programme: "zibo-incubator-floor-area",
    facts: { ...floor("new", 5000), qualifiedIncubator: false },
    expect: { eligible: false, amountFen: 0, conditions: { qualified: "fail" } },
  },
  {
    name: "construction type not given: unknown, no amount",
    programme: "zibo-incubator-floor-area",
    facts: { qualifiedIncubator: true, floorArea: 5000 },
    expect: { eligible: "unknown", amountFen: null, missing: ["buildType"] },
  },
  {
    name: "area not given: unknown, no amount",
    programme: "zibo-incubator-floor-area",
    facts: { qualifiedIncubator: true, buildType: "expansion" },
    expect: { eligible: "unknown", amountFen: null, missing: ["floorArea"] },
  },
]);

export const cityIncubatorAward = programme({
  id: "zibo-city-incubator-award",
  title: {
    zh: "新认定国家级、省级科技企业孵化器奖励(市级)",
    en: "City award for newly recognised national or provincial incubators",
  },
  document: DOC,
  clause: "4.3.2",
  excerpt: "对新认定的国家级、省级科技企业孵化器分别给予最高200万元、50万元奖励",
  category: "incubation",
  applicants: { zh: "新认定的国家级、省级科技企业孵化器", kinds: ["carrier"] },
  facts: [
    {
      name: "incubatorLevel",
      type: "choice",
      label: { zh: "孵化器认定级别", en: "Recognition level" },
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
      ],
    },
    { name: "newlyRecognised", type: "boolean", label: { zh: "为新认定的孵化器", en: "Newly recognised" } },
  ],
  conditions: [
    {
      id: "newly-recognised",
      label: "新认定的国家级、省级科技企业孵化器",
      test: { test: "equals", fact: "newlyRecognised", value: true },
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "新认定科技企业孵化器奖励",
      fact: "incubatorLevel",
      amounts: { national: wan(200), provincial: wan(50) },
      upTo: true,
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每次新认定奖励一次",
      upgrade: { fact: "incubatorLevel", order: ["provincial", "national"] },
    },
  ],
  materials: [
    { id: "recognition", zh: "国家级或省级科技企业孵化器认定文件", required: true },
    { id: "operations", zh: "孵化器运营情况及在孵企业名单", required: true },
  ],
  note:
    "“最高200万元、50万元”是上限,具体金额经评审确定。每次新认定奖励一次:同一级别已获奖励的不再给予;省级升为国家级属新认定,按国家级上限评审(是否扣除此前奖励,条文未规定,不扣减)。" +
    "此前记录未载明级别的按同一认定计。",
});

export const cityIncubatorAwardCases = cases([
  {
    name: "newly recognised national incubator: up to 200万",
    programme: "zibo-city-incubator-award",
    facts: { incubatorLevel: "national", newlyRecognised: true },
    expect: {
      eligible: true,
      amountFen: null,
      range: { minFen: 0, maxFen: wan(200) },
      explains: ["为最高额,具体金额评审确定"],
    },
  },
  {
    name: "newly recognised provincial incubator: up to 50万",
    programme: "zibo-city-incubator-award",
    facts: { incubatorLevel: "provincial", newlyRecognised: true },
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(50) } },
  },
  {
    name: "recognised earlier: not eligible",
    programme: "zibo-city-incubator-award",
    facts: { incubatorLevel: "national", newlyRecognised: false },
    expect: { eligible: false, amountFen: 0, conditions: { "newly-recognised": "fail" } },
  },
  {
    name: "provincial award in 2024, national now: an upgrade, up to 200万",
    programme: "zibo-city-incubator-award",
    facts: { incubatorLevel: "national", newlyRecognised: true },
    history: [
      {
        programme: "zibo-city-incubator-award",
        year: 2024,
        amountFen: wan(50),
        facts: { incubatorLevel: "provincial" },
      },
    ],
    expect: { eligible: true, range: { minFen: 0, maxFen: wan(200) } },
  },
  {
    name: "national award in 2024, national again: a repeat",
    programme: "zibo-city-incubator-award",
    facts: { incubatorLevel: "national", newlyRecognised: true },
    history: [
      {
        programme: "zibo-city-incubator-award",
        year: 2024,
        amountFen: wan(150),
        facts: { incubatorLevel: "national" },
      },
    ],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "level not given: unknown, no amount",
    programme: "zibo-city-incubator-award",
    facts: { newlyRecognised: true },
    expect: { eligible: "unknown", amountFen: null, missing: ["incubatorLevel"] },
  },
]);

/** "在省级分别给予每家100万元、300万元经费补助的基础上": the provincial subsidy the clause names. */
const PROVINCIAL_PARK_SUBSIDY = { provincial: wan(100), national: wan(300) };
const MUNICIPAL_SHARE = 20;
const share = (fen: number) => (fen * MUNICIPAL_SHARE) / 100;

export const universityPark = programme({
  id: "zibo-university-park",
  title: { zh: "大学科技园市级再补助", en: "Municipal top-up for university science parks" },
  document: DOC,
  clause: "4.3.2",
  excerpt:
    "对认定为省级大学科技园和国家级大学科技园的,在省级分别给予每家100万元、300万元经费补助的基础上,市级按照省补助经费的20%给予再补助。",
  category: "incubation",
  applicants: { zh: "认定为省级、国家级大学科技园并获省级经费补助的单位", kinds: ["institution", "carrier"] },
  facts: [
    {
      name: "parkLevel",
      type: "choice",
      label: { zh: "大学科技园认定级别", en: "Science park level" },
      help: "省级补助每家100万元,国家级每家300万元;市级再补助为其20%。",
      options: [
        { value: "provincial", zh: "省级大学科技园", en: "Provincial" },
        { value: "national", zh: "国家级大学科技园", en: "National" },
      ],
    },
    {
      name: "provincialFunded",
      type: "boolean",
      label: { zh: "已获省级大学科技园经费补助", en: "Received the provincial subsidy" },
    },
  ],
  conditions: [
    {
      id: "provincial-funded",
      label: "已获省级经费补助(市级在其基础上再补助)",
      test: { test: "equals", fact: "provincialFunded", value: true },
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "按省补助经费(省级大学科技园100万元、国家级300万元)的20%再补助",
      fact: "parkLevel",
      amounts: {
        provincial: share(PROVINCIAL_PARK_SUBSIDY.provincial),
        national: share(PROVINCIAL_PARK_SUBSIDY.national),
      },
    },
  ],
  limits: [
    { kind: "once", label: "每次认定再补助一次", upgrade: { fact: "parkLevel", order: ["provincial", "national"] } },
  ],
  materials: [
    { id: "recognition", zh: "省级或国家级大学科技园认定文件", required: true },
    { id: "provincial-award", zh: "省级经费补助下达文件", required: true },
  ],
  note:
    "条文本身写明省级补助为每家100万元(省级园)、300万元(国家级园),市级为其20%,即20万元、60万元;故按认定级别选择计算,不另请申请人填报省补助金额。若省级实际下达金额与条文不同,以省补助经费的20%为准," +
    "由主管部门核定。再补助按每次认定给予一次:省级园升为国家级园的属新认定,按国家级计;此前记录未载明级别的按同一认定计。",
});

export const universityParkCases = cases([
  {
    name: "provincial park: 20% of 100万 = 20万",
    programme: "zibo-university-park",
    facts: { parkLevel: "provincial", provincialFunded: true },
    expect: { eligible: true, amountFen: wan(20), explains: ["省级大学科技园", "20万元"] },
  },
  {
    name: "national park: 20% of 300万 = 60万",
    programme: "zibo-university-park",
    facts: { parkLevel: "national", provincialFunded: true },
    expect: { eligible: true, amountFen: wan(60) },
  },
  {
    name: "no provincial subsidy yet: nothing to top up",
    programme: "zibo-university-park",
    facts: { parkLevel: "national", provincialFunded: false },
    expect: { eligible: false, amountFen: 0, conditions: { "provincial-funded": "fail" } },
  },
  {
    name: "provincial park topped up in 2022, national now: an upgrade, 60万",
    programme: "zibo-university-park",
    facts: { parkLevel: "national", provincialFunded: true },
    history: [
      { programme: "zibo-university-park", year: 2022, amountFen: wan(20), facts: { parkLevel: "provincial" } },
    ],
    expect: { eligible: true, amountFen: wan(60) },
  },
  {
    name: "provincial park topped up in 2022, provincial again: a repeat",
    programme: "zibo-university-park",
    facts: { parkLevel: "provincial", provincialFunded: true },
    history: [
      { programme: "zibo-university-park", year: 2022, amountFen: wan(20), facts: { parkLevel: "provincial" } },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "earlier top-up with no level recorded: a repeat, with what to add",
    programme: "zibo-university-park",
    facts: { parkLevel: "national", provincialFunded: true },
    history: [{ programme: "zibo-university-park", year: 2022, amountFen: wan(20) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" }, explains: ["如属另一认定或升级请补充记录"] },
  },
  {
    name: "level not given: unknown",
    programme: "zibo-university-park",
    facts: { provincialFunded: true },
    expect: { eligible: "unknown", amountFen: null, missing: ["parkLevel"] },
  },
]);

export const incubatorParts = {
  programmes: [incubatorFloorArea, cityIncubatorAward, universityPark],
  cases: [...incubatorFloorAreaCases, ...cityIncubatorAwardCases, ...universityParkCases],
};
