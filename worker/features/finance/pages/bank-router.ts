/**
 * The bank staff's 金融超市 pages, mounted at /bank: 我的产品 (./bank-products),
 * 融资需求 (./bank-needs) and 贷款申请 (./bank-loans). Anonymous visitors go to
 * 登录, other roles get the 403 page. The banks feature serves /bank itself.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { pageGuard } from "../../auth/page-forms";
import { bankLoanRoutes } from "./bank-loans";
import { bankNeedRoutes } from "./bank-needs";
import { bankProductRoutes } from "./bank-products";

export function bankFinancePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const guard = pageGuard(deps, "bank");
  for (const path of ["/products", "/products/*", "/new-product", "/needs", "/loans", "/loans/*"])
    r.use(path, requireZone, guard);
  bankProductRoutes(r, deps);
  bankNeedRoutes(r, deps);
  bankLoanRoutes(r, deps);
  return r;
}
