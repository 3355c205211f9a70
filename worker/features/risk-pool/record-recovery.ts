/**
 * 追偿返还: after a claim was paid, the bank recovers part of the loan and the pool gets its share
 * back — the claim's coverage of the recovered sum, never more than the pool paid on the claim less
 * what earlier recoveries returned. One guarded batch: the claim's credited total moves only from the
 * value read (a concurrent recovery makes this one a 409), then the balance and a ledger row.
 */
import { and, eq, sql } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { riskClaims, riskPoolLedger, riskPools, type RiskClaimRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { formatMoney } from "../../lib/money";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { adminOnly, CLAIM_NOT_FOUND } from "./access";
import { recoveryCredit } from "./coverage";
import type { RecoveryInput } from "./schemas";

type Ctx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

export async function recordRecovery(
  ctx: Ctx,
  id: string,
  input: RecoveryInput,
): Promise<{ claim: RiskClaimRow; creditedFen: number }> {
  adminOnly(ctx.actor);
  const [claim] = await ctx.db.select().from(riskClaims).where(eq(riskClaims.id, id));
  if (!claim) throw new AppError("not_found", CLAIM_NOT_FOUND);
  if (claim.status !== "approved" || claim.amountFen === null)
    throw new AppError("conflict", "只有已补偿的申请才能登记追偿返还。");
  if (input.revision !== undefined && input.revision !== claim.revision)
    throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  const creditedFen = recoveryCredit({
    recoveredFen: input.recoveredFen,
    coveragePercent: claim.coveragePercent,
    paidFen: claim.amountFen,
    creditedFen: claim.recoveredFen,
  });
  if (creditedFen <= 0)
    throw new AppError("conflict", `本笔补偿${formatMoney(claim.amountFen)}已全部返还资金池,不能再登记。`);
  const t = ctx.now.getTime();
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(riskClaims)
      .set({
        recoveredFen: sql`${riskClaims.recoveredFen} + ${creditedFen}`,
        revision: sql`${riskClaims.revision} + 1`,
      })
      .where(
        and(
          eq(riskClaims.id, id),
          eq(riskClaims.status, "approved"),
          eq(riskClaims.revision, claim.revision),
          sql`${riskClaims.recoveredFen} + ${creditedFen} <= ${riskClaims.amountFen}`,
        ),
      )
      .returning(),
    ctx.db
      .update(riskPools)
      .set({ balanceFen: sql`${riskPools.balanceFen} + ${creditedFen}`, updatedAt: t })
      .where(and(eq(riskPools.id, claim.poolId), CHAINED)),
    onlyIfChanged(
      ctx.db,
      ctx.db.insert(riskPoolLedger).values({
        poolId: claim.poolId,
        kind: "recovery",
        deltaFen: creditedFen,
        claimId: id,
        note: `追回${formatMoney(input.recoveredFen)},按${claim.coveragePercent}%返还:${input.note}`,
        actorId: ctx.actor.id,
        at: t,
      }),
    ),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.recovery_credited",
          target: id,
          result: "ok",
          ip: ctx.ip,
          detail: { recoveredFen: input.recoveredFen, creditedFen },
        },
        ctx.now,
      ),
    ),
  ]);
  if (!updated[0]) throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  return { claim: updated[0], creditedFen };
}
