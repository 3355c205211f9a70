/** 我的机构 for bank staff, mounted at /bank: the bank they belong to, as the zone registered it. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { requireZone, zoneOf } from "../../../middleware/zone";
import { MyBankPage } from "../../../../web/pages/banks/my-bank";
import { signedIn } from "../../auth/guard";
import { pageGuard } from "../../auth/page-forms";
import { findBank } from "../get-bank";

export function myBankPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  // "/" only, not "*": the finance pages under /bank/… guard themselves.
  r.get("/", requireZone, pageGuard(deps, "bank"), async (c) => {
    const { zone, db } = zoneOf(c);
    const { user } = signedIn(c);
    if (!user.bankId) throw new AppError("not_found", "你的账号还没有关联金融机构,请联系园区管理员。");
    const bank = await findBank(db, user.bankId);
    return c.html(<MyBankPage zone={zone} nonce={c.get("secureHeadersNonce")} user={user} bank={bank} />);
  });
  return r;
}
