/**
 * `npm run user:create`: the operator gives a zone a user with a one-time link, never a
 * password. The command's function runs in-process over a scratch platform database (the
 * demo zones registered) and zone files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../migrations/bundle";
import type { CliIo } from "../worker/cli/cli-io";
import { userCreate } from "../worker/cli/user-create";
import { migrateTenant } from "../worker/db/migrate";
import { hashResetToken } from "../worker/features/auth/reset-tokens";
import { zones } from "../tenants/index";
import { preparePlatform } from "./lib/platform";

const dir = mkdtempSync(join(tmpdir(), "yuanqu-user-"));
const env = {
  PLATFORM_DB_URL: `file:${dir}/platform.db`,
  LIBSQL_URL_TEMPLATE: `file:${dir}/{tenant}.db`,
  PUBLIC_URL_TEMPLATE: "https://{tenant}.yuanqu.example.cn",
};

beforeAll(async () => {
  const platform = createClient({ url: env.PLATFORM_DB_URL });
  await preparePlatform(platform, zones.all());
  platform.close();
  const zibo = createClient({ url: `file:${dir}/zibo.db` });
  await migrateTenant(zibo, migrations);
  zibo.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function create(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => "" };
  const code = await userCreate(args, io, "npm run user:create -- ");
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("user:create", () => {
  it("creates the user and prints a one-time link on the zone's public origin whose hash is stored", async () => {
    const { code, stdout } = await create("zibo", "Head.Admin@Zibo.gov.cn", "--role", "zone_admin", "--name", "王主任");
    expect(code).toBe(0);
    const link = /https:\/\/zibo\.yuanqu\.example\.cn\/reset-password\?token=([\w-]+)/.exec(stdout);
    expect(link).not.toBeNull();
    const client = createClient({ url: `file:${dir}/zibo.db` });
    const user = await client.execute("SELECT id, role, name FROM users WHERE email = 'head.admin@zibo.gov.cn'");
    expect(user.rows.map((r) => [r[1], r[2]])).toEqual([["zone_admin", "王主任"]]);
    const token = await client.execute({
      sql: "SELECT kind FROM password_reset_tokens WHERE token_hash = ? AND user_id = ?",
      args: [await hashResetToken(link![1]!), user.rows[0]![0]!],
    });
    expect(token.rows.map((r) => r[0])).toEqual(["admin"]);
    const audit = await client.execute("SELECT actor, action FROM audit_log WHERE target = 'head.admin@zibo.gov.cn'");
    expect(audit.rows.map((r) => [r[0], r[1]])).toEqual([["operator", "user.created"]]);
    client.close();
  });

  it.each([
    [["zibo", "head.admin@zibo.gov.cn", "--role", "zone_admin", "--name", "王主任"], /already has an account/, 1],
    [["nowhere", "a@b.cn", "--role", "zone_admin", "--name", "x"], /zone: one of changzhi, dongying, zibo/, 2],
    [["zibo", "a@b.cn", "--role", "boss", "--name", "x"], /--role: one of/, 2],
    [["zibo", "a@b.cn", "--role", "reviewer"], /--name is required/, 2],
    [["zibo", "a@b.cn", "--role", "enterprise", "--name", "x"], /needs --enterprise/, 2],
  ])("refuses %j with a message", async (args, message, code) => {
    const result = await create(...(args as string[]));
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
