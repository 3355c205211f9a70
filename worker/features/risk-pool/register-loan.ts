/**
 * Registers a loan to the risk-compensation pool its product is enrolled in, as part of the
 * 放款 write itself (finance/act-on-loan.ts puts this statement in its batch). One
 * `insert … select`, decided by the database in that batch: it lands only if the loan row
 * carries the revision the 放款 wrote and status disbursed, so a refused or raced 放款
 * registers nothing, and a product outside every active pool registers nothing either.
 *
 * It changes 0 or 1 rows whatever the 放款 did, so it must not sit inside a CHAINED sequence
 * (only-if-changed.ts): put it after the chain's last link.
 */
import { sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";

export function registerDisbursedLoanStatement(
  db: TenantDb,
  { loanId, revisionAfter, now }: { loanId: string; revisionAfter: number; now: Date },
) {
  // 首贷: no other disbursed loan of the enterprise on the platform; 信用贷: the product's type.
  return db.run(sql`
    insert into risk_pool_loans (loan_id, pool_id, bank_id, product_id, enterprise_id, principal_fen,
      first_loan, credit, product_type, disbursed_on, registered_at)
    select la.id, pp.pool_id, la.bank_id, la.product_id, la.enterprise_id, la.disbursed_amount_fen,
      not exists (select 1 from loan_applications o
        where o.enterprise_id = la.enterprise_id and o.status = 'disbursed' and o.id <> la.id),
      lp.type = 'credit', lp.type, la.disbursed_on, ${now.getTime()}
    from loan_applications la
    join loan_products lp on lp.id = la.product_id
    join risk_pool_products pp on pp.product_id = la.product_id and pp.unenrolled_at is null
    join risk_pools p on p.id = pp.pool_id and p.status = 'active'
    where la.id = ${loanId} and la.revision = ${revisionAfter} and la.status = 'disbursed'
      and la.disbursed_amount_fen is not null and la.disbursed_on is not null
    on conflict (loan_id) do nothing`);
}
