/**
 * Why a policy set is refused, said in Chinese: each format problem (the zod-strict
 * format and ./format/check-policy-set.ts, whose messages stay English for the CLI)
 * with the programme's title and the field's Chinese name. Pure.
 */
import { locateField } from "./field-names";

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

const TYPES: Record<string, string> = {
  money: "金额",
  count: "数量",
  percent: "百分比",
  boolean: "是/否",
  choice: "选项",
  text: "文字",
};
const types = (s: string) =>
  s
    .split(" or ")
    .map((t) => TYPES[t] ?? t)
    .join("或");

/** The English messages of the format, each with its Chinese. */
const MESSAGES: [RegExp, (...m: string[]) => string][] = [
  [/^duplicate programme id$/, () => "项目编号与另一个项目重复"],
  [/^no document (\S+) in this policy set$/, (d) => `所依据的政策文件 ${d} 不在这套政策中`],
  [/^document (\S+) has no clause (\S+)$/, (d, c) => `政策文件 ${d} 没有编号为 ${c} 的条款`],
  [/^excerpt is not verbatim from clause (\S+)$/, (c) => `与第 ${c} 条原文不一致,须逐字摘录`],
  [/^duplicate fact (\S+)$/, (f) => `信息项代码 ${f} 重复`],
  [/^uses fact (\S+), which the programme does not declare$/, (f) => `用到了本项目没有声明的信息项 ${f}`],
  [
    /^fact (\S+) is (\w+); here it must be (.+)$/,
    (f, t, want) => `信息项 ${f} 是${types(t)}类型,这里须为${types(want)}类型`,
  ],
  [/^fact (\S+) has no option (\S+)$/, (f, o) => `信息项 ${f} 没有选项 ${o}`],
  [/^between: from (\S+) is above to (\S+)$/, (a, b) => `区间下限 ${a} 高于上限 ${b}`],
  [/^duplicate condition id (\S+)$/, (c) => `条件代码 ${c} 重复`],
  [/^maxUnitsPer needs maxUnits$/, () => "设了累计计数所按的信息项,还须设最多计数"],
  [/^window (\S+)–(\S+) ends before it starts$/, (a, b) => `申报期 ${a}至${b} 的结束日期早于开始日期`],
  [/^duplicate material id (\S+)$/, (m) => `申报材料代码 ${m} 重复`],
  [/^limit names unknown programme (\S+)$/, (p) => `合并计算的项目 ${p} 不在这套政策中`],
  [/^case "(.+)": no programme (\S+)$/, (n, p) => `用例「${n}」所属的项目 ${p} 不在这套政策中`],
  [/^no test case; /, () => "没有测试用例;每个项目都须有用例,覆盖各门槛和上限的边界"],
  [/^money: whole fen$/, () => "金额须精确到分"],
  [/^money: not negative$/, () => "金额不能为负数"],
  [/^percent: at most two decimals$/, () => "比例最多保留两位小数"],
  [/^date: YYYY-MM-DD$/, () => "日期须写成 YYYY-MM-DD"],
  [/^clause: numbers joined by dots/, () => "条款编号须为以点分隔的数字,如 14 或 4.3.2"],
  [/^programme id: /, () => "项目编号只能用小写字母、数字和“-”,以字母开头"],
  [/^fact name: /, () => "信息项代码须为英文字母和数字,以小写字母开头"],
  [/^id: lower case/, () => "代码只能用小写字母、数字和“-”,以字母开头"],
  [/^review: minFen above maxFen$/, () => "评审金额下限高于上限"],
  [/^options are given exactly for choice facts$/, () => "选项类型的信息项须有选项,其他类型不能有选项"],
  [/^(min|max) must be whole fen$/, (k) => `${k === "min" ? "最小值" : "最大值"}须精确到分`],
  [/^min above max$/, () => "最小值大于最大值"],
  [/^a qualification prefills a boolean fact$/, () => "按资质自动填入的信息项须为是/否类型"],
  [/^the SME standard prefills a boolean fact$/, () => "按中小企业划型自动填入的信息项须为是/否类型"],
  [/^duplicate clause id (\S+)$/, (c) => `条款编号 ${c} 重复`],
  [/^validity: from is after until$/, () => "有效期的起始日期晚于截止日期"],
  [/^validity: give from/, () => "有效期须写明起始日期、截止日期或两者,或注明未规定有效期"],
];

function messageOf(i: Issue): string {
  // check-policy-set prefixes its messages with the programme id; the title says it instead.
  const bare = i.message.replace(/^[a-z][a-zA-Z0-9-]*: /, "");
  for (const [re, zh] of MESSAGES) {
    const m = re.exec(i.message) ?? re.exec(bare);
    if (m) return zh(...m.slice(1));
  }
  switch (i.code) {
    case "unrecognized_keys":
      return `有不认识的字段 ${(i.keys ?? []).join("、")}(可能是拼写错误)`;
    case "invalid_type":
      return i.message.includes("received undefined") ? "缺少这一项" : `类型不对(应为${String(i.expected)})`;
    case "too_small":
      return i.origin === "array"
        ? `至少须有 ${String(i.minimum)} 项`
        : i.origin === "string"
          ? "不能为空"
          : `不能小于 ${String(i.minimum)}`;
    case "too_big":
      return i.origin === "array" ? `最多 ${String(i.maximum)} 项` : `不能大于 ${String(i.maximum)}`;
    case "invalid_value":
      return "取值不在允许的范围内";
    case "invalid_union":
      return "不符合任何一种允许的写法";
  }
  return `格式有误(${i.message})`;
}

const ROOT: Record<string, string> = {
  zone: "所属园区",
  label: "版本名称",
  effectiveFrom: "生效日期",
  note: "版本说明",
  documents: "政策文件",
  programmes: "项目",
  cases: "测试用例",
};

const item = (raw: unknown, key: string, i: number): Record<string, unknown> | undefined => {
  const list = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[key] : undefined;
  const x = Array.isArray(list) ? list[i] : undefined;
  return x && typeof x === "object" ? (x as Record<string, unknown>) : undefined;
};

/** Where an issue is, in words: "「研发投入普惠制补贴」的限额「…」的限额金额". */
function whereOf(raw: unknown, path: readonly PropertyKey[]): string {
  const [head, idx, ...rest] = path.map((p) => (typeof p === "symbol" ? String(p) : p));
  if (head === undefined) return "政策数据";
  if ((head === "programmes" || head === "documents") && typeof idx === "number") {
    const x = item(raw, head, idx);
    const title = x?.title && typeof x.title === "object" ? (x.title as { zh?: unknown }).zh : x?.title;
    const name = typeof title === "string" ? `「${title}」` : `第${idx + 1}个${ROOT[head]}`;
    if (!rest.length) return name;
    const loc = locateField(head === "programmes" ? "programme" : "document", rest as (string | number)[], x);
    return `${name}的${loc.zh ?? rest.join(".")}`;
  }
  if (head === "cases" && typeof idx === "number") {
    const name = item(raw, "cases", idx)?.name;
    return typeof name === "string" ? `测试用例「${name}」` : `第${idx + 1}个测试用例`;
  }
  return ROOT[String(head)] ?? String(head);
}

/** Each issue as "where:what", at most `max` of them. */
export function describeSetIssues(raw: unknown, issues: readonly Issue[], max = 50): string[] {
  return issues.slice(0, max).map((i) => `${whereOf(raw, i.path)}:${messageOf(i)}`);
}
