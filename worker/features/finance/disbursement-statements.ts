/**
 * What 放款 adds to the step's write batch (./act-on-loan.ts) beyond the step's own: the 贴息 programmes
 * the loan may now apply for, told by mail and in the members' 消息中心 (./loan-notices.ts; chained on the
 * step like its own mail and notice), and the loan's registration to the risk-compensation pool its
 * product is enrolled in (guarded by the revision and status the step wrote). Nothing for another step.
 */
import type { BatchItem } from "drizzle-orm/batch";
import { onlyIfChanged } from "../../db/only-if-changed";
import type { LoanApplicationRow } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { NoticeGroup } from "../notices/write-notices";
import { outboxInsert } from "../outbox/enqueue-message";
import { registerDisbursedLoanStatement } from "../risk-pool/register-loan";
import { interestOpenMails, interestOpenNotice } from "./loan-notices";

interface Opened {
  app: Pick<LoanApplicationRow, "id" | "enterpriseId" | "numberYear" | "numberSeq">;
  productName: string;
  /** The titles of the 贴息 programmes the loan may apply for (none but at 放款). */
  programmes: readonly string[];
}

/** One mail per member (those the step's own mail goes to), each written only if the step was. */
export function interestOpenMailStatements(
  ctx: Pick<RequestCtx, "db" | "zone" | "origin" | "now">,
  o: Opened & { members: readonly { email: string }[] },
): BatchItem<"sqlite">[] {
  return interestOpenMails(ctx, o).map((m) => onlyIfChanged(ctx.db, outboxInsert(ctx.db, m, ctx.now)));
}

/** The members' 消息中心 notice of it, for the step's notice groups. */
export const interestOpenGroups = (o: Opened): NoticeGroup[] => (o.programmes.length ? [interestOpenNotice(o)] : []);

/** 放款 only: the pool registration, landing only with the revision this step writes. */
export function poolRegistration(
  ctx: Pick<RequestCtx, "db" | "now">,
  disbursed: boolean,
  loanId: string,
  revisionAfter: number,
): BatchItem<"sqlite">[] {
  return disbursed ? [registerDisbursedLoanStatement(ctx.db, { loanId, revisionAfter, now: ctx.now })] : [];
}
