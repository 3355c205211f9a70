import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, type Client } from "@libsql/client/web";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { startLibsqlServer, type LibsqlServer, type LibsqlServerOptions } from "./server";
import { execute, pipeline, tempDataDir } from "./test-support";

const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(options: LibsqlServerOptions): Promise<LibsqlServer> {
  const server = await startLibsqlServer(options);
  cleanups.push(() => server.close());
  return server;
}

function client(server: LibsqlServer, slug: string): Client {
  const created = createClient({ url: server.tenantUrl(slug), intMode: "bigint" });
  cleanups.push(() => created.close());
  return created;
}

function fileDir(): string {
  const temp = tempDataDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

/** Settles to "pending" if `promise` has not settled yet. */
async function stateOf(promise: Promise<unknown>): Promise<"settled" | "pending"> {
  return Promise.race([
    promise.then(
      () => "settled" as const,
      () => "settled" as const,
    ),
    sleep(0).then(() => "pending" as const),
  ]);
}

async function count(db: Client, table = "t"): Promise<bigint> {
  return (await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n as bigint;
}

describe.each([
  ["in memory", () => ":memory:"],
  ["in files", fileDir],
])("interactive transactions %s", (_mode, dataDir) => {
  it("commit across several HTTP requests", async () => {
    const server = await start({ dataDir: dataDir() });
    const db = client(server, "tx");
    await db.execute("CREATE TABLE t (v TEXT)");
    const tx = await db.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["one"] });
    await tx.batch([{ sql: "INSERT INTO t VALUES (?)", args: ["two"] }]);
    expect((await tx.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(2n);
    await tx.commit();
    expect(await count(db)).toBe(2n);
  });

  it("roll back across several HTTP requests", async () => {
    const server = await start({ dataDir: dataDir() });
    const db = client(server, "tx");
    await db.execute("CREATE TABLE t (v TEXT)");
    const tx = await db.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["gone"] });
    await tx.rollback();
    expect(await count(db)).toBe(0n);
  });

  it("never show another client an uncommitted row", async () => {
    const server = await start({ dataDir: dataDir() });
    const writer = client(server, "tx");
    const reader = client(server, "tx");
    await writer.execute("CREATE TABLE t (v TEXT)");
    const tx = await writer.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["uncommitted"] });
    // Files: the reader sees the last committed state at once. Memory: it waits for the transaction to end.
    const seenDuring = count(reader);
    await tx.execute("SELECT 1");
    await tx.rollback();
    expect(await seenDuring).toBe(0n);
    expect(await count(reader)).toBe(0n);
  });

  it("make a second writer wait for the first transaction, then succeed", async () => {
    const server = await start({ dataDir: dataDir() });
    const first = client(server, "tx");
    const second = client(server, "tx");
    await first.execute("CREATE TABLE t (v TEXT)");
    const tx = await first.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["first"] });
    const waiting = second.execute({ sql: "INSERT INTO t VALUES (?)", args: ["second"] });
    await tx.execute("SELECT 1");
    expect(await stateOf(waiting)).toBe("pending");
    await tx.commit();
    expect((await waiting).rowsAffected).toBe(1);
    expect((await first.execute("SELECT v FROM t ORDER BY rowid")).rows.map((row) => row.v)).toEqual([
      "first",
      "second",
    ]);
  });

  it("fail a writer with SQLITE_BUSY when the other transaction outlasts the busy timeout", async () => {
    const server = await start({ dataDir: dataDir(), busyTimeoutMs: 20 });
    const first = client(server, "tx");
    await first.execute("CREATE TABLE t (v TEXT)");
    const tx = await first.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["first"] });
    await expect(
      client(server, "tx").execute({ sql: "INSERT INTO t VALUES (?)", args: ["second"] }),
    ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    await tx.commit();
    expect(await count(first)).toBe(1n);
  });

  it(
    "end with the stream: closing it mid-transaction rolls " + "back and hands a clean connection to the next stream",
    async () => {
      const server = await start({ dataDir: dataDir() });
      await pipeline(server, "tx", { requests: [execute("CREATE TABLE t (v)"), { type: "close" }] });
      const abandoned = await pipeline(server, "tx", {
        requests: [execute("BEGIN"), execute("INSERT INTO t VALUES (1)"), { type: "close" }],
      });
      expect(abandoned.body.results.map((r: { type: string }) => r.type)).toEqual(["ok", "ok", "ok"]);
      const next = await pipeline(
        server,
        "tx",
        { requests: [{ type: "get_autocommit" }, execute("SELECT count(*) FROM t"), { type: "close" }] },
        3,
      );
      expect(next.body.results[0].response.is_autocommit).toBe(true);
      expect(next.body.results[1].response.result.rows).toEqual([[{ type: "integer", value: "0" }]]);
    },
  );

  it("expire an idle stream, roll its transaction back and reject its baton", async () => {
    const server = await start({ dataDir: dataDir(), streamIdleMs: 20 });
    const db = client(server, "tx");
    await db.execute("CREATE TABLE t (v TEXT)");
    const tx = await db.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["abandoned"] });
    await sleep(100);
    await expect(tx.commit()).rejects.toMatchObject({ code: "STREAM_EXPIRED" });
    expect(await count(db)).toBe(0n);
    // The expired stream released the database: a new write transaction starts at once. It is a batch
    // (one request), so the 20 ms idle limit cannot also expire it between requests on a busy machine.
    await db.batch([{ sql: "INSERT INTO t VALUES (?)", args: ["next"] }], "write");
    expect(await count(db)).toBe(1n);
  });
});

describe("batons", () => {
  it("keep a stream open only while the client holds one, and refuse reuse, forgery and other tenants", async () => {
    const server = await start({ dataDir: ":memory:" });
    const opened = await pipeline(server, "baton", { requests: [execute("CREATE TABLE t (v)"), execute("BEGIN")] });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ baton: expect.any(String), base_url: null });
    const first = opened.body.baton as string;

    const next = await pipeline(server, "baton", { baton: first, requests: [execute("INSERT INTO t VALUES (1)")] });
    expect(next.status).toBe(200);
    expect(next.body.baton).not.toBe(first);

    const reused = await pipeline(server, "baton", { baton: first, requests: [execute("SELECT 1")] });
    expect(reused).toMatchObject({ status: 400, contentType: "application/json", body: { code: "BATON_REUSED" } });
    const forged = await pipeline(server, "baton", { baton: "not-a-baton", requests: [] });
    expect(forged).toMatchObject({ status: 400, body: { code: "BATON_INVALID" } });
    const elsewhere = await pipeline(server, "other-tenant", { baton: next.body.baton, requests: [] });
    expect(elsewhere).toMatchObject({ status: 400, body: { code: "BATON_INVALID" } });

    const closed = await pipeline(server, "baton", {
      baton: next.body.baton,
      requests: [execute("COMMIT"), { type: "close" }],
    });
    expect(closed.body.baton).toBeNull();
    const afterClose = await pipeline(server, "baton", { baton: next.body.baton, requests: [] });
    expect(afterClose).toMatchObject({ status: 400, body: { code: "BATON_INVALID" } });
    const count = await pipeline(server, "baton", { requests: [execute("SELECT count(*) FROM t"), { type: "close" }] });
    expect(count.body.results[0].response.result.rows).toEqual([[{ type: "integer", value: "1" }]]);
  });

  it("drop the stream and roll back when a pipeline breaks the protocol", async () => {
    const server = await start({ dataDir: ":memory:" });
    const opened = await pipeline(server, "broken", {
      requests: [execute("CREATE TABLE t (v)"), execute("BEGIN"), execute("INSERT INTO t VALUES (1)")],
    });
    const broken = await pipeline(server, "broken", {
      baton: opened.body.baton,
      requests: [{ type: "execute", stmt: { sql_id: 99 } }],
    });
    expect(broken).toMatchObject({ status: 400, body: { code: "SQL_NOT_FOUND" } });
    const check = await pipeline(server, "broken", {
      requests: [execute("SELECT count(*) FROM t"), { type: "close" }],
    });
    expect(check.body.results[0].response.result.rows).toEqual([[{ type: "integer", value: "0" }]]);
  });
});

describe("file mode", () => {
  it("lets a reader see the last committed state while another stream's transaction is open", async () => {
    const server = await start({ dataDir: fileDir() });
    const writer = client(server, "reads");
    await writer.execute("CREATE TABLE t (v TEXT)");
    const tx = await writer.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["pending"] });
    expect(await count(client(server, "reads"))).toBe(0n);
    await tx.commit();
    expect(await count(client(server, "reads"))).toBe(1n);
  });

  it(
    "keeps one database file per tenant, persists it " + "across a restart and drops what was never committed",
    async () => {
      const dir = fileDir();
      const first = await start({ dataDir: dir });
      const db = client(first, "zibo");
      await db.batch(["CREATE TABLE t (v TEXT)", { sql: "INSERT INTO t VALUES (?)", args: ["kept"] }], "write");
      const open = await pipeline(first, "zibo", {
        requests: [execute("BEGIN"), execute("INSERT INTO t VALUES ('never committed')")],
      });
      expect(open.body.baton).toEqual(expect.any(String));
      await first.close();
      await expect(fetch(`${first.url}/health`)).rejects.toThrow();
      expect(existsSync(join(dir, "zibo.db"))).toBe(true);

      const second = await start({ dataDir: dir, port: first.port });
      const reopened = client(second, "zibo");
      expect((await reopened.execute("SELECT v FROM t")).rows.map((row) => row.v)).toEqual(["kept"]);
      expect(existsSync(join(dir, "changzhi.db"))).toBe(false);
    },
  );

  it(
    "waits out another process's write lock, and keeps a " + "stream usable when the lock outlasts the busy timeout",
    async () => {
      const dir = fileDir();
      const server = await start({ dataDir: dir, busyTimeoutMs: 30 });
      const opened = await pipeline(server, "shared", { requests: [execute("CREATE TABLE t (v TEXT)")] });
      // Another process (say, a migration script) holds the write lock on the same file.
      const outsider = new Database(join(dir, "shared.db"));
      outsider.exec("BEGIN IMMEDIATE");
      outsider.exec("INSERT INTO t VALUES ('outsider')");
      const blocked = await pipeline(server, "shared", {
        baton: opened.body.baton,
        requests: [execute("INSERT INTO t VALUES ('blocked')")],
      });
      expect(blocked.body.results[0]).toMatchObject({ type: "error", error: { code: "SQLITE_BUSY" } });
      outsider.exec("COMMIT");
      outsider.close();

      const after = await pipeline(server, "shared", {
        baton: blocked.body.baton,
        requests: [execute("INSERT INTO t VALUES ('after')")],
      });
      expect(after.body.results[0].type).toBe("ok");
      // The row written after the timeout is committed, visible to everyone else while the stream stays open.
      expect(
        (await client(server, "shared").execute("SELECT v FROM t ORDER BY rowid")).rows.map((row) => row.v),
      ).toEqual(["outsider", "after"]);
      await pipeline(server, "shared", { baton: after.body.baton, requests: [{ type: "close" }] });
    },
  );

  it("serves many clients writing to one tenant file at once", async () => {
    const server = await start({ dataDir: fileDir() });
    await client(server, "busy").execute("CREATE TABLE t (worker INTEGER)");
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        const db = client(server, "busy");
        for (let n = 0; n < 4; n++) {
          const tx = await db.transaction("write");
          await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: [BigInt(worker)] });
          await tx.commit();
          await db.execute({ sql: "INSERT INTO t VALUES (?)", args: [BigInt(worker)] });
        }
      }),
    );
    expect(await count(client(server, "busy"))).toBe(64n);
  });
});
