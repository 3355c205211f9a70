/**
 * The scheduled run's chunk queries read only their chunk, on indexes, however big the zone:
 * EXPLAIN QUERY PLAN of the SQL the 免申即享 chunk and the job claim actually send (captured
 * from the client) against a migrated database. No full scan of enterprises, their figures,
 * qualifications, applications or users, and no sort of every active enterprise to find the next 200.
 */
import type { Client, InStatement } from "@libsql/client";
import { describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { openTenantDb } from "../../db/open";
import { flagOverdueLoans } from "../finance/response-times";
import { notifyNewlyEligibleChunk } from "../policies/notify-newly-eligible";
import { claimJob } from "./run-zone-jobs";

/** Every statement the code sends through `client`, as SQL text. */
function recording(client: Client) {
  const sent: string[] = [];
  const text = (s: InStatement | string) => (typeof s === "string" ? s : s.sql);
  const proxy = new Proxy(client, {
    get(target, key) {
      if (key === "batch")
        return (stmts: InStatement[], mode?: Parameters<Client["batch"]>[1]) => {
          sent.push(...stmts.map(text));
          return target.batch(stmts, mode);
        };
      if (key === "execute")
        return (s: InStatement) => {
          sent.push(text(s));
          return target.execute(s);
        };
      const v = Reflect.get(target, key) as unknown;
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { db: openTenantDb(proxy), sent };
}

async function plan(client: Client, sql: string): Promise<string> {
  const args = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => "x");
  const rows = (await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows;
  return rows.map((r) => String(r.detail)).join("\n");
}

const BIG = ["enterprises", "enterprise_qualifications", "enterprise_yearly_figures", "subsidy_applications", "users"];

describe("the scheduled run's chunk queries", () => {
  it("read a 免申即享 chunk by the enterprises' keys, every table on an index", async () => {
    const { client } = await openMemoryTenantDb();
    const { db, sent } = recording(client);
    const params = JSON.stringify({ versionId: 1, beforeVersionId: null, today: "2026-06-30", asOf: 1 });
    // No version 1 in this empty database: the handler reads its batch, then refuses; the reads are what count.
    for (const cursor of [null, "ent-100"])
      await expect(
        notifyNewlyEligibleChunk({ db, zone, now: new Date(), origin: "o" }, { id: 1, params, cursor }, 200),
      ).rejects.toThrow("第1版政策不存在");
    const reads = sent.filter((s) => /^select/i.test(s));
    expect(reads).toHaveLength(12);
    for (const sql of reads) {
      const p = await plan(client, sql);
      for (const table of BIG) expect(p, `${sql}\n${p}`).not.toMatch(new RegExp(`SCAN ${table}\\b`));
      expect(p, `${sql}\n${p}`).not.toContain("TEMP B-TREE");
    }
    const chunk = reads.find((s) => /^select "id", "name"/.test(s))!;
    expect(await plan(client, chunk)).toMatch(
      /SEARCH enterprises USING INDEX sqlite_autoindex_enterprises_1 \(id>\?\)/,
    );
    const members = reads.find((s) => /from "users"/.test(s))!;
    expect(await plan(client, members)).toMatch(/SEARCH users USING INDEX users_enterprise_idx \(enterprise_id=\?\)/);
  });

  it("claim a job on the status index", async () => {
    const { client } = await openMemoryTenantDb();
    const { db, sent } = recording(client);
    await claimJob(db, "t", 1);
    for (const sql of sent) expect(await plan(client, sql)).toMatch(/SEARCH jobs USING INDEX jobs_status_idx/);
  });

  it("find the overdue loan applications on the due-day indexes, in the order they are taken", async () => {
    const { client } = await openMemoryTenantDb();
    const { db, sent } = recording(client);
    // An empty zone: the run reads its one batch and finds nothing to write; the reads are what count.
    expect(await flagOverdueLoans({ db, zone, now: new Date("2026-06-30T02:00:00Z"), origin: "o" })).toBe(0);
    const reads = sent.filter((s) => /^select/i.test(s));
    // The two due-day halves; the bank staff and the admins to tell are chosen inside the write
    // batch, from their notice preferences (features/notices).
    expect(reads).toHaveLength(2);
    const plans = await Promise.all(reads.map((sql) => plan(client, sql)));
    for (const [i, p] of plans.entries()) {
      expect(p, `${reads[i]}\n${p}`).not.toMatch(/SCAN (loan_applications|users)\b/);
      expect(p, `${reads[i]}\n${p}`).not.toContain("TEMP B-TREE");
    }
    const all = plans.join("\n");
    expect(all).toMatch(
      /SEARCH loan_applications USING INDEX loan_applications_accept_due_idx \(status=\? AND accept_due_on<\?\)/,
    );
    expect(all).toMatch(
      /SEARCH loan_applications USING INDEX loan_applications_decide_due_idx \(status=\? AND decide_due_on<\?\)/,
    );
  });
});
