/**
 * Whether an enterprise is a 中小企业 (medium, small or micro) under the
 * 中小企业划型标准规定 (工信部联企业〔2011〕300号), from its 国民经济行业代码,
 * headcount (从业人员) and revenue (营业收入). Pure.
 *
 * The standard names, per industry, the thresholds of a large enterprise, which
 * must meet every one of them (第四条: 大型企业须同时满足所列指标的下限,否则下划一档):
 * so an enterprise below any one threshold is a 中小企业. Where a threshold is on
 * total assets (资产总额, which the platform does not record), the answer is known
 * only when revenue or headcount already decide it.
 */

const WAN = 1_000_000; // fen in 1 万元

type Limits = { employees?: number; revenueWan?: number; assets?: true };

/** Longest matching prefix of the code wins ("K7010" before "K"). */
const LARGE: ReadonlyArray<[prefix: string, limits: Limits]> = [
  ["A", { revenueWan: 20000 }], // 农、林、牧、渔业
  ["B", { employees: 1000, revenueWan: 40000 }], // 工业:采矿业
  ["C", { employees: 1000, revenueWan: 40000 }], // 工业:制造业
  ["D", { employees: 1000, revenueWan: 40000 }], // 工业:电力、热力、燃气及水生产和供应业
  ["E", { revenueWan: 80000, assets: true }], // 建筑业
  ["F51", { employees: 200, revenueWan: 40000 }], // 批发业
  ["F52", { employees: 300, revenueWan: 20000 }], // 零售业
  ["G", { employees: 1000, revenueWan: 30000 }], // 交通运输业
  ["G59", { employees: 200, revenueWan: 30000 }], // 仓储业
  ["G60", { employees: 1000, revenueWan: 30000 }], // 邮政业
  ["H61", { employees: 300, revenueWan: 10000 }], // 住宿业
  ["H62", { employees: 300, revenueWan: 10000 }], // 餐饮业
  ["I63", { employees: 2000, revenueWan: 100000 }], // 信息传输业
  ["I64", { employees: 2000, revenueWan: 100000 }], // 信息传输业(互联网)
  ["I65", { employees: 300, revenueWan: 10000 }], // 软件和信息技术服务业
  ["K7010", { revenueWan: 200000, assets: true }], // 房地产开发经营
  ["K7020", { employees: 1000, revenueWan: 5000 }], // 物业管理
  ["L", { employees: 300, assets: true }], // 租赁和商务服务业
  ["", { employees: 300 }], // 其他未列明行业
];

export interface SizeRecords {
  /** 国民经济行业代码, e.g. "C2651". */
  industryClass: string | null | undefined;
  employees: number | null;
  revenueFen: number | null;
}

/** true: a 中小企业; false: large; null: the records do not decide. */
export function isSmeByStandard({ industryClass, employees, revenueFen }: SizeRecords): boolean | null {
  if (!industryClass) return null;
  const limits = LARGE.filter(([prefix]) => industryClass.startsWith(prefix)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0]![1];
  const below: (boolean | null)[] = [];
  if (limits.employees !== undefined) below.push(employees === null ? null : employees < limits.employees);
  if (limits.revenueWan !== undefined) below.push(revenueFen === null ? null : revenueFen < limits.revenueWan * WAN);
  if (limits.assets) below.push(null);
  if (below.some((b) => b === true)) return true;
  if (below.every((b) => b === false)) return false;
  return null;
}
