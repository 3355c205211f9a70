/**
 * Helpers for the 风险补偿资金池 suites: a pool set up through the API with its own bank's product
 * enrolled, and disbursed loans registered to it the way 放款 does — an `approved` row moved to
 * `disbursed` by a revision-guarded UPDATE with registerDisbursedLoanStatement in the same batch.
 * Every suite makes its own banks, products and pools (fresh names): the database is shared.
 */
import { eq } from "drizzle-orm";
import { loanApplications, riskPoolLoans } from "../../worker/db/schema";
import { registerDisbursedLoanStatement } from "../../worker/features/risk-pool/register-loan";
import { newId } from "../../worker/lib/ids";
import { and } from "drizzle-orm";
import { dbFor } from "./auth-support";
import { api, bankWithStaff, inDays, productBody, publishedProduct, slug, WAN, type Json } from "./finance-support";

export const POOLS = "/api/v1/admin/risk-pools";
export const CLAIMS = "/api/v1/admin/risk-claims";
export const BANK_POOL = "/api/v1/bank/risk-pool";

/** 80% for a first loan, 50% otherwise; caps and deadlines generous unless `over` says otherwise. */
export const poolBody = (over: Json = {}): Json => ({
  name: `测试资金池${newId().slice(0, 6)}`,
  sizeFen: 1000 * WAN,
  perLoanCapFen: 300 * WAN,
  perBankCapFen: 800 * WAN,
  coverage: { rules: [{ when: { firstLoan: true }, percent: 80, label: "首贷" }], defaultPercent: 50 },
  fileWithinDays: 30,
  reviewWithinDays: 10,
  basis: "演示:参照珠海市风险补偿资金池办法",
  ...over,
});

/** A pool (admin), a bank with a published credit product enrolled in it. */
export async function poolWithBank(admin: string, over: Json = {}) {
  const created = await api("POST", POOLS, { cookie: admin, data: poolBody(over) });
  if (created.status !== 201) throw new Error(`create pool: ${created.status} ${JSON.stringify(created.body)}`);
  const pool = created.body.pool as Json;
  const bank = await bankWithStaff();
  const product = await publishedProduct(bank.cookie, productBody(`补偿${newId().slice(0, 6)}`));
  const enrolled = await api("POST", `${POOLS}/${pool.id}/products`, {
    cookie: admin,
    data: { productId: product.id },
  });
  if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  return { pool, bank, productId: product.id as string };
}

/**
 * A loan of `enterpriseId` under the product, approved then disbursed as 放款 writes it: the registration
 * runs in the same batch, guarded by the revision the UPDATE set. Returns the loan id and whether it registered.
 */
export async function disbursedLoan(o: {
  bankId: string;
  productId: string;
  enterpriseId: string;
  amountFen?: number;
  disbursedOn?: string;
}) {
  const db = dbFor(slug);
  const id = newId();
  const amountFen = o.amountFen ?? 100 * WAN;
  await db.insert(loanApplications).values({
    id,
    productId: o.productId,
    bankId: o.bankId,
    enterpriseId: o.enterpriseId,
    createdBy: "test",
    amountFen,
    termMonths: 12,
    status: "approved",
    approvedAmountFen: amountFen,
    approvedRateBp: 450,
    approvedTermMonths: 12,
    submittedAt: Date.now(),
    acceptDueOn: inDays(5),
    revision: 2,
  });
  const [, registered] = await db.batch([
    db
      .update(loanApplications)
      .set({
        status: "disbursed",
        disbursedAmountFen: amountFen,
        disbursedOn: o.disbursedOn ?? inDays(-60),
        revision: 3,
      })
      .where(and(eq(loanApplications.id, id), eq(loanApplications.revision, 2))),
    registerDisbursedLoanStatement(db, { loanId: id, revisionAfter: 3, now: new Date() }),
  ]);
  return { id, registered: registered.rowsAffected === 1 };
}

export const registration = async (loanId: string) =>
  (await dbFor(slug).select().from(riskPoolLoans).where(eq(riskPoolLoans.loanId, loanId)))[0];

/** A claim for the loan as its bank files it; the API's answer. */
export const fileClaim = (cookie: string, loanId: string, over: Json = {}) =>
  api("POST", `${BANK_POOL}/claims`, {
    cookie,
    data: {
      loanId,
      outstandingFen: 100 * WAN,
      defaultedOn: inDays(-3),
      recoveryEfforts: "已电话催收三次并发出律师函,企业停产无力偿还。",
      ...over,
    },
  });
