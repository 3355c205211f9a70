/**
 * 审核风险补偿: a zone admin approves a claim (the pool pays outstanding × coverage, cut to the
 * per-loan cap, the bank's remaining cap and the balance) or rejects it with a reason.
 *
 * The approval is ONE guarded batch: the claim's UPDATE holds every limit in its WHERE, decided by the
 * database at write time — still submitted (a second approval finds nothing: 409), the pool's
 * balance ≥ the amount (a closed pool still pays the claims filed before it closed), the amount
 * within the per-loan cap, and the bank's approved total plus the amount within the per-bank cap —
 * then the balance is debited and the ledger, audit and notice rows written only if that UPDATE
 * changed the row (CHAINED). The CHECK on balance_fen is the last
 * floor. Parallel approvals therefore never overdraw: the batches run one after another, and each
 * sees the debits of those before it. The batch ends by reading what a refusal needs to explain itself.
 */
import { and, eq, sql } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import {
  banks,
  enterprises,
  loanProducts,
  riskClaims,
  riskPoolLedger,
  riskPools,
  type RiskClaimRow,
  type RiskPoolRow,
} from "../../db/schema";
import { AppError } from "../../lib/errors";
import { formatMoney } from "../../lib/money";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { CLAIM_STATUS_ZH } from "../../../web/labels/risk-pool";
import { auditInsert } from "../audit/audit";
import { noticeStatements } from "../notices/write-notices";
import { adminOnly, CLAIM_NOT_FOUND } from "./access";
import { claimDecidedNotice, type ClaimNames } from "./claim-notices";
import { claimAmount } from "./coverage";
import type { ApproveInput, RejectInput } from "./schemas";

type Ctx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">;

/** What the pool's bank has been paid so far in the claim's pool (approved claims), in SQL. */
const paidToBank = (claimId: string) => sql<number>`(select coalesce(sum(c.amount_fen), 0) from risk_claims c
  where c.pool_id = (select pool_id from risk_claims where id = ${claimId})
    and c.bank_id = (select bank_id from risk_claims where id = ${claimId}) and c.status = 'approved')`;

/** The claim with its pool and names, and the bank's paid total: one batch of reads. */
export function claimReads(ctx: Pick<RequestCtx, "db">, id: string) {
  return [
    ctx.db
      .select({
        claim: riskClaims,
        pool: riskPools,
        bankName: banks.name,
        enterpriseName: enterprises.name,
        productName: loanProducts.name,
      })
      .from(riskClaims)
      .innerJoin(riskPools, eq(riskPools.id, riskClaims.poolId))
      .innerJoin(banks, eq(banks.id, riskClaims.bankId))
      .innerJoin(enterprises, eq(enterprises.id, riskClaims.enterpriseId))
      .innerJoin(loanProducts, eq(loanProducts.id, riskClaims.productId))
      .where(eq(riskClaims.id, id)),
    ctx.db
      .select({ paid: paidToBank(id) })
      .from(riskClaims)
      .where(eq(riskClaims.id, id)),
  ] as const;
}

type Found = { claim: RiskClaimRow; pool: RiskPoolRow; bankName: string; enterpriseName: string; productName: string };

function submittedOnly(found: Found | undefined, revision: number | undefined): Found {
  if (!found) throw new AppError("not_found", CLAIM_NOT_FOUND);
  if (found.claim.status !== "submitted")
    throw new AppError("conflict", `这笔申请已经处理过(${CLAIM_STATUS_ZH[found.claim.status]}),请刷新后查看。`);
  if (revision !== undefined && revision !== found.claim.revision)
    throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  return found;
}

const namesOf = (f: Found): ClaimNames => ({ ...f.claim, ...f, id: f.claim.id });

/** The amount an approval of this claim would pay now, and what cut it. */
export function proposedAmount(f: Found, paidFen: number) {
  return claimAmount({
    outstandingFen: f.claim.outstandingFen,
    coveragePercent: f.claim.coveragePercent,
    perLoanCapFen: f.pool.perLoanCapFen,
    bankRemainingFen: f.pool.perBankCapFen - paidFen,
    balanceFen: f.pool.balanceFen,
  });
}

export async function approveClaim(ctx: Ctx, id: string, input: ApproveInput): Promise<RiskClaimRow> {
  adminOnly(ctx.actor);
  const [found, paid] = await ctx.db.batch(claimReads(ctx, id));
  const f = submittedOnly(found[0], input.revision);
  const paidFen = Number(paid[0]?.paid ?? 0);
  const { amountFen } = proposedAmount(f, paidFen);
  if (amountFen <= 0)
    throw new AppError(
      "conflict",
      f.pool.balanceFen <= 0
        ? "资金池余额为0,无法补偿。请先注资后再审核。"
        : `${f.bankName}在本资金池的补偿已达上限${formatMoney(f.pool.perBankCapFen)},不能再补偿。`,
    );
  const t = ctx.now.getTime();
  const results = await ctx.db.batch([
    ctx.db
      .update(riskClaims)
      .set({
        status: "approved",
        amountFen,
        decidedBy: ctx.actor.id,
        decidedAt: t,
        decisionNote: input.note ?? null,
        revision: sql`${riskClaims.revision} + 1`,
      })
      .where(
        and(
          eq(riskClaims.id, id),
          eq(riskClaims.status, "submitted"),
          eq(riskClaims.revision, f.claim.revision),
          // A closed pool takes no new claims but still decides those filed before it closed.
          sql`exists (select 1 from risk_pools p where p.id = ${f.pool.id}
            and p.balance_fen >= ${amountFen} and p.per_loan_cap_fen >= ${amountFen}
            and p.per_bank_cap_fen >= ${amountFen} + ${paidToBank(id)})`,
        ),
      )
      .returning(),
    ctx.db
      .update(riskPools)
      .set({ balanceFen: sql`${riskPools.balanceFen} - ${amountFen}`, updatedAt: t })
      .where(and(eq(riskPools.id, f.pool.id), CHAINED)),
    onlyIfChanged(
      ctx.db,
      ctx.db.insert(riskPoolLedger).values({
        poolId: f.pool.id,
        kind: "claim_paid",
        deltaFen: -amountFen,
        claimId: id,
        note: `${f.bankName} · ${f.enterpriseName}`,
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
          action: "risk_pool.claim_approved",
          target: id,
          result: "ok",
          ip: ctx.ip,
          detail: { amountFen, poolId: f.pool.id },
        },
        ctx.now,
      ),
    ),
    ...noticeStatements(ctx.db, {
      now: ctx.now,
      guard: CHAINED,
      groups: [claimDecidedNotice(ctx.zone, ctx.origin, namesOf(f), { approved: true, amountFen })],
    }),
    ...claimReads(ctx, id),
  ]);
  const updated = results[0] as RiskClaimRow[];
  if (updated[0]) return updated[0];
  // Refused at write time: say which limit a concurrent decision used up.
  const now = (results.at(-2) as Found[])[0];
  const paidNow = Number((results.at(-1) as { paid: number }[])[0]?.paid ?? 0);
  submittedOnly(now, undefined);
  if (now!.claim.revision !== f.claim.revision) throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  if (now!.pool.balanceFen < amountFen)
    throw new AppError(
      "conflict",
      `资金池余额不足:现余额${formatMoney(now!.pool.balanceFen)},本笔应补偿${formatMoney(amountFen)}` +
        "(其他补偿刚刚获批)。请刷新后重新核定,或先注资。",
    );
  if (now!.pool.perBankCapFen < amountFen + paidNow)
    throw new AppError(
      "conflict",
      `${f.bankName}的补偿额度不足:已补偿${formatMoney(paidNow)},上限${formatMoney(now!.pool.perBankCapFen)}。` +
        "请刷新后重新核定。",
    );
  throw new AppError("conflict", "资金池状态刚刚变化,请刷新后重新审核。");
}

export async function rejectClaim(ctx: Ctx, id: string, input: RejectInput): Promise<RiskClaimRow> {
  adminOnly(ctx.actor);
  const [found] = await ctx.db.batch(claimReads(ctx, id));
  const f = submittedOnly(found[0], input.revision);
  const t = ctx.now.getTime();
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(riskClaims)
      .set({
        status: "rejected",
        decidedBy: ctx.actor.id,
        decidedAt: t,
        decisionNote: input.reason,
        revision: sql`${riskClaims.revision} + 1`,
      })
      .where(and(eq(riskClaims.id, id), eq(riskClaims.status, "submitted"), eq(riskClaims.revision, f.claim.revision)))
      .returning(),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.claim_rejected",
          target: id,
          result: "ok",
          ip: ctx.ip,
        },
        ctx.now,
      ),
    ),
    ...noticeStatements(ctx.db, {
      now: ctx.now,
      guard: CHAINED,
      groups: [claimDecidedNotice(ctx.zone, ctx.origin, namesOf(f), { approved: false, reason: input.reason })],
    }),
  ]);
  if (!updated[0]) throw new AppError("conflict", "这笔申请刚被同事处理过,请刷新。");
  return updated[0];
}
