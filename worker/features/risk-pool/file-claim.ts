/**
 * 申请风险补偿: a bank's staff file a claim for one of their bank's registered loans that
 * defaulted, or withdraw it while it waits. The checks a person can act on are made on one batch
 * of reads (outstanding within the registered principal, the default date between 放款 and today,
 * the filing deadline in the zone's working days); the write is one batch — the claim, its audit
 * row, the zone admins' notices and the materials sent with it — and the partial unique index
 * refuses a second live claim. The files are checked and stored before that batch and removed if it fails.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import {
  banks,
  enterprises,
  loanProducts,
  riskClaims,
  riskPoolLoans,
  riskPools,
  type RiskClaimRow,
} from "../../db/schema";
import { isUniqueViolation } from "../../db/unique-violation";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { calendarOf, nextDay, shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { formatMoney } from "../../lib/money";
import { lastOfWorkingDays } from "../../lib/working-days";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { noticeStatements } from "../notices/write-notices";
import { bankOf, CLAIM_NOT_FOUND } from "./access";
import { type ClaimFile, prepareClaimFiles } from "./claim-materials";
import { claimFiledNotice } from "./claim-notices";
import { Coverage, coverageFor } from "./coverage";
import type { ClaimInput } from "./schemas";

type Ctx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">;

const refuse = (field: string, sentence: string) =>
  new AppError("validation_failed", `${sentence}。`, { [field]: sentence });

export async function fileClaim(
  ctx: Ctx,
  input: ClaimInput,
  attach?: { blobs: BlobStore; files: readonly ClaimFile[] },
): Promise<RiskClaimRow> {
  const bankId = bankOf(ctx.actor);
  const [loans, open] = await ctx.db.batch([
    ctx.db
      .select({
        loan: riskPoolLoans,
        pool: riskPools,
        bankName: banks.name,
        enterpriseName: enterprises.name,
        productName: loanProducts.name,
      })
      .from(riskPoolLoans)
      .innerJoin(riskPools, eq(riskPools.id, riskPoolLoans.poolId))
      .innerJoin(banks, eq(banks.id, riskPoolLoans.bankId))
      .innerJoin(enterprises, eq(enterprises.id, riskPoolLoans.enterpriseId))
      .innerJoin(loanProducts, eq(loanProducts.id, riskPoolLoans.productId))
      // Scoped to the actor's bank in SQL: another bank's loan is as absent as a missing one.
      .where(and(eq(riskPoolLoans.loanId, input.loanId), eq(riskPoolLoans.bankId, bankId))),
    ctx.db
      .select({ status: riskClaims.status })
      .from(riskClaims)
      .where(and(eq(riskClaims.loanId, input.loanId), inArray(riskClaims.status, ["submitted", "approved"]))),
  ]);
  const found = loans[0];
  if (!found)
    throw new AppError("not_found", "没有这笔登记到风险补偿资金池的贷款。", { loanId: "不是本行已登记的贷款" });
  const { loan, pool } = found;
  if (pool.status !== "active") throw new AppError("conflict", "这个资金池已关闭,不再受理补偿申请。");
  if (open[0])
    throw new AppError(
      "conflict",
      open[0].status === "approved" ? "这笔贷款已获得过风险补偿。" : "这笔贷款已有待审核的补偿申请,请勿重复提交。",
    );
  const today = shanghaiDate(ctx.now);
  if (input.outstandingFen > loan.principalFen)
    throw refuse("outstandingFen", `未偿本金不能超过登记的贷款本金${formatMoney(loan.principalFen)}`);
  if (input.defaultedOn > today) throw refuse("defaultedOn", "违约日期不能晚于今天");
  if (input.defaultedOn < loan.disbursedOn) throw refuse("defaultedOn", `违约日期不能早于放款日期 ${loan.disbursedOn}`);
  const cal = calendarOf(ctx.zone);
  const fileDueOn = lastOfWorkingDays(nextDay(input.defaultedOn), pool.fileWithinDays, cal);
  if (today > fileDueOn)
    throw new AppError(
      "conflict",
      `已超过申请时限:违约后 ${pool.fileWithinDays} 个工作日内(${fileDueOn} 前)提出,资金池不再受理。`,
    );
  const reviewDueOn = lastOfWorkingDays(nextDay(today), pool.reviewWithinDays, cal);
  const cover = coverageFor(Coverage.parse(JSON.parse(pool.coverage)), loan);
  const t = ctx.now.getTime();
  const row: RiskClaimRow = {
    id: newId(),
    poolId: pool.id,
    loanId: loan.loanId,
    bankId,
    enterpriseId: loan.enterpriseId,
    productId: loan.productId,
    outstandingFen: input.outstandingFen,
    defaultedOn: input.defaultedOn,
    recoveryEfforts: input.recoveryEfforts,
    coveragePercent: cover.percent,
    coverageLabel: cover.label,
    status: "submitted",
    amountFen: null,
    recoveredFen: 0,
    fileDueOn,
    reviewDueOn,
    filedBy: ctx.actor.id,
    filedAt: t,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    revision: 0,
  };
  const names = {
    ...row,
    bankName: found.bankName,
    enterpriseName: found.enterpriseName,
    productName: found.productName,
  };
  const { db, zone, now, ip, actor } = ctx;
  const files = attach?.files.length
    ? await prepareClaimFiles({ db, zone, now, ip, actor, blobs: attach.blobs }, row.id, attach.files)
    : { statements: [], discard: async () => {} };
  try {
    await ctx.db.batch([
      ctx.db.insert(riskClaims).values(row),
      onlyIfChanged(
        ctx.db,
        auditInsert(
          ctx.db,
          {
            actorId: ctx.actor.id,
            actor: ctx.actor.email,
            action: "risk_pool.claim_filed",
            target: row.id,
            result: "ok",
            ip: ctx.ip,
            detail: { loanId: loan.loanId, outstandingFen: input.outstandingFen, coveragePercent: cover.percent },
          },
          ctx.now,
        ),
      ),
      ...noticeStatements(ctx.db, {
        now: ctx.now,
        guard: CHAINED,
        groups: [claimFiledNotice(ctx.zone, ctx.origin, names, reviewDueOn)],
      }),
      // After the chain's last link: they land exactly when the claim does (one transaction).
      ...files.statements,
    ]);
  } catch (e) {
    await files.discard();
    if (isUniqueViolation(e, "risk_claims.loan_id"))
      throw new AppError("conflict", "这笔贷款已有待审核的补偿申请,请勿重复提交。");
    throw e;
  }
  return row;
}

/** 撤回: only the claiming bank, only while it waits for review. */
export async function withdrawClaim(ctx: Ctx, id: string): Promise<void> {
  const bankId = bankOf(ctx.actor);
  const [done, , after] = await ctx.db.batch([
    ctx.db
      .update(riskClaims)
      .set({ status: "withdrawn", decidedAt: ctx.now.getTime(), revision: sql`${riskClaims.revision} + 1` })
      .where(and(eq(riskClaims.id, id), eq(riskClaims.bankId, bankId), eq(riskClaims.status, "submitted")))
      .returning({ id: riskClaims.id }),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "risk_pool.claim_withdrawn",
          target: id,
          result: "ok",
          ip: ctx.ip,
        },
        ctx.now,
      ),
    ),
    ctx.db
      .select({ status: riskClaims.status })
      .from(riskClaims)
      .where(and(eq(riskClaims.id, id), eq(riskClaims.bankId, bankId))),
  ]);
  if (done[0]) return;
  if (!after[0]) throw new AppError("not_found", CLAIM_NOT_FOUND);
  throw new AppError("conflict", "这笔申请已审核或已撤回,不能再撤回。");
}
