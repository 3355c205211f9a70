/**
 * `npm run tenant:create`: a thin CLI over provisionZone. The command's function runs
 * in-process over a scratch platform database and zone files; one spawn checks the npm
 * script's own wiring (arguments in, exit code out).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../migrations/bundle";
import { platformMigrations } from "../migrations/platform/bundle";
import type { CliIo } from "../worker/cli/cli-io";
import { tenantCreate } from "../worker/cli/tenant-create";
import { migrateTenant, schemaVersion } from "../worker/db/migrate";

const root = fileURLToPath(new URL("../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "yuanqu-tenant-create-"));
const env = {
  PLATFORM_DB_URL: `file:${scratch}/platform.db`,
  LIBSQL_URL_TEMPLATE: `file:${scratch}/{tenant}.db`,
  PUBLIC_URL_TEMPLATE: "https://{tenant}.yuanqu.example.cn",
};

beforeAll(async () => {
  const platform = createClient({ url: env.PLATFORM_DB_URL });
  await migrateTenant(platform, platformMigrations);
  platform.close();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function create(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => "" };
  const code = await tenantCreate(args, io, "npm run tenant:create -- ");
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const details = [
  "--name-zh",
  "潍坊高新技术产业开发区",
  "--name-en",
  "Weifang Hi-tech Industrial Development Zone",
  "--province",
  "山东省",
  "--city",
  "潍坊市",
  "--phone",
  "0536-8888888",
];

describe("tenant:create", () => {
  it("creates the zone through the control plane, migrated, writing nothing under tenants/", async () => {
    const { code, stdout } = await create("weifang", ...details);
    expect(code).toBe(0);
    expect(stdout).toContain("✓ migrate");
    expect(stdout).toContain(
      "潍坊高新技术产业开发区 (weifang, template blank) is active: https://weifang.yuanqu.example.cn",
    );
    const client = createClient({ url: `file:${scratch}/weifang.db` });
    expect(await schemaVersion(client)).toBe(migrations.at(-1)!.tag);
    client.close();
    const platform = createClient({ url: env.PLATFORM_DB_URL });
    const rows = await platform.execute("SELECT status, template FROM tenants WHERE slug = 'weifang'");
    expect(rows.rows.map((r) => [r[0], r[1]])).toEqual([["active", "blank"]]);
    platform.close();
    expect(existsSync(join(root, "tenants", "weifang"))).toBe(false);
  });

  it.each([
    [["www", ...details], /“www”是平台保留的名称/],
    [["Bad_Slug", ...details], /园区标识只能用 2–32 个小写字母/],
    [["weifang", ...details], /已被潍坊高新技术产业开发区使用/],
    [["linyi", ...details.slice(0, 8)], /咨询电话/],
    [["linyi", ...details.slice(0, 9), "12345"], /咨询电话请写区号和号码/],
    [["linyi", ...details, "--template", "nowhere"], /模板只能是 blank、/],
    [["linyi", ...details, "--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j with a message and exit code 2, creating nothing", async (args, message) => {
    const { code, stderr } = await create(...(args as string[]));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(existsSync(join(scratch, "linyi.db"))).toBe(false);
  });

  it("says to migrate first when the platform database is not migrated", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "yuanqu-tenant-create-fresh-"));
    const err: string[] = [];
    const code = await tenantCreate(["linyi", ...details], {
      env: { PLATFORM_DB_URL: `file:${fresh}/platform.db`, LIBSQL_URL_TEMPLATE: `file:${fresh}/{tenant}.db` },
      out: () => {},
      err: (l) => err.push(l),
      readStdin: async () => "",
    });
    rmSync(fresh, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err.join("\n")).toMatch(/migrate it first/);
  });

  it("runs as `npm run tenant:create` (tsx dev/create-tenant.ts): usage on stderr, exit code 2", async () => {
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const failure = await promisify(execFile)(tsx, ["dev/create-tenant.ts"], {
      cwd: root,
      env: { ...process.env, ...env },
    })
      .then(() => null)
      .catch((e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("usage: npm run tenant:create -- <slug> --name-zh");
  });
});
