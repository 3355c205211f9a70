/**
 * Migration 0010 on a database as 0009 left it: loan applications gain admin_escalated_at, and
 * every one already flagged overdue counts as escalated at that moment, because until then the
 * zone admins were told in the same run as the bank. The first scheduled run afterwards tells
 * nobody a second time and still escalates what was never flagged.
 */
import { createClient, type Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import zibo from "../../tenants/zibo/zone";
import { migrateTenant } from "../../worker/db/migrate";
import { openTenantDb } from "../../worker/db/open";
import { flagOverdueLoans } from "../../worker/features/finance/response-times";

const TAG = "0010_escalate_to_zone_admins";
const T0 = Date.parse("2026-05-01T02:00:00Z");
let client: Client;

afterEach(() => client.close());

/** A database at 0009 with an enterprise, a bank with one staff member, a product and a zone admin. */
async function at0009() {
  client = createClient({ url: ":memory:" });
  await migrateTenant(
    client,
    migrations.filter((m) => m.tag < "0010"),
  );
  const run = (sql: string, args: (string | number | null)[] = []) => client.execute({ sql, args });
  await run("insert into enterprises (id, name, created_at) values ('E', '甲公司', ?)", [T0]);
  await run("insert into banks (id, name, created_at) values ('B', '示范银行', ?)", [T0]);
  await run(
    `insert into loan_products (id, bank_id, name, type, min_amount_fen, max_amount_fen, min_rate_bp,
      max_rate_bp, min_term_months, max_term_months, guarantees, status, created_by, created_at, updated_at)
     values ('P', 'B', '产品', 'credit', 1, 100000000, 300, 500, 1, 36, '["credit"]', 'published', 'u', ?, ?)`,
    [T0, T0],
  );
  const user = (id: string, email: string, role: string, bank: string | null) =>
    run(
      "insert into users (id, email, name, role, bank_id, password_hash, password_changed_at, status, " +
        "created_at, updated_at) values (?, ?, '某人', ?, ?, 'x', ?, 'active', ?, ?)",
      [id, email, role, bank, T0, T0, T0],
    );
  await user("banker", "banker@b.test", "bank", "B");
  await user("admin", "admin@zone.test", "zone_admin", null);
  return run;
}

async function application(
  run: Awaited<ReturnType<typeof at0009>>,
  id: string,
  o: { status: string; seq: number; escalatedAt: number | null },
) {
  // Each on a product of its own: one open application per enterprise and product.
  await run(
    `insert into loan_products (id, bank_id, name, type, min_amount_fen, max_amount_fen, min_rate_bp,
      max_rate_bp, min_term_months, max_term_months, guarantees, status, created_by, created_at, updated_at)
     select ?, bank_id, name, type, min_amount_fen, max_amount_fen, min_rate_bp, max_rate_bp, min_term_months,
      max_term_months, guarantees, status, created_by, created_at, updated_at from loan_products where id = 'P'`,
    [`P-${id}`],
  );
  await run(
    `insert into loan_applications (id, number_year, number_seq, product_id, bank_id, enterprise_id,
      created_by, amount_fen, term_months, status, submitted_at, accept_due_on, escalated_at, revision)
     values (?, 2026, ?, ?, 'B', 'E', 'u', 3000000, 12, ?, ?, '2026-05-06', ?, 1)`,
    [id, o.seq, `P-${id}`, o.status, T0, o.escalatedAt],
  );
}

const rows = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));

describe(`migration ${TAG}`, () => {
  it("marks every application flagged overdue as escalated then, so no admin is told twice", async () => {
    const run = await at0009();
    await application(run, "flagged", { status: "submitted", seq: 1, escalatedAt: T0 + 1000 });
    await application(run, "never-flagged", { status: "submitted", seq: 2, escalatedAt: null });
    await application(run, "declined", { status: "declined", seq: 3, escalatedAt: null });

    expect((await migrateTenant(client, migrations)).applied[0]).toBe(TAG);
    expect(await rows("select id, escalated_at, admin_escalated_at from loan_applications order by id")).toEqual([
      { id: "declined", escalated_at: null, admin_escalated_at: null },
      { id: "flagged", escalated_at: T0 + 1000, admin_escalated_at: T0 + 1000 },
      { id: "never-flagged", escalated_at: null, admin_escalated_at: null },
    ]);

    // The first run after: the overdue one never flagged is flagged and escalated (0 days, the default);
    // the one flagged before the migration tells nobody again.
    const now = new Date("2026-05-08T02:00:00Z");
    const db = openTenantDb(client);
    expect(zibo.finance.escalation.afterWorkingDays).toBe(0);
    expect(await flagOverdueLoans({ db, zone: zibo, now, origin: "https://zibo.example.cn" })).toBe(1);
    expect(await rows("select recipient, kind, body from outbox order by recipient")).toEqual([
      expect.objectContaining({ recipient: "admin@zone.test", kind: "loan_overdue" }),
      expect.objectContaining({ recipient: "banker@b.test", kind: "loan_overdue" }),
    ]);
    // Both about the one never flagged: the bank's links to it, the admins' to their statistics page.
    const bodies = await rows("select recipient, body from outbox order by recipient");
    expect(String(bodies[0]!.body)).toContain("/admin/finance");
    expect(String(bodies[1]!.body)).toContain("/bank/loans/never-flagged");
    const [flagged] = await rows("select escalated_at, admin_escalated_at from loan_applications where id = 'flagged'");
    expect(flagged).toEqual({ escalated_at: T0 + 1000, admin_escalated_at: T0 + 1000 });
  });

  it("migrates an empty database too", async () => {
    await at0009();
    expect((await migrateTenant(client, migrations)).applied[0]).toBe(TAG);
    expect(await rows("select count(*) as n from loan_applications")).toEqual([{ n: 0 }]);
  });
});
