/**
 * 50 approvals at once against a pool that can pay only some of them, through the real Worker: every
 * request reads the balance before any writes, so only the guarded batch (decide-claim.ts) stands
 * between them and an overdraft. The pool never goes below zero, what was approved is exactly what
 * the ledger debited and what size − balance says, and every refusal is a 409 with a Chinese reason
 * that leaves its claim waiting. The same for the per-bank cap.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { riskClaims, riskPoolLedger, riskPools } from "../../worker/db/schema";
import { dbFor } from "./auth-support";
import { api, demo, financeEnterprise, slug, WAN } from "./finance-support";
import { CLAIMS, disbursedLoan, fileClaim, poolWithBank } from "./risk-pool-support";

const N = 50;
let admin: string;

beforeAll(async () => {
  admin = await demo("admin");
});

/** A pool and `n` filed claims of 100万 outstanding each (the first loan 80%, the others 50%). */
async function claimsAgainst(n: number, pool: Record<string, unknown>) {
  const w = await poolWithBank(admin, pool);
  const firm = await financeEnterprise();
  // One at a time: an approved loan is an open application, one per enterprise and product.
  const loans: string[] = [];
  for (let i = 0; i < n; i++) {
    const loan = await disbursedLoan({ bankId: w.bank.id, productId: w.productId, enterpriseId: firm.id });
    expect(loan.registered).toBe(true);
    loans.push(loan.id);
  }
  const ids = await Promise.all(
    loans.map(async (id) => {
      const filed = await fileClaim(w.bank.cookie, id);
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      return filed.body.claim.id as string;
    }),
  );
  return { ...w, ids };
}

async function outcome(poolId: string, ids: string[]) {
  const db = dbFor(slug);
  const [[pool], claims, ledger] = await Promise.all([
    db.select().from(riskPools).where(eq(riskPools.id, poolId)),
    db.select().from(riskClaims).where(inArray(riskClaims.id, ids)),
    db
      .select()
      .from(riskPoolLedger)
      .where(and(eq(riskPoolLedger.poolId, poolId), eq(riskPoolLedger.kind, "claim_paid"))),
  ]);
  const approved = claims.filter((c) => c.status === "approved");
  return {
    pool: pool!,
    approved,
    waiting: claims.filter((c) => c.status === "submitted"),
    paid: approved.reduce((a, c) => a + (c.amountFen ?? 0), 0),
    debited: -ledger.reduce((a, l) => a + l.deltaFen, 0),
    ledger,
  };
}

describe("parallel approvals against one pool", () => {
  it("never overdraw it: approved = debits = size − balance, balance ≥ 0, the rest 409 and still waiting", async () => {
    // 1000万 pays the first claim's 80万 and then 50万 a claim: about 19 of the 50.
    const { pool, ids } = await claimsAgainst(N, { sizeFen: 1000 * WAN, perBankCapFen: 100_000 * WAN });
    const answers = await Promise.all(
      ids.map((id) => api("POST", `${CLAIMS}/${id}/approve`, { cookie: admin, data: {} })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.every((a) => a.status === 409)).toBe(true);
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expect(a.body.error.message).toMatch(/资金池余额/);
    const o = await outcome(pool.id, ids);
    expect(o.pool.balanceFen).toBeGreaterThanOrEqual(0);
    expect(o.paid).toBe(o.debited);
    expect(o.paid).toBe(o.pool.sizeFen - o.pool.balanceFen);
    expect(o.approved.length).toBe(ok.length);
    expect(o.ledger.length).toBe(ok.length);
    expect(o.waiting.length).toBe(refused.length);
    expect(o.approved.every((c) => (c.amountFen ?? 0) > 0 && (c.amountFen ?? 0) <= 80 * WAN)).toBe(true);
  });

  it("never pay one bank past its cap, and a second approval of a paid claim is a 409", async () => {
    // 50万 a claim, the bank's cap 150万: three approvals and no more, though the pool holds 1000万.
    const { pool, ids } = await claimsAgainst(10, { perBankCapFen: 150 * WAN, perLoanCapFen: 50 * WAN });
    const answers = await Promise.all(
      ids.map((id) => api("POST", `${CLAIMS}/${id}/approve`, { cookie: admin, data: {} })),
    );
    const o = await outcome(pool.id, ids);
    expect(o.paid).toBeLessThanOrEqual(150 * WAN);
    expect(o.paid).toBe(o.debited);
    expect(o.paid).toBe(o.pool.sizeFen - o.pool.balanceFen);
    expect(answers.filter((a) => a.status === 200).length).toBe(o.approved.length);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(a.body.error.message).toMatch(/补偿额度|补偿已达上限/);
    }
    const again = await api("POST", `${CLAIMS}/${o.approved[0]!.id}/approve`, { cookie: admin, data: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/已经处理过/);
    expect((await outcome(pool.id, ids)).pool.balanceFen).toBe(o.pool.balanceFen);
  });
});
