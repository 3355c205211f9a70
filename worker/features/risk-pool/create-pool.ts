/**
 * A zone admin sets up a pool (its opening amount is its first 注资) or tops one up. Each is one
 * batch: the pool row, its ledger row and the audit row; a top-up adds to size and balance in one
 * UPDATE so concurrent top-ups and approvals never lose a movement.
 */
import { and, eq, sql } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import { riskPoolLedger, riskPools, type RiskPoolRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { formatMoney } from "../../lib/money";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { adminOnly, POOL_NOT_FOUND } from "./access";
import type { FundInput, PoolInput } from "./schemas";

type Ctx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

export async function createPool(ctx: Ctx, input: PoolInput): Promise<RiskPoolRow> {
  adminOnly(ctx.actor);
  if (input.perLoanCapFen > input.perBankCapFen)
    throw new AppError("validation_failed", "单笔补偿上限不能高于单家银行补偿上限。", {
      perLoanCapFen: "不能高于单家银行补偿上限",
    });
  const t = ctx.now.getTime();
  const row: RiskPoolRow = {
    id: newId(),
    name: input.name,
    sizeFen: input.sizeFen,
    balanceFen: input.sizeFen,
    perLoanCapFen: input.perLoanCapFen,
    perBankCapFen: input.perBankCapFen,
    coverage: JSON.stringify(input.coverage),
    fileWithinDays: input.fileWithinDays,
    reviewWithinDays: input.reviewWithinDays,
    status: "active",
    basis: input.basis,
    createdBy: ctx.actor.id,
    createdAt: t,
    updatedAt: t,
    revision: 0,
  };
  await ctx.db.batch([
    ctx.db.insert(riskPools).values(row),
    ctx.db.insert(riskPoolLedger).values({
      poolId: row.id,
      kind: "fund",
      deltaFen: input.sizeFen,
      note: "设立资金池",
      actorId: ctx.actor.id,
      at: t,
    }),
    auditInsert(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "risk_pool.created",
        target: row.id,
        result: "ok",
        ip: ctx.ip,
        detail: { name: input.name, sizeFen: input.sizeFen },
      },
      ctx.now,
    ),
  ]);
  return row;
}

/** 注资: adds to the pool's size and balance. */
export async function fundPool(ctx: Ctx, id: string, input: FundInput): Promise<RiskPoolRow> {
  adminOnly(ctx.actor);
  const t = ctx.now.getTime();
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(riskPools)
      .set({
        sizeFen: sql`${riskPools.sizeFen} + ${input.amountFen}`,
        balanceFen: sql`${riskPools.balanceFen} + ${input.amountFen}`,
        updatedAt: t,
      })
      .where(and(eq(riskPools.id, id), eq(riskPools.status, "active")))
      .returning(),
    onlyIfChanged(
      ctx.db,
      ctx.db.insert(riskPoolLedger).values({
        poolId: id,
        kind: "fund",
        deltaFen: input.amountFen,
        note: input.note,
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
          action: "risk_pool.funded",
          target: id,
          result: "ok",
          ip: ctx.ip,
          detail: { amountFen: input.amountFen, amount: formatMoney(input.amountFen) },
        },
        ctx.now,
      ),
    ),
  ]);
  if (!updated[0]) throw new AppError("not_found", `${POOL_NOT_FOUND}已关闭的资金池不再注资。`);
  return updated[0];
}
