/**
 * For the query-plan tests (`*-plans.test.ts`): runs a service against a client that records every
 * statement it sends, then asks SQLite for each one's EXPLAIN QUERY PLAN, and counts the round trips
 * (db/round-trips.ts). A list that lost its index still answers right on a handful of rows; only the
 * plan shows it would walk every row of a real zone.
 */
import type { Client, InStatement } from "@libsql/client";
import { openTenantDb, type TenantDb } from "./open";
import { meteredClient, RoundTripMeter } from "./round-trips";

export interface StatementPlan {
  sql: string;
  /** The plan's lines (EXPLAIN QUERY PLAN's `detail` column), in order. */
  plan: string[];
}

/** Every statement `run` sends through its own database handle over `client`, with its plan and the round trips. */
export async function plansOf(
  client: Client,
  run: (db: TenantDb) => Promise<unknown>,
): Promise<{ plans: StatementPlan[]; trips: number }> {
  const sent: InStatement[] = [];
  const meter = new RoundTripMeter();
  const recording = new Proxy(meteredClient(client, meter), {
    get(target, prop) {
      if (prop === "batch")
        return (stmts: InStatement[], mode?: Parameters<Client["batch"]>[1]) => {
          sent.push(...stmts);
          return target.batch(stmts, mode);
        };
      if (prop === "execute")
        return (stmt: InStatement) => {
          sent.push(stmt);
          return target.execute(stmt);
        };
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  // A fresh wrapper per run: openTenantDb keys its drizzle instance by the client object.
  await run(openTenantDb(recording));
  const plans: StatementPlan[] = [];
  for (const stmt of sent) {
    const { sql, args } = typeof stmt === "string" ? { sql: stmt, args: [] } : stmt;
    const rs = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: (args ?? []) as never });
    plans.push({ sql, plan: rs.rows.map((r) => String(r.detail)) });
  }
  return { plans, trips: meter.waves };
}
