/**
 * A zone's BI feed: the zone's figures for a year (数据看板) read with an API token, printed as a few
 * headline lines; a BI tool would store the whole JSON answer. The token: a zone admin creates it at
 * 账户 → API 令牌 (/account/tokens) with the scope `statistics:read`.
 * Usage: YQ_ORIGIN=https://zibo.yuanqu.cn YQ_TOKEN=yq_zibo_… npx tsx docs/api-client/zone-statistics.ts [year]
 */
import { type ApiClient, apiGet } from "./client";

const origin = process.env.YQ_ORIGIN;
const token = process.env.YQ_TOKEN;
if (!origin || !token) {
  console.error("Set YQ_ORIGIN (the zone's origin, e.g. https://zibo.yuanqu.cn) and YQ_TOKEN (yq_…).");
  process.exit(2);
}
const api: ApiClient = { origin, token };
const year = process.argv[2] ? Number(process.argv[2]) : undefined;

const stats = await apiGet(api, "/api/v1/admin/statistics", { query: { year, format: "json" } });
const yuan = (fen: number) => (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2 });
console.log(`${stats.year} 年 (${stats.period.from} 至 ${stats.period.to})`);
console.log(`企业 ${stats.enterprises.total} 家,新增 ${stats.enterprises.new} 家`);
console.log(`申请入驻 ${stats.onboarding.received} 件,通过 ${stats.onboarding.approved} 件`);
console.log(`政策兑现申请 ${stats.subsidies.applications} 件,核定 ${yuan(stats.subsidies.awardedFen)} 元`);
console.log(`融资需求 ${stats.finance.needsPosted} 条,授信 ${yuan(stats.finance.grantedFen)} 元`);
for (const industry of stats.enterprises.byIndustry) console.log(`  ${industry.zh}\t${industry.n} 家`);
