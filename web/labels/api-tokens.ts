/** API token words, shared by the tokens page and its router: each scope as people read it. */
import type { TokenArea, TokenScope } from "../../worker/lib/api-scopes";

export const TOKEN_AREA_ZH: Record<TokenArea, string> = {
  statistics: "数据看板",
  enterprises: "企业名录",
  subsidies: "政策兑现",
  finance: "金融超市",
};

/** "金融超市 · 读取", "金融超市 · 写入". */
export function tokenScopeZh(scope: TokenScope): string {
  const [area, access] = scope.split(":") as [TokenArea, "read" | "write"];
  return `${TOKEN_AREA_ZH[area]} · ${access === "read" ? "读取" : "写入"}`;
}
