/**
 * The statement-caching file client must answer exactly as @libsql/client's own file client
 * does (drizzle and the outage classification were written against that one), while
 * preparing each SQL text once per connection.
 */
import {
  type Client,
  createClient,
  type IntMode,
  LibsqlBatchError,
  type LibsqlError,
  type ResultSet,
} from "@libsql/client";
import { asc } from "drizzle-orm";
import Database from "libsql";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { migrations } from "../../migrations/bundle";
import { zones } from "../../tenants/index";
import { syncPolicyDocuments } from "../features/policies/sync-documents";
import { createEmbeddedClient, embeddedPathOf } from "./embedded-client";
import { STATEMENTS_PER_CONNECTION } from "./embedded-connection";
import { migrateTenant } from "./migrate";
import { openTenantDb } from "./open";
import { policyDocuments } from "./schema";
import { DatabaseUnavailableError, limitDatabaseCalls } from "./time-limited-client";

const dir = mkdtempSync(join(tmpdir(), "yq-embedded-client-"));
const file = (name: string) => join(dir, name);
const opened: Client[] = [];
const legacy = (name: string, intMode?: IntMode) => track(createClient({ url: `file:${file(name)}`, intMode }));
const cached = (name: string, intMode?: IntMode) => track(createEmbeddedClient({ url: `file:${file(name)}`, intMode }));
function track(client: Client) {
  opened.push(client);
  return client;
}

/** Everything a caller can observe of a result: values with their types, hidden indexes, JSON. */
function observe(rs: ResultSet) {
  return {
    columns: rs.columns,
    columnTypes: rs.columnTypes,
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: rs.lastInsertRowid,
    json: JSON.stringify(rs.toJSON()),
    rows: rs.rows.map((row) => ({
      keys: Object.keys(row),
      length: row.length,
      ownNames: Object.getOwnPropertyNames(row),
      values: Array.prototype.slice
        .call(row)
        .map((v: unknown) => [typeOf(v), v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v]),
    })),
  };
}
const typeOf = (v: unknown) => (v instanceof ArrayBuffer ? "ArrayBuffer" : v === null ? "null" : typeof v);

/** The answer or the error (class, code, message, batch index) a call gives. */
async function outcome(run: () => Promise<ResultSet | ResultSet[]>) {
  try {
    const r = await run();
    return Array.isArray(r) ? r.map(observe) : observe(r);
  } catch (e) {
    const err = e as LibsqlError & { statementIndex?: number };
    return {
      error: err.constructor.name,
      code: err.code,
      extendedCode: err.extendedCode,
      message: err.message,
      index: err.statementIndex,
    };
  }
}

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  for (const c of opened) c.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the statement-caching file client", () => {
  beforeAll(async () => {
    // A migrated zone database with its policy documents, and an identical copy.
    const seed = legacy("a.db");
    await migrateTenant(seed, migrations);
    await syncPolicyDocuments({ db: openTenantDb(seed), zone: zones.get("zibo")! });
    await seed.executeMultiple("CREATE TABLE scratch (id INTEGER PRIMARY KEY, u TEXT UNIQUE, b BLOB, n REAL)");
    seed.close();
    // The lock test gets copies of its own: a connection that met SQLITE_BUSY can hold a lock
    // until its failed statement is garbage-collected (libsql, with either client).
    for (const copy of ["b.db", "busy-a.db", "busy-b.db"]) copyFileSync(file("a.db"), file(copy));
  });

  it("reads every table of a migrated zone database exactly as @libsql/client does", async () => {
    const [a, b] = [legacy("a.db"), cached("b.db")];
    const tables = (await a.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows;
    expect(tables.length).toBeGreaterThan(20);
    for (const { name } of tables) {
      const sql = `SELECT * FROM "${String(name)}" ORDER BY rowid`;
      expect(await outcome(() => b.execute(sql)), sql).toEqual(await outcome(() => a.execute(sql)));
    }
    const schema = "SELECT * FROM sqlite_master ORDER BY name";
    expect(await outcome(() => b.execute(schema))).toEqual(await outcome(() => a.execute(schema)));
  });

  it.each(["number", "bigint", "string"] as const)("converts values in and out alike (intMode %s)", async (intMode) => {
    const [a, b] = [legacy("a.db", intMode), cached("b.db", intMode)];
    const blob = new Uint8Array([0, 1, 254, 255]).buffer;
    const statements = [
      "SELECT 1 AS i, 1.5 AS f, 'x' AS s, x'00ff' AS b, NULL AS n, 1 AS i",
      { sql: "SELECT ?, ?, ?, ?, ?, ?", args: [true, false, new Date(86_400_000), blob, 2n, "文字"] },
      { sql: "SELECT :a AS a, $b AS b, @c AS c", args: { ":a": 1, $b: "two", c: null } },
      "SELECT 9007199254740993 AS big, -9007199254740993 AS small",
      "SELECT id, title, clause_count FROM policy_documents ORDER BY position",
    ];
    for (const stmt of statements)
      expect(await outcome(() => b.execute(stmt)), typeof stmt === "string" ? stmt : stmt.sql).toEqual(
        await outcome(() => a.execute(stmt)),
      );
    for (const bad of [
      { sql: "SELECT ?", args: [Number.NaN] },
      { sql: "SELECT ?", args: [2n ** 64n] },
    ])
      await expect(b.execute(bad)).rejects.toThrow(RangeError);
  });

  it("reports writes and SQL errors with the same counts and codes", async () => {
    const [a, b] = [legacy("a.db"), cached("b.db")];
    const steps = [
      { sql: "INSERT INTO scratch (u, b, n) VALUES (?, ?, ?)", args: ["w1", new Uint8Array([7]).buffer, 0.25] },
      { sql: "INSERT INTO scratch (u, b, n) VALUES (?, ?, ?)", args: ["w1", null, 1] },
      { sql: "INSERT INTO scratch (u, b, n) VALUES (?, ?, ?)", args: ["w2", null, 1] },
      { sql: "UPDATE scratch SET n = n + 1 WHERE u LIKE 'w%'", args: [] },
      { sql: "INSERT INTO scratch (u) VALUES ('w3') RETURNING id, u", args: [] },
      { sql: "SELEC nothing", args: [] },
      { sql: "SELECT * FROM no_such_table", args: [] },
      { sql: "SELECT * FROM scratch ORDER BY id", args: [] },
    ];
    for (const stmt of steps)
      expect(await outcome(() => b.execute(stmt)), stmt.sql).toEqual(await outcome(() => a.execute(stmt)));
  });

  it("runs a batch as one transaction, rolled back whole when a statement fails", async () => {
    const [a, b] = [legacy("a.db"), cached("b.db")];
    const failing = [
      { sql: "INSERT INTO scratch (u) VALUES (?)", args: ["batch-1"] },
      { sql: "INSERT INTO scratch (u) VALUES (?)", args: ["batch-1"] },
    ];
    for (const c of [a, b]) {
      const err = await c.batch(failing, "write").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LibsqlBatchError);
      expect(err).toMatchObject({
        statementIndex: 1,
        code: "SQLITE_CONSTRAINT",
        extendedCode: "SQLITE_CONSTRAINT_UNIQUE",
      });
      expect((await c.execute("SELECT count(*) AS n FROM scratch WHERE u = 'batch-1'")).rows[0]!.n).toBe(0);
    }
    const ok = [
      { sql: "INSERT INTO scratch (u) VALUES ('batch-2')", args: [] },
      "SELECT u FROM scratch WHERE u = 'batch-2'",
    ];
    expect(await outcome(() => b.batch(ok, "write"))).toEqual(await outcome(() => a.batch(ok, "write")));
    const readOnly = ["INSERT INTO scratch (u) VALUES ('batch-3')"];
    expect(await outcome(() => b.batch(readOnly, "read"))).toEqual(await outcome(() => a.batch(readOnly, "read")));
  });

  it("keeps a transaction's writes to itself until commit, and discards them on rollback", async () => {
    const b = cached("b.db");
    const tx = await b.transaction("write");
    await tx.execute({ sql: "INSERT INTO scratch (u) VALUES (?)", args: ["tx-1"] });
    const count = "SELECT count(*) AS n FROM scratch WHERE u LIKE 'tx-%'";
    expect((await tx.execute(count)).rows[0]!.n).toBe(1);
    // The client goes on with another connection, which does not see the uncommitted row.
    expect((await b.execute(count)).rows[0]!.n).toBe(0);
    await tx.commit();
    expect(tx.closed).toBe(true);
    await expect(tx.execute(count)).rejects.toMatchObject({ code: "TRANSACTION_CLOSED" });
    expect((await b.execute(count)).rows[0]!.n).toBe(1);

    const undone = await b.transaction("write");
    await undone.batch([{ sql: "INSERT INTO scratch (u) VALUES ('tx-2')", args: [] }]);
    await undone.rollback();
    expect((await b.execute(count)).rows[0]!.n).toBe(1);
    // Closing an open transaction rolls it back too.
    const dropped = await b.transaction("write");
    await dropped.execute("INSERT INTO scratch (u) VALUES ('tx-3')");
    dropped.close();
    expect((await b.execute(count)).rows[0]!.n).toBe(1);
  });

  it("reports a locked file as SQLITE_BUSY, which the time limit classifies as busy", async () => {
    const [a, b] = [legacy("busy-a.db"), cached("busy-b.db")];
    const read = "SELECT count(*) AS n FROM scratch";
    const write = { sql: "INSERT INTO scratch (u) VALUES (?)", args: ["busy"] };
    // Statements that ran to the end hold no lock, cached or not: another process can lock the file.
    for (const c of [a, b]) for (let i = 0; i < 3; i++) await c.execute(read);
    const expected = [];
    const lockedA = new Database(file("busy-a.db"));
    lockedA.exec("BEGIN EXCLUSIVE");
    try {
      expected.push(await outcome(() => a.execute(read)), await outcome(() => a.execute(write)));
    } finally {
      lockedA.exec("ROLLBACK");
      lockedA.close();
    }
    expect(expected[0]).toMatchObject({ code: "SQLITE_BUSY" });
    const holder = new Database(file("busy-b.db"));
    holder.exec("BEGIN EXCLUSIVE");
    try {
      expect([await outcome(() => b.execute(read)), await outcome(() => b.execute(write))]).toEqual(expected);
      const limited = limitDatabaseCalls(b, { timeoutMs: 200 });
      const err = await limited.execute(write).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect((err as DatabaseUnavailableError).reason).toBe("busy");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect((await b.execute(write)).rowsAffected).toBe(1);
  });

  it("prepares each SQL text once per connection and keeps at most its bound", async () => {
    const b = cached("b.db");
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const db = openTenantDb(b);
    for (let i = 0; i < 5; i++)
      await db.select({ id: policyDocuments.id }).from(policyDocuments).orderBy(asc(policyDocuments.position));
    expect(prepare).toHaveBeenCalledTimes(1);
    // Past the bound the least recently used statement goes first.
    for (let i = 0; i <= STATEMENTS_PER_CONNECTION; i++) await b.execute(`SELECT ${i} AS n`);
    prepare.mockClear();
    await b.execute(`SELECT ${STATEMENTS_PER_CONNECTION} AS n`);
    expect(prepare).not.toHaveBeenCalled();
    await b.execute("SELECT 0 AS n");
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("drops a statement that failed and prepares it afresh", async () => {
    const b = cached("b.db");
    const insert = "INSERT INTO scratch (u) VALUES (?)";
    await b.execute(insert, ["again-1"]);
    const prepare = vi.spyOn(Database.prototype, "prepare");
    await expect(b.execute(insert, ["again-1"])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(prepare).not.toHaveBeenCalled();
    expect((await b.execute(insert, ["again-2"])).rowsAffected).toBe(1);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("answers a cached SELECT * with the new columns after a schema change, here or in another process", async () => {
    const b = cached("b.db");
    await b.execute("INSERT INTO scratch (u) VALUES ('schema')");
    const all = "SELECT * FROM scratch WHERE u = 'schema'";
    expect((await b.execute(all)).columns).toEqual(["id", "u", "b", "n"]);
    await b.executeMultiple("ALTER TABLE scratch ADD COLUMN here TEXT");
    expect((await b.execute(all)).columns).toEqual(["id", "u", "b", "n", "here"]);
    const other = new Database(file("b.db"));
    other.exec("ALTER TABLE scratch ADD COLUMN there TEXT");
    other.close();
    const rs = await b.execute(all);
    expect(rs.columns).toEqual(["id", "u", "b", "n", "here", "there"]);
    expect(Object.keys(rs.rows[0]!)).toEqual(rs.columns);
  });

  it("migrates a fresh file to the same schema as @libsql/client", async () => {
    const [a, b] = [legacy("fresh-a.db"), cached("fresh-b.db")];
    await migrateTenant(a, migrations);
    await migrateTenant(b, migrations);
    const schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
    expect(await outcome(() => b.execute(schema))).toEqual(await outcome(() => a.execute(schema)));
  });

  it("refuses calls once closed, as @libsql/client does", async () => {
    const b = cached("b.db");
    b.close();
    expect(b.closed).toBe(true);
    await expect(b.execute("SELECT 1")).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
    expect(() => createEmbeddedClient({ url: `file:${join(dir, "no", "such", "dir.db")}` })).toThrow();
  });

  it("takes only plain file paths; anything else stays with @libsql/client", () => {
    expect(embeddedPathOf({ url: "file:.data/zibo.db" })).toBe(".data/zibo.db");
    expect(embeddedPathOf({ url: "file:/srv/yq/zibo.db" })).toBe("/srv/yq/zibo.db");
    expect(embeddedPathOf({ url: "file:///srv/yq/a%20b.db" })).toBe("/srv/yq/a b.db");
    expect(embeddedPathOf({ url: "file://localhost/srv/yq/zibo.db" })).toBe("/srv/yq/zibo.db");
    for (const url of [
      "file::memory:",
      ":memory:",
      "file:a.db?mode=ro",
      "file://host/a.db",
      "libsql://x.turso.io",
      "http://127.0.0.1:8080",
    ])
      expect(embeddedPathOf({ url }), url).toBeUndefined();
    expect(embeddedPathOf({ url: "file:a.db", encryptionKey: "k" })).toBeUndefined();
    expect(embeddedPathOf({ url: "file:a.db", syncUrl: "libsql://x.turso.io" })).toBeUndefined();
  });
});
