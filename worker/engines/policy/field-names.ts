/**
 * The Chinese name of every field of the rule format (./format/*.ts and the policy
 * document schema), so a change is said as "限额「…」的金额" rather than `limits.0.fen`.
 * Each kind of object lists its keys; `child` says what a key holds. field-names.test.ts
 * walks the zod schemas and fails when a key has no name here.
 */

export type Kind =
  | "programme"
  | "bilingual"
  | "applicants"
  | "fact"
  | "option"
  | "prefill"
  | "condition"
  | "test"
  | "alternative"
  | "component"
  | "base"
  | "increase"
  | "percentBy"
  | "extra"
  | "lprCap"
  | "limit"
  | "upgrade"
  | "material"
  | "window"
  | "document"
  | "validity"
  | "extension"
  | "source"
  | "clause"
  | "meta";

export interface FieldNode {
  name: string;
  /** What the key holds when it is an object, or a list (`list`) or map (`map`) of them. */
  child?: Kind;
  list?: true;
  map?: true;
}

const n = (name: string, child?: Kind, how?: "list" | "map"): FieldNode => ({
  name,
  ...(child ? { child } : {}),
  ...(how === "list" ? { list: true as const } : how === "map" ? { map: true as const } : {}),
});

export const FIELD_NAMES: Record<Kind, Record<string, FieldNode>> = {
  meta: { label: n("版本名称"), effectiveFrom: n("生效日期"), note: n("版本说明") },
  programme: {
    id: n("项目编号"),
    title: n("项目名称", "bilingual"),
    document: n("所依据的政策文件"),
    clause: n("所依据的条款"),
    excerpt: n("条款原文摘录"),
    category: n("政策类别"),
    applicants: n("申报主体", "applicants"),
    facts: n("申报信息项", "fact", "list"),
    conditions: n("申报条件", "condition", "list"),
    amount: n("金额计算", "component", "list"),
    limits: n("限额", "limit", "list"),
    materials: n("申报材料", "material", "list"),
    windows: n("申报期", "window", "list"),
    annualBudgetFen: n("年度预算"),
    note: n("认定说明"),
  },
  bilingual: { zh: n("中文"), en: n("英文") },
  applicants: {
    zh: n("说明"),
    kinds: n("主体类型"),
    qualifications: n("资质要求"),
    industries: n("产业要求"),
  },
  fact: {
    name: n("字段代码"),
    type: n("类型"),
    label: n("名称", "bilingual"),
    help: n("填写说明"),
    unit: n("单位"),
    min: n("最小值"),
    max: n("最大值"),
    options: n("选项", "option", "list"),
    optional: n("是否选填"),
    prefill: n("自动填入来源", "prefill"),
  },
  option: { value: n("代码"), zh: n("名称"), en: n("英文名称") },
  prefill: {
    source: n("来源"),
    field: n("取自的企业数据"),
    year: n("取数年度"),
    trueIf: n("视为“是”的资质"),
    falseIf: n("视为“否”的资质"),
    industrySections: n("按行业门类判断"),
  },
  condition: { id: n("代码"), label: n("名称"), clause: n("所依据的条款"), test: n("判断规则", "test") },
  test: {
    test: n("判断方式"),
    fact: n("所依据的信息项"),
    word: n("门槛用语"),
    value: n("门槛"),
    negate: n("取反(未达到时满足)"),
    from: n("区间下限"),
    to: n("区间上限"),
    numerator: n("比例的分子"),
    denominator: n("比例的分母"),
    percent: n("比例门槛"),
    values: n("可选值"),
    code: n("资质"),
    codes: n("产业"),
    of: n("条件", "test", "list"),
  },
  alternative: { label: n("名称"), test: n("判断规则", "test") },
  component: {
    kind: n("计算方式"),
    label: n("名称"),
    clause: n("所依据的条款"),
    fen: n("金额"),
    upTo: n("是否为最高额"),
    fact: n("所依据的信息项"),
    amounts: n("各选项金额", undefined, "map"),
    base: n("计算基数", "base"),
    percent: n("比例", "percentBy"),
    capFen: n("单项上限"),
    maxUnits: n("最多计数"),
    maxUnitsPer: n("累计计数所按的信息项"),
    extra: n("超出部分加奖", "extra"),
    equals: n("适用条件的取值"),
    then: n("满足时的计算", "component", "list"),
    otherwise: n("不满足时的计算", "component", "list"),
    minFen: n("评审金额下限"),
    maxFen: n("评审金额上限"),
    principal: n("贷款本金信息项"),
    rate: n("贷款利率信息项"),
    from: n("计息起始日信息项"),
    to: n("计息截止日信息项"),
    paid: n("实付利息信息项"),
    share: n("贴息比例"),
    lpr: n("按LPR计算的上限", "lprCap"),
  },
  base: {
    fact: n("信息项"),
    increase: n("同比新增", "increase"),
    average: n("取平均的信息项"),
    sum: n("相加的信息项"),
  },
  increase: { current: n("本期信息项"), previous: n("上期信息项") },
  percentBy: { fact: n("按选项定比例的信息项"), byChoice: n("各选项比例", undefined, "map") },
  lprCap: { percent: n("占LPR利息的比例"), term: n("LPR期限") },
  extra: { over: n("超过的数量"), fen: n("超出部分每单位金额"), perYear: n("按同一年度累计") },
  limit: {
    kind: n("限额类型"),
    label: n("名称"),
    clause: n("所依据的条款"),
    programmes: n("合并计算的项目"),
    fen: n("限额金额"),
    projectFact: n("项目编号所在信息项"),
    per: n("区分依据"),
    upgrade: n("升级认定", "upgrade"),
    validYears: n("认定有效年数"),
    years: n("最多支持年数"),
  },
  upgrade: { fact: n("级别信息项"), order: n("级别顺序") },
  material: { id: n("代码"), zh: n("名称"), required: n("是否必交") },
  window: { from: n("开始日期"), to: n("结束日期") },
  document: {
    id: n("文件编号"),
    title: n("标题"),
    docNumber: n("文号"),
    issuer: n("发文机关"),
    issuedOn: n("发文日期"),
    effectiveFrom: n("施行日期"),
    effectiveTo: n("失效日期"),
    validity: n("有效期", "validity"),
    extension: n("延期", "extension"),
    level: n("层级"),
    summary: n("摘要"),
    source: n("来源", "source"),
    clauses: n("条款", "clause", "list"),
  },
  validity: { from: n("起始日期"), until: n("截止日期"), source: n("原文依据"), unspecified: n("未规定有效期") },
  extension: { until: n("延至"), by: n("延期文件") },
  source: { seed: n("原始文本"), url: n("网址") },
  clause: { id: n("条款编号"), label: n("条款序号"), section: n("所在章节"), text: n("条款原文") },
};

/** A labelled list element is named by its label; others by their place ("第2项"). */
function element(parent: FieldNode, at: number, item: unknown): string {
  const o = item && typeof item === "object" ? (item as Record<string, unknown>) : {};
  const label = typeof o.label === "string" ? o.label : typeof o.zh === "string" ? o.zh : null;
  const zh = o.label && typeof o.label === "object" ? (o.label as { zh?: unknown }).zh : undefined;
  const name = label ?? (typeof zh === "string" ? zh : null);
  return name ? `${parent.name}「${name}」` : `第${at + 1}项${parent.name}`;
}

export interface FieldLocation {
  /** "限额「单个企业年度最高补助金额不超过100万元」的限额金额"; null where a key has no name. */
  zh: string | null;
  /** The key's node and the object that holds it (for showing its value). */
  node: FieldNode | null;
  holder: Record<string, unknown> | null;
  kind: Kind;
  /** How many segments of the path were named: a path into a list of plain values stops at the list. */
  consumed: number;
}

/**
 * Names a path of a programme, document or the set's own fields, reading `root` (the object
 * after the change) to tell an 档 of `any` from a test of `all` and to name elements by label.
 */
export function locateField(kind: Kind, path: readonly (string | number)[], root: unknown): FieldLocation {
  const words: string[] = [];
  let k: Kind = kind;
  let at: unknown = root;
  let node: FieldNode | null = null;
  let holder: Record<string, unknown> | null = null;
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    holder = at && typeof at === "object" ? (at as Record<string, unknown>) : null;
    node = FIELD_NAMES[k][key] ?? null;
    if (!node) return { zh: null, node: null, holder, kind: k, consumed: i };
    at = holder?.[key];
    if (node.list && i + 1 < path.length) {
      const idx = Number(path[++i]);
      const item = Array.isArray(at) ? at[idx] : undefined;
      // Alternatives of an `any` are the tiers of a clause: 第2档.
      const isAny = k === "test" && key === "of" && holder?.test === "any";
      words.push(isAny ? tier(idx, item) : element(node, idx, item));
      at = item;
      k = isAny ? "alternative" : node.child!;
      node = null;
      continue;
    }
    if (node.map && i + 1 < path.length) {
      const option = String(path[++i]);
      words.push(`${node.name}中「${optionName(root, holder?.fact, option)}」`);
      at = (at as Record<string, unknown> | undefined)?.[option];
      node = { name: node.name };
      continue;
    }
    if (node.child && i + 1 < path.length) {
      if (!(k === "condition" && key === "test")) words.push(node.name);
      k = node.child;
      continue;
    }
    // The Chinese of a bilingual text is the text itself: "项目名称", not "项目名称的中文".
    if (!(k === "bilingual" && key === "zh")) words.push(node.name);
    return { zh: words.join("的") || null, node, holder, kind: k, consumed: i + 1 };
  }
  return { zh: words.join("的") || null, node, holder, kind: k, consumed: path.length };
}

/** An option of a choice fact by its Chinese name ("省级", not "provincial"), where the programme declares it. */
function optionName(root: unknown, fact: unknown, option: string): string {
  const facts = (root as { facts?: { name: string; options?: { value: string; zh: string }[] }[] } | null)?.facts;
  const found = Array.isArray(facts)
    ? facts.find((f) => f.name === fact)?.options?.find((o) => o.value === option)
    : undefined;
  return found?.zh ?? option;
}

function tier(idx: number, item: unknown): string {
  const label = (item as { label?: unknown } | undefined)?.label;
  return `第${idx + 1}档${typeof label === "string" ? `「${label}」` : ""}`;
}
