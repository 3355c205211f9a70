/**
 * 融资需求 for a bank's staff: open needs ranked for the bank's published
 * products, an enterprise's financial facts only where it consented.
 */
import type { Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { BankNeedsPage } from "../../../../web/pages/finance/bank-needs";
import { signedIn } from "../../auth/guard";
import { bankOf } from "../actor-roles";
import { needsForBank } from "../needs";
import { listBankProducts } from "../products";

/** GET /needs, relative to /bank (guarded by the router). */
export function bankNeedRoutes(r: Hono<AppEnv>, deps: AppDeps) {
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/needs", async (c) => {
    const ctx = actingCtx(c, deps);
    const rows = await needsForBank(ctx);
    const published = (await listBankProducts(ctx.db, bankOf(ctx.actor))).some((p) => p.status === "published");
    return c.html(
      <BankNeedsPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={rows} hasProducts={published} />,
    );
  });
}
