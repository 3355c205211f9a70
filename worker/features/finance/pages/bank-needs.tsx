/**
 * 融资需求 for a bank's staff: open needs ranked for the bank's published
 * products, a page at a time, an enterprise's financial facts only where it
 * consented. The page's reads are one round trip (bank-needs.ts).
 */
import type { Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import { BankNeedsPage } from "../../../../web/pages/finance/bank-needs";
import { signedIn } from "../../auth/guard";
import { BankNeedsQuery, needsForBank } from "../bank-needs";

/** GET /needs, relative to /bank (guarded by the router). */
export function bankNeedRoutes(r: Hono<AppEnv>, deps: AppDeps) {
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/needs", async (c) => {
    const ctx = actingCtx(c, deps);
    refuseBadCharacters(c.req.query(), { after: "翻页参数" });
    const parsed = BankNeedsQuery.safeParse({
      after: c.req.query("after") || undefined,
      guarantee: c.req.query("guarantee") || undefined,
      fit: c.req.query("fit") || undefined,
    });
    // A hand-edited link: say so, rather than showing a list that is not what was asked for.
    if (!parsed.success) throw new AppError("validation_failed", "筛选条件或翻页链接不对,请回到第一页。");
    const page = await needsForBank(ctx, parsed.data);
    return c.html(
      <BankNeedsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        page={page}
        filters={{ guarantee: parsed.data.guarantee, fit: parsed.data.fit }}
        paged={parsed.data.after !== undefined}
      />,
    );
  });
}
