/**
 * Migration 0008 on a database as 0007 left it: every session ends (they were stored
 * as sent; from now on only their SHA-256 is), and what the application and consent
 * races left behind is settled before the unique indexes that now forbid it are
 * created — the earliest open application of an enterprise for a product and the
 * earliest active consent of an enterprise for a bank stay, the others are withdrawn
 * or revoked by the system, each with its timeline event and audit row.
 */
import { createClient, type Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";

const TAG = "0008_unique_open_rows_end_sessions";
const DAY = 86_400_000;
const T0 = Date.parse("2026-05-01T02:00:00Z");
let client: Client;

afterEach(() => client.close());

/** A database at 0007 with one enterprise E, another F, a bank B and its products P and Q. */
async function at0007() {
  client = createClient({ url: ":memory:" });
  await migrateTenant(
    client,
    migrations.filter((m) => m.tag < "0008"),
  );
  const run = (sql: string, args: (string | number | null)[] = []) => client.execute({ sql, args });
  await run("insert into enterprises (id, name, created_at) values ('E', '甲公司', ?), ('F', '乙公司', ?)", [T0, T0]);
  await run("insert into banks (id, name, created_at) values ('B', '示范银行', ?)", [T0]);
  for (const p of ["P", "Q"]) {
    await run(
      `insert into loan_products (id, bank_id, name, type, min_amount_fen, max_amount_fen, min_rate_bp,
        max_rate_bp, min_term_months, max_term_months, guarantees, status, created_by, created_at, updated_at)
       values (?, 'B', ?, 'credit', 1, 100000000, 300, 500, 1, 36, '["credit"]', 'published', 'u', ?, ?)`,
      [p, `产品${p}`, T0, T0],
    );
  }
  await run(
    "insert into users (id, email, name, role, enterprise_id, password_hash, " +
      "password_changed_at, status, created_at, updated_at) values ('u', 'a@e.test', '经办人', " +
      "'enterprise', 'E', 'x', ?, 'active', ?, ?)",
    [T0, T0, T0],
  );
  return run;
}

async function application(
  run: Awaited<ReturnType<typeof at0007>>,
  id: string,
  o: { enterprise?: string; product?: string; status: string; at: number; seq: number },
) {
  await run(
    `insert into loan_applications (id, number_year, number_seq, product_id, bank_id, enterprise_id,
      created_by, amount_fen, term_months, status, submitted_at, accept_due_on, escalated_at, revision)
     values (?, 2026, ?, ?, 'B', ?, 'u', 3000000, 12, ?, ?, '2026-05-06', ?, 2)`,
    [id, o.seq, o.product ?? "P", o.enterprise ?? "E", o.status, o.at, o.at],
  );
}

const rows = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));

describe(`migration ${TAG}`, () => {
  it("ends every session", async () => {
    const run = await at0007();
    await run(
      "insert into sessions (id, user_id, expires_at, created_at, remember) values ('zibo.s.old'," +
        " 'u', ?, ?, 0), ('zibo.r.older', 'u', ?, ?, 1)",
      [T0 / 1000 + 3600, T0, T0 / 1000 + 7200, T0],
    );
    expect(await rows("select id from sessions")).toHaveLength(2);
    expect((await migrateTenant(client, migrations)).applied).toContain(TAG);
    expect(await rows("select id from sessions")).toEqual([]);
    // The account itself is untouched: only its sign-ins end.
    expect(await rows("select id, status from users")).toEqual([{ id: "u", status: "active" }]);
  });

  it(
    "keeps the earliest open application of an enterprise for a product and withdraws the " +
      "later ones with an event and an audit row",
    async () => {
      const run = await at0007();
      await application(run, "a-declined", { status: "declined", at: T0 - DAY, seq: 1 });
      await application(run, "a-first", { status: "submitted", at: T0, seq: 2 });
      await application(run, "a-accepted", { status: "accepted", at: T0 + 1000, seq: 3 });
      await application(run, "a-tie-2", { status: "approved", at: T0 + 2000, seq: 5 });
      await application(run, "a-tie-1", { status: "submitted", at: T0 + 2000, seq: 4 });
      await application(run, "b-other-product", { product: "Q", status: "submitted", at: T0 + 3000, seq: 6 });
      await application(run, "c-other-enterprise", { enterprise: "F", status: "submitted", at: T0 + 4000, seq: 7 });
      // Two open ones that tie on time: the lower id stays.
      await application(run, "d-1", { enterprise: "F", product: "Q", status: "submitted", at: T0, seq: 8 });
      await application(run, "d-2", { enterprise: "F", product: "Q", status: "submitted", at: T0, seq: 9 });

      await migrateTenant(client, migrations);
      const after = await rows(
        "select id, status, revision, escalated_at, number_seq from loan_applications order by id",
      );
      expect(after.map((r) => [r.id, r.status, r.revision])).toEqual([
        ["a-accepted", "withdrawn", 3],
        ["a-declined", "declined", 2],
        ["a-first", "submitted", 2],
        ["a-tie-1", "withdrawn", 3],
        ["a-tie-2", "withdrawn", 3],
        ["b-other-product", "submitted", 2],
        ["c-other-enterprise", "submitted", 2],
        ["d-1", "submitted", 2],
        ["d-2", "withdrawn", 3],
      ]);
      // A withdrawn duplicate is nobody's to act on any more, so it is not overdue either; its number stays.
      expect(after.filter((r) => r.status === "withdrawn").every((r) => r.escalated_at === null)).toBe(true);
      expect(after.find((r) => r.id === "d-2")!.number_seq).toBe(9);

      const events = await rows(
        "select application_id, actor, actor_id, action, note from loan_events order by application_id",
      );
      expect(events.map((e) => [e.application_id, e.actor, e.actor_id, e.action])).toEqual([
        ["a-accepted", "system", null, "withdrawn"],
        ["a-tie-1", "system", null, "withdrawn"],
        ["a-tie-2", "system", null, "withdrawn"],
        ["d-2", "system", null, "withdrawn"],
      ]);
      expect(events[0]!.note).toBe("重复申请:本企业对同一产品已有一笔更早提交、正在办理的申请,系统撤回了这一笔。");
      const audit = await rows(
        "select actor, action, target, result, detail from audit_log where action = " +
          "'finance.loan_withdrawn' order by target",
      );
      expect(audit.map((a) => a.target)).toEqual(["a-accepted", "a-tie-1", "a-tie-2", "d-2"]);
      expect(
        audit.every(
          (a) =>
            a.actor === "system" &&
            a.result === "ok" &&
            JSON.parse(String(a.detail)).reason === "duplicate_open_application",
        ),
      ).toBe(true);

      // From now on the database itself refuses a second open application; a closed one is no obstacle.
      await expect(application(run, "e-again", { status: "submitted", at: T0 + DAY, seq: 10 })).rejects.toThrow(
        /UNIQUE constraint failed: loan_applications\.enterprise_id, loan_applications\.product_id/,
      );
      await application(run, "e-declined", { status: "declined", at: T0 + DAY, seq: 11 });
      await run("update loan_applications set status = 'disbursed' where id = 'a-first'");
      await application(run, "e-after-disbursed", { status: "submitted", at: T0 + DAY, seq: 12 });
    },
  );

  it(
    "keeps the earliest active consent of an enterprise for a bank and revokes the others, by " +
      "the system, with an audit row",
    async () => {
      const run = await at0007();
      const consent = (id: string, enterprise: string, at: number, revokedAt: number | null = null) =>
        run(
          "insert into data_consents (id, enterprise_id, bank_id, granted_by, granted_at, revoked_by," +
            " revoked_at) values (?, ?, 'B', 'u', ?, ?, ?)",
          [id, enterprise, at, revokedAt === null ? null : "u", revokedAt],
        );
      await consent("c-revoked-long-ago", "E", T0 - 2 * DAY, T0 - DAY);
      await consent("c-first", "E", T0);
      await consent("c-later", "E", T0 + 1000);
      await consent("c-tie-2", "E", T0 + 1000);
      await consent("f-2", "F", T0);
      await consent("f-1", "F", T0);
      await consent("f-3", "F", T0 + 5);

      await migrateTenant(client, migrations);
      const after = await rows("select id, revoked_at, revoked_by from data_consents order by id");
      const active = after.filter((r) => r.revoked_at === null).map((r) => r.id);
      expect(active).toEqual(["c-first", "f-1"]);
      const settled = after.filter((r) => !["c-first", "f-1", "c-revoked-long-ago"].includes(String(r.id)));
      expect(settled.map((r) => [r.id, r.revoked_by])).toEqual([
        ["c-later", null],
        ["c-tie-2", null],
        ["f-2", null],
        ["f-3", null],
      ]);
      expect(after.find((r) => r.id === "c-revoked-long-ago")).toEqual({
        id: "c-revoked-long-ago",
        revoked_at: T0 - DAY,
        revoked_by: "u",
      });

      const audit = await rows("select actor, target, detail from audit_log where action = 'finance.consent_revoked'");
      expect(audit.map((a) => JSON.parse(String(a.detail)).consentId).sort()).toEqual([
        "c-later",
        "c-tie-2",
        "f-2",
        "f-3",
      ]);
      expect(audit.every((a) => a.actor === "system" && a.target === "bank:B")).toBe(true);

      await expect(consent("c-again", "E", T0 + DAY)).rejects.toThrow(
        /UNIQUE constraint failed: data_consents\.enterprise_id, data_consents\.bank_id/,
      );
      await consent("c-again-revoked", "E", T0 + DAY, T0 + DAY);
    },
  );

  it("migrates an empty database too", async () => {
    await at0007();
    expect((await migrateTenant(client, migrations)).applied).toEqual([
      TAG,
      ...migrations.filter((m) => m.tag > TAG).map((m) => m.tag),
    ]);
  });
});
