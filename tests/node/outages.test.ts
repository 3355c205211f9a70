/**
 * Database outages on the Node target, through its own deps (createNodeDeps): a remote
 * database on a port nobody listens on, a server that accepts the connection and never
 * answers (a real TCP socket), and an embedded file another connection keeps locked.
 * Each answers 503 with Retry-After within the time limit; a lock let go in time is
 * waited out (SQLITE_BUSY retried); and the zones beside them keep answering 200.
 */
import { createClient } from "@libsql/client";
import Database from "libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareTenant } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import {
  DatabaseUnavailableError,
  findDatabaseUnavailable,
  limitDatabaseCalls,
} from "../../worker/db/time-limited-client";
import { preparePlatform } from "../../dev/lib/platform";
import { createNodeDeps, type NodeDeps } from "../../worker/node-deps";

const listen = (server: Server) =>
  new Promise<number>((done) => server.listen(0, "127.0.0.1", () => done((server.address() as { port: number }).port)));
const depsFor = (template: string, timeoutMs: number, platformUrl: string) =>
  createNodeDeps({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: template,
    PLATFORM_DB_URL: platformUrl,
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
    DB_TIMEOUT_MS: String(timeoutMs),
    BLOB_DIR: join(tmpdir(), "yq-outages-blobs"),
  });

describe("database outages on Node", () => {
  const sockets = new Set<Socket>();
  // Accepts every connection and reads the request, but never writes a byte back.
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  const dir = mkdtempSync(join(tmpdir(), "yq-outages-"));
  const platformUrl = `file:${join(dir, "platform.db")}`;
  let all: NodeDeps[] = [];
  let app: ReturnType<typeof createApp>;
  // A second connection to changzhi's file, as another process (a CLI, a backup) would hold it.
  let holder: Database.Database;

  beforeAll(async () => {
    const silentPort = await listen(silent);
    const closed = createServer();
    const deadPort = await listen(closed);
    await new Promise((done) => closed.close(done));
    const prepare = createClient({ url: `file:${join(dir, "changzhi.db")}` });
    await prepareTenant(prepare, zones.get("changzhi")!);
    prepare.close();
    holder = new Database(join(dir, "changzhi.db"));
    const platform = createClient({ url: platformUrl });
    await preparePlatform(platform, zones.all());
    platform.close();

    const down = depsFor(`http://127.0.0.1:${deadPort}/t/{tenant}/`, 300, platformUrl);
    const hung = depsFor(`http://127.0.0.1:${silentPort}/t/{tenant}/`, 300, platformUrl);
    const files = depsFor(`file:${dir}/{tenant}.db`, 2_000, platformUrl);
    all = [down, hung, files];
    // One app, as in production: zibo's database is down, dongying's hung, changzhi's an embedded file.
    app = createApp({
      ...files,
      openClient: (slug) => (slug === "zibo" ? down : slug === "dongying" ? hung : files).openClient(slug),
    });
  });

  afterAll(async () => {
    for (const d of all) d.close();
    holder.close();
    for (const s of sockets) s.destroy();
    await new Promise((done) => silent.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => vi.restoreAllMocks());

  const get = (host: string, path: string) => app.request(`http://${host}${path}`);
  const reasons = (log: { mock: { calls: unknown[][] } }) =>
    log.mock.calls
      .map((args) => JSON.parse(String(args[0])) as { event?: string; zone: string; reason: string })
      .filter((l) => l.event === "database_unavailable")
      .map((l) => `${l.zone}:${l.reason}`);

  it("answers 503 with Retry-After when nothing listens at the database's address", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await get("zibo.localhost", "/api/v1/policies");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(reasons(log)).toEqual(["zibo:unreachable"]);
  });

  it("answers 503 at the time limit when the database server accepts the connection and never answers", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const api = await get("dongying.localhost", "/api/v1/policies");
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("30");
    const page = await get("dongying.localhost", "/");
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("服务暂不可用");
    expect(reasons(log)).toEqual(["dongying:timeout", "dongying:timeout"]);
    // The request really reached the silent server: this is the hang, not a refusal.
    expect(sockets.size).toBeGreaterThan(0);
  });

  it("keeps serving the other zones while one is down and one is hung", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [a, b, c] = await Promise.all([
      get("zibo.localhost", "/api/v1/policies"),
      get("dongying.localhost", "/api/v1/policies"),
      get("changzhi.localhost", "/api/v1/policies"),
    ]);
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
  });

  it("answers 503 when an embedded database stays locked past the limit, and serves once it is free", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    holder.exec("BEGIN EXCLUSIVE");
    try {
      // A query of its own: the plain list may already be in the page cache, which needs no database.
      const res = await get("changzhi.localhost", "/api/v1/policies?during=lock");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
    } finally {
      holder.exec("ROLLBACK");
    }
    expect(reasons(log)).toEqual(["changzhi:busy"]);
    expect((await get("changzhi.localhost", "/api/v1/policies")).status).toBe(200);
  });

  it("waits out a lock that is let go within the limit (SQLITE_BUSY is retried)", async () => {
    // A fresh file: a connection that once met SQLITE_BUSY keeps a shared lock (libsql's native
    // module never resets the failed statement), so the file above cannot be locked again.
    const fresh = mkdtempSync(join(dir, "fresh-"));
    const prepare = createClient({ url: `file:${join(fresh, "changzhi.db")}` });
    await prepareTenant(prepare, zones.get("changzhi")!);
    prepare.close();
    const deps = depsFor(`file:${fresh}/{tenant}.db`, 2_000, platformUrl);
    all.push(deps);
    const other = new Database(join(fresh, "changzhi.db"));
    other.exec("BEGIN EXCLUSIVE");
    const pending = createApp(deps).request("http://changzhi.localhost/api/v1/policies");
    await new Promise((done) => setTimeout(done, 100));
    other.exec("ROLLBACK");
    other.close();
    expect((await pending).status).toBe(200);
  });
});

describe("what counts as an outage", () => {
  it("leaves constraint violations and SQL errors as they are (bugs, 500), not outages", async () => {
    const client = limitDatabaseCalls(createClient({ url: ":memory:" }), { timeoutMs: 1_000 });
    await client.execute("CREATE TABLE t (id TEXT PRIMARY KEY)");
    await client.execute("INSERT INTO t VALUES ('a')");
    for (const sql of ["INSERT INTO t VALUES ('a')", "SELEC 1", "SELECT * FROM missing"]) {
      const failure = await client.execute(sql).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure, sql).toBeInstanceOf(Error);
      expect(findDatabaseUnavailable(failure), sql).toBeUndefined();
    }
    const batch = await client.batch(["INSERT INTO t VALUES ('b')", "INSERT INTO t VALUES ('a')"], "write").then(
      () => null,
      (e: unknown) => e,
    );
    expect(findDatabaseUnavailable(batch)).toBeUndefined();
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(1);
    client.close();
  });

  it("times out a call that never settles, and closes a transaction whose step timed out", async () => {
    let closed = false;
    const never = new Promise<never>(() => {});
    const tx = {
      execute: () => never,
      batch: () => never,
      executeMultiple: () => never,
      commit: () => never,
      rollback: () => never,
      close: () => {
        closed = true;
      },
      closed: false,
    };
    const stuck = {
      execute: () => never,
      transaction: async () => tx,
      close() {},
      closed: false,
      protocol: "file",
    } as unknown as Parameters<typeof limitDatabaseCalls>[0];
    const client = limitDatabaseCalls(stuck, { timeoutMs: 50 });
    const failure = await client.execute("SELECT 1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as DatabaseUnavailableError).reason).toBe("timeout");
    const open = await client.transaction("write");
    await expect(open.execute("SELECT 1")).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(closed).toBe(true);
  });
});
