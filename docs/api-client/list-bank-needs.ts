/**
 * A bank's system picking up the zone's financing needs (金融超市) with an API token: every open need its
 * products could serve, best fit first, a page at a time, printed one line each.
 * The token: a bank's staff creates it at 账户 → API 令牌 (/account/tokens) with the scope `finance:read`.
 * Usage: YQ_ORIGIN=https://zibo.yuanqu.cn YQ_TOKEN=yq_zibo_… npx tsx docs/api-client/list-bank-needs.ts
 */
import type { components } from "./api";
import { type ApiClient, apiGet } from "./client";

const origin = process.env.YQ_ORIGIN;
const token = process.env.YQ_TOKEN;
if (!origin || !token) {
  console.error("Set YQ_ORIGIN (the zone's origin, e.g. https://zibo.yuanqu.cn) and YQ_TOKEN (yq_…).");
  process.exit(2);
}
const api: ApiClient = { origin, token };

const yuan = (fen: number) => (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2 });
// Typed by the document's enum: a new kind of guarantee there is a type error here until it has a name.
type Guarantee = components["schemas"]["FinancingNeed"]["guarantees"][number];
const GUARANTEE: Record<Guarantee, string> = { credit: "信用", mortgage: "抵押", pledge: "质押", guarantee: "保证" };

let after: string | undefined;
do {
  const page = await apiGet(api, "/api/v1/bank/needs", { query: { limit: 50, after } });
  if (after === undefined) console.log(`共 ${page.total} 条融资需求`);
  for (const { need, enterprise, best, consented } of page.needs) {
    console.log(
      [
        need.id,
        enterprise.name,
        `${yuan(need.amountFen)} 元`,
        `${need.termMonths} 个月`,
        need.guarantees.map((g) => GUARANTEE[g]).join("、"),
        `${need.neededBy} 前`,
        `${best.productName}:${best.fails === 0 ? "符合" : `${best.fails} 项不符`}`,
        consented ? "已授权查看财务信息" : "未授权",
        need.purpose,
      ].join("\t"),
    );
  }
  after = page.nextCursor ?? undefined;
} while (after);
