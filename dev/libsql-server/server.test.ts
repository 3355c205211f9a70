import { createClient, type Client } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLibsqlServer, type LibsqlServer } from "./server";
import { execute, integer, pipeline, postHrana, text } from "./test-support";

let server: LibsqlServer;
const clients: Client[] = [];

function client(slug: string): Client {
  const created = createClient({ url: server.tenantUrl(slug), intMode: "bigint" });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  server = await startLibsqlServer({ dataDir: ":memory:", port: 0 });
});

afterAll(async () => {
  for (const created of clients) created.close();
  await server.close();
});

describe("the server's address", () => {
  it("exposes its URL without a trailing slash and tenant URLs with one", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.tenantUrl("zibo")).toBe(`http://127.0.0.1:${server.port}/t/zibo/`);
  });
});

describe("execute", () => {
  it("binds positional and named arguments and reports changes and the last rowid", async () => {
    const db = client("execute");
    await db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
    const inserted = await db.execute({ sql: "INSERT INTO people (name, age) VALUES (?, ?)", args: ["Li Wei", 34] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);
    await db.execute({
      sql: "INSERT INTO people (name, age) VALUES (:name, $age)",
      args: { name: "Wang Fang", $age: 29 },
    });

    const byName = await db.execute({
      sql: "SELECT id, name, age FROM people WHERE name = :name",
      args: { ":name": "Wang Fang" },
    });
    expect(byName.columns).toEqual(["id", "name", "age"]);
    expect(byName.columnTypes).toEqual(["INTEGER", "TEXT", "INTEGER"]);
    expect(byName.rows.map((row) => ({ ...row }))).toEqual([{ id: 2n, name: "Wang Fang", age: 29n }]);

    const updated = await db.execute({ sql: "UPDATE people SET age = age + 1 WHERE age > ?", args: [0] });
    expect(updated.rowsAffected).toBe(2);
    expect(updated.lastInsertRowid).toBeUndefined();
    const selected = await db.execute("SELECT count(*) AS n FROM people");
    expect(selected.rowsAffected).toBe(0);
  });

  it("returns rows of INSERT ... RETURNING and counts its changes", async () => {
    const db = client("returning");
    await db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    const result = await db.execute({ sql: "INSERT INTO t (v) VALUES (?), (?) RETURNING id, v", args: ["a", "b"] });
    expect(result.rows.map((row) => [...Object.values(row)])).toEqual([
      [1n, "a"],
      [2n, "b"],
    ]);
    expect(result.rowsAffected).toBe(2);
    expect(result.lastInsertRowid).toBe(2n);
  });

  it("reports constraint violations with the SQLite base code", async () => {
    const db = client("constraints");
    await db.execute("CREATE TABLE u (email TEXT UNIQUE)");
    await db.execute({ sql: "INSERT INTO u VALUES (?)", args: ["a@example.cn"] });
    await expect(db.execute({ sql: "INSERT INTO u VALUES (?)", args: ["a@example.cn"] })).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
      message: expect.stringContaining("UNIQUE constraint failed: u.email"),
    });
    await expect(db.execute("SELEC 1")).rejects.toMatchObject({
      code: "SQLITE_ERROR",
      message: expect.stringContaining("syntax error"),
    });
  });

  it("refuses several statements in one execute, as sqld does", async () => {
    const db = client("many");
    await expect(db.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({ code: "SQL_MANY_STATEMENTS" });
    await expect(db.execute("-- nothing")).rejects.toMatchObject({ code: "SQL_NO_STATEMENT" });
  });

  it("runs a CREATE TRIGGER whose body holds semicolons as one statement", async () => {
    const db = client("trigger");
    await db.executeMultiple("CREATE TABLE a (x); CREATE TABLE log (x);");
    await db.execute(
      "CREATE TRIGGER copy AFTER INSERT ON a BEGIN INSERT INTO log VALUES (new.x); " +
        "INSERT INTO log VALUES (new.x * 10); END;",
    );
    await db.execute({ sql: "INSERT INTO a VALUES (?)", args: [2n] });
    expect((await db.execute("SELECT x FROM log ORDER BY x")).rows.map((row) => row.x)).toEqual([2n, 20n]);
  });
});

describe("values", () => {
  it("round-trips blobs byte for byte", async () => {
    const db = client("blobs");
    await db.execute("CREATE TABLE files (data BLOB)");
    const bytes = new Uint8Array(4099).map((_, i) => (i * 31 + 7) % 256);
    await db.execute({ sql: "INSERT INTO files VALUES (?), (?)", args: [bytes, new Uint8Array(0)] });
    const rows = (await db.execute("SELECT data, typeof(data) AS t FROM files")).rows;
    expect(new Uint8Array(rows[0]!.data as ArrayBuffer)).toEqual(bytes);
    expect(rows.map((row) => row.t)).toEqual(["blob", "blob"]);
    expect((rows[1]!.data as ArrayBuffer).byteLength).toBe(0);
  });

  it("round-trips 64-bit integers without losing precision", async () => {
    const db = client("integers");
    await db.execute("CREATE TABLE n (v INTEGER)");
    const values = [9007199254740993n, -9223372036854775808n, 9223372036854775807n];
    for (const value of values) await db.execute({ sql: "INSERT INTO n VALUES (?)", args: [value] });
    expect((await db.execute("SELECT v FROM n ORDER BY rowid")).rows.map((row) => row.v)).toEqual(values);
    const big = await db.execute({ sql: "INSERT INTO n (rowid, v) VALUES (?, 0)", args: [9007199254740993n] });
    expect(big.lastInsertRowid).toBe(9007199254740993n);
  });

  it("keeps integers, floats, text and null apart on the wire", async () => {
    const response = await pipeline(server, "wire", {
      requests: [
        execute("SELECT 1 AS i, 1.0 AS f, 'x' AS t, NULL AS n, x'00ff' AS b, ? AS echo", {
          args: [{ type: "float", value: 2 }],
        }),
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results[0].response.result.rows).toEqual([
      [
        { type: "integer", value: "1" },
        { type: "float", value: 1 },
        { type: "text", value: "x" },
        { type: "null" },
        { type: "blob", base64: "AP8=" },
        { type: "float", value: 2 },
      ],
    ]);
  });
});

describe("batch", () => {
  it("is atomic in write mode: a failing statement rolls back the others", async () => {
    const db = client("batch");
    await db.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0))");
    await db.execute("INSERT INTO accounts VALUES (1, 100), (2, 0)");
    const transfer = (amount: number) => [
      { sql: "UPDATE accounts SET balance = balance + ? WHERE id = 2", args: [amount] },
      { sql: "UPDATE accounts SET balance = balance - ? WHERE id = 1", args: [amount] },
    ];
    const done = await db.batch(transfer(60), "write");
    expect(done.map((result) => result.rowsAffected)).toEqual([1, 1]);
    await expect(db.batch(transfer(60), "write")).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    const balances = await db.execute("SELECT balance FROM accounts ORDER BY id");
    expect(balances.rows.map((row) => row.balance)).toEqual([40n, 60n]);
  });

  it("evaluates ok, error, not, and, or and is_autocommit conditions", async () => {
    const step = (sql: string, condition?: object) => ({ condition, stmt: { sql, want_rows: true } });
    const response = await pipeline(
      server,
      "conditions",
      {
        requests: [
          {
            type: "batch",
            batch: {
              steps: [
                step("SELECT 'zero'"),
                step("SELECT * FROM missing_table"),
                step("SELECT 'ok(0)'", { type: "ok", step: 0 }),
                step("SELECT 'ok(1)'", { type: "ok", step: 1 }),
                step("SELECT 'error(1)'", { type: "error", step: 1 }),
                step("SELECT 'not ok(1)'", { type: "not", cond: { type: "ok", step: 1 } }),
                step("SELECT 'and'", {
                  type: "and",
                  conds: [
                    { type: "ok", step: 0 },
                    { type: "error", step: 1 },
                  ],
                }),
                step("SELECT 'or'", {
                  type: "or",
                  conds: [
                    { type: "ok", step: 1 },
                    { type: "error", step: 0 },
                  ],
                }),
                step("SELECT 'skipped steps are neither'", {
                  type: "or",
                  conds: [
                    { type: "ok", step: 3 },
                    { type: "error", step: 3 },
                  ],
                }),
                step("BEGIN"),
                step("SELECT 'autocommit'", { type: "is_autocommit" }),
                step("SELECT 'in transaction'", { type: "not", cond: { type: "is_autocommit" } }),
                step("ROLLBACK"),
              ],
            },
          },
          { type: "close" },
        ],
      },
      3,
    );
    expect(response.status).toBe(200);
    const result = response.body.results[0].response.result;
    const ran = result.step_results.map((r: { rows: { value: unknown }[][] } | null) =>
      r ? (r.rows[0]?.[0]?.value ?? "ran") : null,
    );
    expect(ran).toEqual([
      "zero",
      null,
      "ok(0)",
      null,
      "error(1)",
      "not ok(1)",
      "and",
      null,
      null,
      "ran",
      null,
      "in transaction",
      "ran",
    ]);
    expect(result.step_errors[1]).toMatchObject({
      code: "SQLITE_ERROR",
      message: expect.stringContaining("no such table: missing_table"),
    });
    expect(result.step_errors.filter((error: unknown) => error !== null)).toHaveLength(1);
  });
});

describe("sequence", () => {
  it("runs statements in order and stops at the first error", async () => {
    const db = client("sequence");
    await db.executeMultiple("CREATE TABLE s (x); INSERT INTO s VALUES (1); INSERT INTO s VALUES ('two');");
    await expect(
      db.executeMultiple("INSERT INTO s VALUES (3); INSERT INTO nowhere VALUES (4); INSERT INTO s VALUES (5);"),
    ).rejects.toMatchObject({
      code: "SQLITE_ERROR",
    });
    expect((await db.execute("SELECT x FROM s ORDER BY rowid")).rows.map((row) => row.x)).toEqual([1n, "two", 3n]);
  });
});

describe("stored SQL", () => {
  it("executes statements by sql_id until the text is closed", async () => {
    const first = await pipeline(server, "stored", {
      requests: [
        { type: "store_sql", sql_id: 7, sql: "SELECT ? * 2 AS doubled" },
        { type: "execute", stmt: { sql_id: 7, args: [integer(21)] } },
        { type: "sequence", sql: "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)" },
        { type: "store_sql", sql_id: 8, sql: "INSERT INTO kv VALUES (:k, :v)" },
        {
          type: "batch",
          batch: {
            steps: [
              {
                stmt: {
                  sql_id: 8,
                  named_args: [
                    { name: "k", value: text("a") },
                    { name: ":v", value: text("b") },
                  ],
                },
              },
            ],
          },
        },
        { type: "close_sql", sql_id: 7 },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { type: string }) => r.type)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    expect(first.body.results[1].response.result.rows).toEqual([[integer(42)]]);
    expect(first.body.results[4].response.result.step_results[0].affected_row_count).toBe(1);

    const closed = await pipeline(server, "stored", {
      baton: first.body.baton,
      requests: [{ type: "execute", stmt: { sql_id: 7 } }],
    });
    expect(closed.status).toBe(400);
    expect(closed.body).toMatchObject({ code: "SQL_NOT_FOUND" });
  });

  it("is what the client's batch uses for repeated statements", async () => {
    const db = client("stored-batch");
    await db.execute("CREATE TABLE r (n INTEGER)");
    const results = await db.batch(
      Array.from({ length: 40 }, (_, i) => ({ sql: "INSERT INTO r VALUES (?)", args: [i] })),
      "write",
    );
    expect(results).toHaveLength(40);
    expect((await db.execute("SELECT sum(n) AS s FROM r")).rows[0]!.s).toBe(780n);
  });
});

describe("describe, get_autocommit and the v3 cursor", () => {
  it("describes parameters and result columns", async () => {
    await client("describe").execute("CREATE TABLE d (id INTEGER PRIMARY KEY, name TEXT)");
    const response = await pipeline(server, "describe", {
      requests: [{ type: "describe", sql: "SELECT id, name FROM d WHERE id = :id OR name = ?" }],
    });
    expect(response.body.results[0].response.result).toEqual({
      params: [{ name: ":id" }, { name: null }],
      cols: [
        { name: "id", decltype: "INTEGER" },
        { name: "name", decltype: "TEXT" },
      ],
      is_explain: false,
      is_readonly: true,
    });
  });

  it("answers get_autocommit on version 3 only", async () => {
    const v3 = await pipeline(
      server,
      "autocommit",
      { requests: [{ type: "get_autocommit" }, execute("BEGIN"), { type: "get_autocommit" }, { type: "close" }] },
      3,
    );
    expect(v3.body.results.map((r: { response: { is_autocommit?: boolean } }) => r.response.is_autocommit)).toEqual([
      true,
      undefined,
      false,
      undefined,
    ]);
    const v2 = await pipeline(server, "autocommit", { requests: [{ type: "get_autocommit" }] }, 2);
    expect(v2.status).toBe(400);
    expect(v2.body.code).toBe("NOT_SUPPORTED");
  });

  it("streams a v3 cursor as newline-delimited JSON", async () => {
    const response = await postHrana(server, "cursor", "v3/cursor", {
      batch: {
        steps: [{ stmt: { sql: "SELECT 1 AS a UNION ALL SELECT 2" } }, { stmt: { sql: "SELECT * FROM nope" } }],
      },
    });
    expect(response.status).toBe(200);
    const lines = (response.body as string)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ baton: expect.any(String), base_url: null });
    expect(lines.slice(1).map((entry) => entry.type)).toEqual(["step_begin", "row", "row", "step_end", "step_error"]);
    expect(lines[2].row).toEqual([integer(1)]);
  });
});

describe("tenants", () => {
  it("gives each slug its own database", async () => {
    await client("tenant-a").execute("CREATE TABLE only_in_a (x)");
    await client("tenant-a").execute("INSERT INTO only_in_a VALUES (1)");
    await expect(client("tenant-b").execute("SELECT * FROM only_in_a")).rejects.toMatchObject({
      message: expect.stringContaining("no such table"),
    });
    expect((await client("tenant-a").execute("SELECT count(*) AS n FROM only_in_a")).rows[0]!.n).toBe(1n);
  });
});

describe("concurrent clients", () => {
  it("serves many clients writing to one tenant at once without losing a row", async () => {
    await client("busy").execute("CREATE TABLE hits (worker INTEGER, n INTEGER)");
    await Promise.all(
      Array.from({ length: 12 }, async (_, worker) => {
        const db = client("busy");
        for (let n = 0; n < 5; n++) {
          await db.batch([{ sql: "INSERT INTO hits VALUES (?, ?)", args: [worker, n] }], "write");
          const tx = await db.transaction("write");
          await tx.execute({ sql: "INSERT INTO hits VALUES (?, ?)", args: [worker, -n] });
          await tx.commit();
        }
      }),
    );
    const counted = await client("busy").execute(
      "SELECT count(*) AS rows, count(DISTINCT worker) AS workers FROM hits",
    );
    expect({ ...counted.rows[0] }).toEqual({ rows: 120n, workers: 12n });
  });
});
