/**
 * 修改资金池设置 and 关闭资金池 (zone admin). An edit changes the terms — name, caps, tiers, deadlines,
 * basis — never the size, which moves only by 注资 (a ledger row). It is one guarded UPDATE against the
 * terms' revision the editor read (`risk_pools.revision`, migration 0025): another edit or a close since
 * is a 409 and the person reloads; a top-up or an approval meanwhile changes the money, not the terms,
 * and leaves the edit valid.
 *
 * Closing stops new registrations (register-loan.ts joins active pools only), new claims and
 * enrolments; claims filed before still get decided (decide-claim.ts) and recoveries still credit.
 * Claims, like enrolments already made, keep the coverage they were filed with.
 */
import { and, eq, sql } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import { riskPools, type RiskPoolRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { adminOnly, POOL_NOT_FOUND } from "./access";
import type { PoolEditInput } from "./schemas";

type Ctx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

const STALE = "资金池刚有变动(其他人修改了设置、注资或审批了补偿),请刷新页面,核对后再保存。";

/** The terms an edit writes, as stored. */
function termsOf(input: PoolEditInput) {
  return {
    name: input.name,
    perLoanCapFen: input.perLoanCapFen,
    perBankCapFen: input.perBankCapFen,
    coverage: JSON.stringify(input.coverage),
    fileWithinDays: input.fileWithinDays,
    reviewWithinDays: input.reviewWithinDays,
    basis: input.basis,
  };
}

export async function editPool(ctx: Ctx, id: string, input: PoolEditInput): Promise<RiskPoolRow> {
  adminOnly(ctx.actor);
  if (input.perLoanCapFen > input.perBankCapFen)
    throw new AppError("validation_failed", "单笔补偿上限不能高于单家银行补偿上限。", {
      perLoanCapFen: "不能高于单家银行补偿上限",
    });
  const [before] = await ctx.db.select().from(riskPools).where(eq(riskPools.id, id));
  if (!before) throw new AppError("not_found", POOL_NOT_FOUND);
  if (before.revision !== input.revision) throw new AppError("conflict", STALE);
  const terms = termsOf(input);
  const changed = (Object.keys(terms) as (keyof typeof terms)[]).filter((k) => terms[k] !== before[k]);
  if (changed.length === 0) return before;
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(riskPools)
      .set({ ...terms, updatedAt: ctx.now.getTime(), revision: sql`${riskPools.revision} + 1` })
      .where(and(eq(riskPools.id, id), eq(riskPools.revision, input.revision)))
      .returning(),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.edited",
          target: id,
          result: "ok",
          ip: ctx.ip,
          // What it was and what it became, field by field (the coverage as its JSON).
          detail: {
            changed: changed.join(","),
            ...Object.fromEntries(
              changed.flatMap((k) => [
                [`${k}Before`, before[k]],
                [`${k}After`, terms[k]],
              ]),
            ),
          },
        },
        ctx.now,
      ),
    ),
  ]);
  if (!updated[0]) throw new AppError("conflict", STALE);
  return updated[0];
}

/** 关闭: active → closed, once; a second close is a 409 that says it is already closed. */
export async function closePool(ctx: Ctx, id: string): Promise<RiskPoolRow> {
  adminOnly(ctx.actor);
  const [updated, , after] = await ctx.db.batch([
    ctx.db
      .update(riskPools)
      .set({ status: "closed", updatedAt: ctx.now.getTime(), revision: sql`${riskPools.revision} + 1` })
      .where(and(eq(riskPools.id, id), eq(riskPools.status, "active")))
      .returning(),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.closed",
          target: id,
          result: "ok",
          ip: ctx.ip,
        },
        ctx.now,
      ),
    ),
    ctx.db.select({ status: riskPools.status }).from(riskPools).where(eq(riskPools.id, id)),
  ]);
  if (updated[0]) return updated[0];
  if (!after[0]) throw new AppError("not_found", POOL_NOT_FOUND);
  throw new AppError("conflict", "这个资金池已经关闭。");
}
