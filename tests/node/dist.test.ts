/**
 * The self-hosted build, tried as an operator would: the Node target built into a scratch
 * folder beside the repo's package.json and lockfile, `npm ci --omit=dev` (no tsx, no
 * drizzle-kit, no vitest), then only `node dist/node/…`: the server on fresh databases says
 * which command to run (503, not a 500), the built CLI migrates them, creates a zone, an
 * operator and the zone's first admin, and the server serves the zone.
 *
 * About 25 s on two busy cores, nearly all of it `npm ci` (from npm's cache: CI has just run
 * `npm ci` itself; --prefer-offline goes to the registry only for what the cache lacks).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNodeTarget } from "../../dev/build";
import { hostFetchTo } from "../support/node-fetch";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "yuanqu-dist-"));
// Only what an operator's shell would have: no DEV_TOOLS, no settings from this test run.
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? scratch, PORT: "0" };
let server: ChildProcess | undefined;

const cli = (args: string[], stdin?: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/node/cli.mjs", ...args], { cwd: scratch, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });

/** Starts `node dist/node/server.mjs` on a free port; resolves with the port it printed. */
function startServer(): Promise<number> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, ["dist/node/server.mjs"], { cwd: scratch, env });
    let out = "";
    server.stdout!.on("data", (c: Buffer) => {
      out += c;
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.stderr!.on("data", (c: Buffer) => (out += c));
    server.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe("the self-hosted build with production dependencies only", () => {
  beforeAll(async () => {
    await buildNodeTarget(join(scratch, "dist", "node"));
    for (const f of ["package.json", "package-lock.json"]) copyFileSync(join(root, f), join(scratch, f));
    mkdirSync(join(scratch, ".data"));
    await run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: scratch,
      env: { ...env, npm_config_update_notifier: "false" },
      timeout: 240_000,
    });
  }, 300_000);

  afterAll(() => {
    if (server?.pid) server.kill("SIGTERM");
    rmSync(scratch, { recursive: true, force: true });
  });

  it("has no development tool to lean on", () => {
    expect(existsSync(join(scratch, "node_modules", "@libsql", "client"))).toBe(true);
    for (const dev of ["tsx", "vitest", "drizzle-kit", "wrangler", "esbuild"])
      expect(existsSync(join(scratch, "node_modules", dev)), dev).toBe(false);
  });

  it("says to run the CLI on fresh databases; the CLI migrates and creates; the zone is served", async () => {
    const port = await startServer();
    const get = hostFetchTo(port);
    const fresh = await get("localhost", "/api/v1/zone");
    expect(fresh.status).toBe(503);
    expect(((await fresh.json()) as { error: { message: string } }).error.message).toContain(
      "node dist/node/cli.mjs migrate",
    );

    const migrated = await cli(["migrate"]);
    expect(migrated.stderr).toBe("");
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain("platform database: applied");

    const created = await cli([
      "tenant",
      "create",
      "rizhao",
      "--name-zh",
      "日照高新技术产业开发区",
      "--name-en",
      "Rizhao Hi-tech Industrial Development Zone",
      "--province",
      "山东省",
      "--city",
      "日照市",
      "--phone",
      "0633-8888888",
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("is active");

    // The password from stdin, never argv.
    const operator = await cli(
      ["operator", "create", "--email", "ops@rizhao.example.cn", "--name", "平台运维"],
      "Rizhao-ops-2026\n",
    );
    expect(operator.code).toBe(0);
    expect(operator.stdout).toContain("✓ operator ops@rizhao.example.cn created");
    const admin = await cli([
      "user",
      "create",
      "rizhao",
      "admin@rizhao.example.cn",
      "--role",
      "zone_admin",
      "--name",
      "王主任",
    ]);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/reset-password\?token=/);

    const platform = createClient({ url: `file:${join(scratch, ".data", "platform.db")}` });
    const rows = await platform.execute("SELECT email FROM operators");
    platform.close();
    expect(rows.rows.map((r) => r[0])).toEqual(["ops@rizhao.example.cn"]);

    const home = await get("rizhao.localhost", "/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("日照高新技术产业开发区");
    const again = await cli(["migrate"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("✓ rizhao: up to date");
  });
});
