/**
 * 纳入/移出资金池: a zone admin enrols a bank's published product in a pool, so its loans are
 * registered at 放款 (./register-loan.ts), or takes it out (loans already registered stay covered).
 * A product is in at most one pool at a time: the partial unique index decides concurrent enrolments.
 */
import { and, eq, isNull } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import { loanProducts, riskPoolProducts, riskPools } from "../../db/schema";
import { isUniqueViolation } from "../../db/unique-violation";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { adminOnly, POOL_NOT_FOUND } from "./access";

type Ctx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

export async function enrolProduct(ctx: Ctx, poolId: string, productId: string): Promise<void> {
  adminOnly(ctx.actor);
  const [pools, products] = await ctx.db.batch([
    ctx.db.select({ status: riskPools.status }).from(riskPools).where(eq(riskPools.id, poolId)),
    ctx.db
      .select({ bankId: loanProducts.bankId, status: loanProducts.status, name: loanProducts.name })
      .from(loanProducts)
      .where(eq(loanProducts.id, productId)),
  ]);
  if (!pools[0]) throw new AppError("not_found", POOL_NOT_FOUND);
  if (pools[0].status !== "active") throw new AppError("conflict", "资金池已关闭,不能再纳入产品。");
  const product = products[0];
  if (product?.status !== "published")
    throw new AppError("validation_failed", "只能纳入金融超市中已发布的产品。", { productId: "不是已发布的产品" });
  try {
    await ctx.db.batch([
      ctx.db.insert(riskPoolProducts).values({
        id: newId(),
        poolId,
        productId,
        bankId: product.bankId,
        enrolledBy: ctx.actor.id,
        enrolledAt: ctx.now.getTime(),
      }),
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.product_enrolled",
          target: poolId,
          result: "ok",
          ip: ctx.ip,
          detail: { productId, product: product.name },
        },
        ctx.now,
      ),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, "risk_pool_products.product_id"))
      throw new AppError("conflict", `“${product.name}”已纳入风险补偿资金池(一个产品只能纳入一个资金池)。`);
    throw e;
  }
}

export async function unenrolProduct(ctx: Ctx, poolId: string, productId: string): Promise<void> {
  adminOnly(ctx.actor);
  const [done] = await ctx.db.batch([
    ctx.db
      .update(riskPoolProducts)
      .set({ unenrolledAt: ctx.now.getTime() })
      .where(
        and(
          eq(riskPoolProducts.poolId, poolId),
          eq(riskPoolProducts.productId, productId),
          isNull(riskPoolProducts.unenrolledAt),
        ),
      )
      .returning({ id: riskPoolProducts.id }),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.product_unenrolled",
          target: poolId,
          result: "ok",
          ip: ctx.ip,
          detail: { productId },
        },
        ctx.now,
      ),
    ),
  ]);
  if (!done[0]) throw new AppError("not_found", "这个产品不在该资金池中。");
}
